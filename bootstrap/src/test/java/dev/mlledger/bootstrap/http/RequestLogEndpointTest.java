package dev.mlledger.bootstrap.http;

import dev.mlledger.adapters.persistence.testing.FreshDatabaseTest;
import dev.mlledger.bootstrap.testing.RawHttp;
import dev.mlledger.bootstrap.testing.Rows;
import dev.mlledger.bootstrap.testing.Rows.Stored;
import dev.mlledger.bootstrap.testing.SlowProbeController;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import static dev.mlledger.bootstrap.testing.Json.assertJson;
import static dev.mlledger.bootstrap.testing.Json.errorFields;
import static dev.mlledger.bootstrap.testing.Json.list;
import static dev.mlledger.bootstrap.testing.Json.query;
import static dev.mlledger.bootstrap.testing.ProblemAssertions.assertProblem;
import static dev.mlledger.bootstrap.testing.ProblemAssertions.parse;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code GET /api/v1/requests/{id}} and the request log every {@code /api/**} request leaves behind. */
@MicronautTest(transactional = false)
class RequestLogEndpointTest extends FreshDatabaseTest {

    private static final Duration LOG_DELAY = Duration.ofSeconds(2);
    private static final String FEATURES = "{\"age\": 30, \"monthly_income\": 4000, \"overtime\": true, \"job_satisfaction\": 2}";

    @Inject
    EmbeddedServer server;

    @Override
    protected Map<String, String> settings() {
        return Map.of(SlowProbeController.ENABLED, "true");
    }

    private RawHttp http() {
        return new RawHttp(server.getURL());
    }

    @Test
    void a_predict_request_is_answered_with_its_log_entry_and_its_prediction() {
        String body = "{\"employee_id\": \"E-7\", \"features\": " + FEATURES + "}";
        Instant before = Instant.now().minusMillis(1);
        Map<String, Object> prediction = assertJson(http().postJson("/api/v1/predict", body), 200);

        Map<String, Object> request = assertJson(http().get("/api/v1/requests/" + prediction.get("request_id")), 200);

        PredictEndpointTest.assertSnakeCase(request);
        assertTrue(request.keySet().containsAll(Set.of("id", "created_at", "endpoint", "method", "request_data",
                "client_ip", "user_agent", "http_status", "response_time_ms", "predictions")), request::toString);
        assertEquals(prediction.get("request_id"), request.get("id"));
        assertEquals("/api/v1/predict", request.get("endpoint"));
        assertEquals("POST", request.get("method"));
        assertEquals(parse(body), request.get("request_data"));
        assertEquals(200, request.get("http_status"));
        assertTrue(((Number) request.get("response_time_ms")).intValue() >= 0, request::toString);
        assertTrue(((String) request.get("client_ip")).contains("127.0.0.1"), request::toString);
        assertTrue(((String) request.get("user_agent")).startsWith("Java-http-client"), request::toString);
        Instant createdAt = OffsetDateTime.parse((String) request.get("created_at")).toInstant();
        assertFalse(createdAt.isBefore(before) || createdAt.isAfter(Instant.now()), createdAt::toString);
        List<Map<String, Object>> predictions = list(request.get("predictions"));
        assertEquals(1, predictions.size());
        Map<String, Object> listed = predictions.getFirst();
        assertEquals(parse(FEATURES), listed.remove("features_snapshot"));
        assertEquals(prediction, listed);
    }

    @Test
    void a_recorded_prediction_is_listed_under_its_request_logged_with_201() {
        String body = "{\"attrition_prob\": 0.5, \"model_version\": \"m-1\", \"features_snapshot\": {\"x\": 1}}";
        Map<String, Object> prediction = assertJson(http().postJson("/api/v1/predictions", body), 201);

        Map<String, Object> request = assertJson(http().get("/api/v1/requests/" + prediction.get("request_id")), 200);

        assertEquals("/api/v1/predictions", request.get("endpoint"));
        assertEquals(201, request.get("http_status"));
        assertEquals(parse(body), request.get("request_data"));
        assertEquals(List.of(prediction.get("prediction_id")),
                list(request.get("predictions")).stream().map(p -> p.get("prediction_id")).toList());
    }

    @Test
    void an_unknown_request_id_is_a_404() {
        Stored before = Stored.in(database);

        assertProblem(http().get("/api/v1/requests/" + UUID.randomUUID()), 404);

        assertEquals(before, Stored.in(database));
    }

    @Test
    void a_request_id_that_is_not_a_uuid_is_a_400_naming_the_parameter() {
        Stored before = Stored.in(database);

        Map<String, Object> problem = assertProblem(http().get("/api/v1/requests/not-a-uuid"), 400);

        assertEquals(List.of("id"), errorFields(problem));
        assertEquals(before, Stored.in(database));
    }

    @Test
    void a_get_request_is_logged_with_its_query_parameters_and_its_status() {
        String employee = "E-" + UUID.randomUUID();

        assertJson(http().get("/api/v1/predictions" + query("employee_id", employee, "limit", "5")), 200);

        Map<String, Object> row = awaitLogged("/api/v1/predictions", "employee_id", employee);
        assertEquals("GET", row.get("method"));
        assertEquals(200, row.get("http_status"));
        assertEquals(Map.of("employee_id", employee, "limit", "5"), parse((String) row.get("request_data")));
        assertTrue((Integer) row.get("response_time_ms") >= 0);
        assertTrue(((String) row.get("user_agent")).startsWith("Java-http-client"), row::toString);

        Map<String, Object> request = assertJson(http().get("/api/v1/requests/" + row.get("id")), 200);
        assertEquals("/api/v1/predictions", request.get("endpoint"));
        assertEquals("GET", request.get("method"));
        assertEquals(200, request.get("http_status"));
        assertEquals(Map.of("employee_id", employee, "limit", "5"), request.get("request_data"));
        assertEquals(List.of(), request.get("predictions"));
    }

    @Test
    void a_get_request_without_parameters_is_logged_with_an_empty_object() {
        assertJson(http().get("/api/v1/model"), 200);

        List<Map<String, Object>> rows = Rows.await(database, LOG_DELAY, """
                SELECT request_data::text AS request_data, http_status FROM api_requests
                WHERE endpoint = '/api/v1/model' AND method = 'GET'""");
        assertFalse(rows.isEmpty(), "GET /api/v1/model was not logged");
        assertEquals(Map.of(), parse((String) rows.getFirst().get("request_data")));
        assertEquals(200, rows.getFirst().get("http_status"));
    }

    @Test
    void a_request_that_takes_a_quarter_second_is_logged_with_at_least_that_long_and_not_absurdly_more() {
        assertEquals(200, http().get("/api/test-probe/slow" + query("ms", "250")).statusCode());

        Map<String, Object> row = awaitLogged("/api/test-probe/slow", "ms", "250");
        int took = (Integer) row.get("response_time_ms");
        assertTrue(took >= 250, "logged " + took + " ms for a 250 ms request");
        assertTrue(took < 5_000, "logged " + took + " ms for a 250 ms request");
    }

    @Test
    void a_request_rejected_for_its_query_is_logged_with_its_400() {
        String employee = "E-" + UUID.randomUUID();

        Stored before = Stored.in(database);

        assertProblem(http().get("/api/v1/predictions" + query("employee_id", employee, "limit", "0")), 400);

        assertEquals(before, Stored.in(database));

        Map<String, Object> row = awaitLogged("/api/v1/predictions", "employee_id", employee);
        assertEquals(400, row.get("http_status"));
        assertEquals("GET", row.get("method"));
    }

    @Test
    void a_rejected_predict_request_is_logged_with_its_400_and_its_body_but_nothing_else_is_stored() {
        String employee = "E-" + UUID.randomUUID();
        String body = "{\"employee_id\": \"" + employee + "\", \"features\": {\"age\": \"old\"}}";
        Stored before = Stored.in(database);

        assertProblem(http().postJson("/api/v1/predict", body), 400);

        List<Map<String, Object>> rows = Rows.await(database, LOG_DELAY, """
                SELECT http_status, method, request_data::text AS request_data FROM api_requests
                WHERE endpoint = '/api/v1/predict' AND request_data ->> 'employee_id' = ?""", employee);
        assertEquals(1, rows.size(), "the rejected request is logged once");
        assertEquals(400, rows.getFirst().get("http_status"));
        assertEquals("POST", rows.getFirst().get("method"));
        assertEquals(parse(body), parse((String) rows.getFirst().get("request_data")));
        assertEquals(before, Stored.in(database));
    }

    @Test
    void a_request_for_an_unknown_prediction_is_logged_with_its_404() {
        String id = UUID.randomUUID().toString();

        assertProblem(http().get("/api/v1/predictions/" + id), 404);

        List<Map<String, Object>> rows = Rows.await(database, LOG_DELAY,
                "SELECT http_status, method FROM api_requests WHERE endpoint = ?", "/api/v1/predictions/" + id);
        assertFalse(rows.isEmpty(), "the 404 was not logged");
        assertEquals(404, rows.getFirst().get("http_status"));
        assertEquals("GET", rows.getFirst().get("method"));
    }

    @Test
    void a_request_with_a_body_that_is_not_json_is_logged_with_its_415() {
        String marker = UUID.randomUUID().toString();

        assertProblem(http().send("POST", "/api/v1/predict" + query("marker", marker), "text/plain", "age=40"), 415);

        Map<String, Object> row = awaitLogged("/api/v1/predict", "marker", marker);
        assertEquals(415, row.get("http_status"));
    }

    @Test
    void a_request_with_malformed_json_is_logged_with_its_400() {
        String marker = UUID.randomUUID().toString();

        assertProblem(http().postJson("/api/v1/predictions" + query("marker", marker), "{\"attrition_prob\": "), 400);

        Map<String, Object> row = awaitLogged("/api/v1/predictions", "marker", marker);
        assertEquals(400, row.get("http_status"));
        assertEquals("POST", row.get("method"));
    }

    @Test
    void a_request_to_an_unknown_api_route_is_logged_with_its_404() {
        String path = "/api/v1/no-such-thing-" + UUID.randomUUID();

        assertProblem(http().get(path), 404);

        List<Map<String, Object>> rows = Rows.await(database, LOG_DELAY,
                "SELECT http_status FROM api_requests WHERE endpoint = ?", path);
        assertFalse(rows.isEmpty(), "the 404 was not logged");
        assertEquals(404, rows.getFirst().get("http_status"));
    }

    @Test
    void a_request_outside_the_api_is_not_logged() {
        assertEquals(200, http().get("/health").statusCode());
        // a query parameter the route declares marks the row (an unknown one would be a 400)
        assertJson(http().get("/api/v1/predictions" + query("model_version", "after-health")), 200);

        awaitLogged("/api/v1/predictions", "model_version", "after-health");
        assertEquals(0, Rows.count(database, "SELECT count(*) FROM api_requests WHERE endpoint NOT LIKE '/api/%'"));
    }

    /** The one log row of a request to {@code endpoint} whose query parameter {@code name} was {@code value}. */
    private Map<String, Object> awaitLogged(String endpoint, String name, String value) {
        List<Map<String, Object>> rows = Rows.await(database, LOG_DELAY, """
                SELECT id::text AS id, method, http_status, request_data::text AS request_data, response_time_ms,
                       user_agent
                FROM api_requests WHERE endpoint = ? AND request_data ->> ? = ?""", endpoint, name, value);
        assertEquals(1, rows.size(), () -> endpoint + " with " + name + "=" + value + " logged " + rows.size() + " times");
        return rows.getFirst();
    }
}
