package dev.mlledger.bootstrap.http;

import dev.mlledger.adapters.persistence.testing.FreshDatabaseTest;
import dev.mlledger.bootstrap.testing.Json;
import dev.mlledger.bootstrap.testing.RawHttp;
import dev.mlledger.bootstrap.testing.Rows;
import dev.mlledger.bootstrap.testing.Rows.Stored;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.net.URI;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import static dev.mlledger.bootstrap.testing.Json.assertJson;
import static dev.mlledger.bootstrap.testing.Json.errorFields;
import static dev.mlledger.bootstrap.testing.ProblemAssertions.assertProblem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code POST /api/v1/predictions}: a prediction made elsewhere, recorded as sent (201), or not at all (400). */
@MicronautTest(transactional = false)
class RecordPredictionEndpointTest extends FreshDatabaseTest {

    private static final String PATH = "/api/v1/predictions";
    private static final Map<String, Object> SNAPSHOT = Map.of("age", 41, "overtime", true, "department", "Sales",
            "scores", List.of(1.5, 2.5));

    @Inject
    EmbeddedServer server;

    private RawHttp http() {
        return new RawHttp(server.getURL());
    }

    @Test
    void a_recorded_prediction_is_a_201_whose_location_answers_the_same_prediction_with_its_snapshot() {
        Map<String, Object> sent = valid();
        String body = Json.write(sent);

        HttpResponse<String> response = http().postJson(PATH, body);

        Map<String, Object> created = assertJson(response, 201);
        PredictEndpointTest.assertSnakeCase(created);
        String id = (String) created.get("prediction_id");
        UUID.fromString(id);
        UUID.fromString((String) created.get("request_id"));
        assertEquals("E-1", created.get("employee_id"));
        assertEquals(0.42, ((Number) created.get("attrition_prob")).doubleValue(), 0.0);
        assertEquals("MEDIUM", created.get("risk_level"));
        assertEquals("xgb_enhanced_v1.0", created.get("model_version"));
        assertEquals(Instant.parse("2026-03-01T09:30:00Z"), instant(created.get("prediction_date")));
        assertEquals(SNAPSHOT, created.get("features_snapshot"));

        String location = response.headers().firstValue("Location").orElseThrow();
        assertEquals("/api/v1/predictions/" + id, URI.create(location).getPath());
        Map<String, Object> fetched = assertJson(http().get(URI.create(location).getPath()), 200);
        assertEquals(created, fetched);

        assertEquals(1, Rows.count(database, """
                SELECT count(*) FROM predictions WHERE id = ?::uuid AND request_id = ?::uuid AND employee_id = 'E-1'
                  AND attrition_prob = 0.42 AND risk_level = 'MEDIUM' AND model_version = 'xgb_enhanced_v1.0'
                  AND prediction_date = '2026-03-01T09:30:00Z' AND features_snapshot = ?::jsonb""",
                id, created.get("request_id"), Json.write(SNAPSHOT)));
        assertEquals(1, Rows.count(database, """
                SELECT count(*) FROM api_requests WHERE id = ?::uuid AND endpoint = '/api/v1/predictions'
                  AND method = 'POST' AND http_status = 201 AND request_data = ?::jsonb""",
                created.get("request_id"), body));
    }

    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource({"0.0, LOW", "0.29, LOW", "0.3, MEDIUM", "0.59, MEDIUM", "0.6, HIGH", "1.0, HIGH"})
    void an_omitted_risk_level_is_derived_from_the_thresholds(double probability, String level) {
        Map<String, Object> sent = valid();
        sent.remove("risk_level");
        sent.put("attrition_prob", probability);

        Map<String, Object> created = assertJson(http().postJson(PATH, Json.write(sent)), 201);

        assertEquals(level, created.get("risk_level"));
        Map<String, Object> model = assertJson(http().get("/api/v1/model"), 200);
        assertEquals(PredictEndpointTest.expectedRiskLevel(model, probability), created.get("risk_level"));
    }

    @Test
    void a_given_risk_level_is_kept_as_the_other_model_decided_it() {
        Map<String, Object> sent = valid();
        sent.put("attrition_prob", 0.1);
        sent.put("risk_level", "HIGH");

        Map<String, Object> created = assertJson(http().postJson(PATH, Json.write(sent)), 201);

        assertEquals("HIGH", created.get("risk_level"));
    }

    @Test
    void an_omitted_prediction_date_defaults_to_now() {
        Map<String, Object> sent = valid();
        sent.remove("prediction_date");
        Instant before = Instant.now().truncatedTo(ChronoUnit.MICROS);

        Map<String, Object> created = assertJson(http().postJson(PATH, Json.write(sent)), 201);

        Instant after = Instant.now();
        Instant predictionDate = instant(created.get("prediction_date"));
        assertFalse(predictionDate.isBefore(before) || predictionDate.isAfter(after), predictionDate::toString);
    }

    @Test
    void a_prediction_date_with_another_offset_is_the_same_instant() {
        Map<String, Object> sent = valid();
        sent.put("prediction_date", "2026-03-01T11:30:00+02:00");

        Map<String, Object> created = assertJson(http().postJson(PATH, Json.write(sent)), 201);

        assertEquals(Instant.parse("2026-03-01T09:30:00Z"), instant(created.get("prediction_date")));
    }

    @Test
    void only_attrition_prob_and_model_version_are_required() {
        Map<String, Object> created = assertJson(http().postJson(PATH,
                "{\"attrition_prob\": 0.75, \"model_version\": \"m-1\"}"), 201);

        assertEquals("HIGH", created.get("risk_level"));
        assertNull(created.get("employee_id"));
        Map<String, Object> fetched = assertJson(http().get("/api/v1/predictions/" + created.get("prediction_id")), 200);
        assertEquals(created, fetched);
    }

    @Test
    void the_answer_carries_every_field_of_a_prediction_with_its_snapshot() {
        Map<String, Object> created = assertJson(http().postJson(PATH, Json.write(valid())), 201);

        assertTrue(created.keySet().containsAll(Set.of("prediction_id", "request_id", "employee_id", "attrition_prob",
                "risk_level", "model_version", "prediction_date", "created_at", "features_snapshot")), created::toString);
    }

    // --- rejected: 400 naming the field, nothing stored ---

    @Test
    void a_negative_attrition_prob_is_a_400_naming_it() {
        assertEquals(List.of(Map.of("field", "attrition_prob", "message", "must be between 0 and 1")),
                rejectedWith("attrition_prob", -0.1).get("errors"));
    }

    @Test
    void an_attrition_prob_above_one_is_a_400_naming_it() {
        assertEquals(List.of("attrition_prob"), errorFields(rejectedWith("attrition_prob", 1.5)));
    }

    @Test
    void an_attrition_prob_that_is_not_a_number_is_a_400_naming_it() {
        assertEquals(List.of(Map.of("field", "attrition_prob", "message", "must be a number")),
                rejectedWith("attrition_prob", "x").get("errors"));
    }

    @Test
    void an_attrition_prob_that_overflows_to_infinity_is_a_400_naming_it() {
        String body = Json.write(valid()).replace("0.42", "1e999");

        assertEquals(List.of("attrition_prob"), errorFields(rejected(body)));
    }

    @Test
    void a_missing_attrition_prob_is_a_400_naming_it() {
        assertEquals(List.of(Map.of("field", "attrition_prob", "message", "is required")),
                rejectedWith("attrition_prob", null).get("errors"));
    }

    @Test
    void an_unknown_risk_level_is_a_400_naming_it() {
        assertEquals(List.of("risk_level"), errorFields(rejectedWith("risk_level", "EXTREME")));
    }

    @Test
    void a_risk_level_that_is_not_a_string_is_a_400_naming_it() {
        assertEquals(List.of("risk_level"), errorFields(rejectedWith("risk_level", 2)));
    }

    @Test
    void a_missing_model_version_is_a_400_naming_it() {
        assertEquals(List.of(Map.of("field", "model_version", "message", "is required")),
                rejectedWith("model_version", null).get("errors"));
    }

    @Test
    void a_blank_model_version_is_a_400_naming_it() {
        assertEquals(List.of("model_version"), errorFields(rejectedWith("model_version", " ")));
    }

    @Test
    void a_model_version_of_fifty_one_characters_is_a_400_naming_it() {
        assertEquals(List.of("model_version"), errorFields(rejectedWith("model_version", "m".repeat(51))));
    }

    @Test
    void an_employee_id_of_fifty_one_characters_is_a_400_naming_it() {
        assertEquals(List.of("employee_id"), errorFields(rejectedWith("employee_id", "E".repeat(51))));
    }

    @Test
    void ids_and_versions_are_limited_in_characters_not_in_utf16_units() {
        String emoji = "\uD83D\uDE00";
        Map<String, Object> sent = valid();
        sent.put("employee_id", emoji.repeat(50));
        sent.put("model_version", emoji.repeat(50));

        Map<String, Object> created = assertJson(http().postJson(PATH, Json.write(sent)), 201);

        assertEquals(emoji.repeat(50), created.get("employee_id"));
        assertEquals(created, assertJson(http().get(PATH + "/" + created.get("prediction_id")), 200));
        assertEquals(List.of("employee_id"), errorFields(rejectedWith("employee_id", emoji.repeat(51))));
        assertEquals(List.of("model_version"), errorFields(rejectedWith("model_version", emoji.repeat(51))));
    }

    @Test
    void a_prediction_date_without_an_offset_is_a_400_naming_it() {
        assertEquals(List.of("prediction_date"), errorFields(rejectedWith("prediction_date", "2026-03-01T09:30:00")));
    }

    @Test
    void a_prediction_date_that_is_not_a_date_is_a_400_naming_it() {
        assertEquals(List.of("prediction_date"), errorFields(rejectedWith("prediction_date", "yesterday")));
    }

    @ParameterizedTest(name = "prediction_date={0}")
    @ValueSource(strings = {"+999999999-12-31T23:59:59Z", "+10000-01-01T00:00:00Z", "0000-12-31T23:59:59Z",
            "-5000-01-01T00:00:00Z", "0001-01-01T00:30:00+01:00"})
    void a_prediction_date_outside_the_years_1_to_9999_is_a_400_naming_it(String date) {
        assertEquals(List.of("prediction_date"), errorFields(rejectedWith("prediction_date", date)));
    }

    @ParameterizedTest(name = "prediction_date={0}")
    @ValueSource(strings = {"0001-01-01T00:00:00Z", "9999-12-31T23:59:59.999999Z"})
    void a_prediction_date_at_either_end_of_the_years_1_to_9999_is_recorded(String date) {
        Map<String, Object> sent = valid();
        sent.put("prediction_date", date);

        Map<String, Object> created = assertJson(http().postJson(PATH, Json.write(sent)), 201);

        assertEquals(Instant.parse(date), instant(created.get("prediction_date")));
        assertEquals(created, assertJson(http().get(PATH + "/" + created.get("prediction_id")), 200));
    }

    @Test
    void a_features_snapshot_that_is_not_an_object_is_a_400_naming_it() {
        assertEquals(List.of("features_snapshot"), errorFields(rejectedWith("features_snapshot", List.of(1, 2))));
    }

    @Test
    void a_nul_character_in_the_snapshot_is_a_400_naming_where_it_is() {
        Map<String, Object> problem = rejectedWith("features_snapshot", Map.of("department", "Sales\u0000"));

        assertEquals(List.of("features_snapshot.department"), errorFields(problem));
    }

    @Test
    void half_a_surrogate_pair_in_the_snapshot_is_a_400_naming_where_it_is() {
        String body = Json.write(valid()).replace("\"Sales\"", "\"Sales\\udfff\"");

        assertEquals(List.of("features_snapshot.department"), errorFields(rejected(body)));
    }

    @Test
    void an_unknown_field_is_a_400_naming_it() {
        assertEquals(List.of("risk"), errorFields(rejectedWith("risk", "HIGH")));
    }

    @Test
    void every_problem_is_reported_at_once() {
        Map<String, Object> sent = valid();
        sent.put("attrition_prob", 1.5);
        sent.put("risk_level", "EXTREME");
        sent.remove("model_version");
        sent.put("prediction_date", "0000-03-01T00:00:00Z");
        Map<String, Object> misfit = valid();
        misfit.put("attrition_prob", "0.4");
        misfit.put("prediction_date", "2026-03-01");

        // since the body binds to a Serde record (2026-12-01): a body that does not fit the record (an unknown
        // member, a wrong JSON type) is refused for that, every misfit named; the rules on the values are checked
        // once it fits, every broken one named
        Map<String, Object> misfits = rejected(Json.write(misfit));
        Map<String, Object> problem = rejected(Json.write(sent));

        assertEquals(Set.of("attrition_prob", "prediction_date"), Set.copyOf(errorFields(misfits)));
        assertEquals(Set.of("attrition_prob", "risk_level", "model_version", "prediction_date"),
                Set.copyOf(errorFields(problem)));
    }

    @Test
    void malformed_json_a_missing_body_and_a_body_that_is_not_json_store_nothing() {
        rejected("{\"attrition_prob\": 0.4,");
        rejected("[]");

        Stored before = Stored.in(database);
        assertProblem(http().send("POST", PATH, "application/json", null), 400);
        assertProblem(http().send("POST", PATH, "text/plain", Json.write(valid())), 415);
        assertEquals(before, Stored.in(database));
    }

    private Map<String, Object> rejectedWith(String field, Object value) {
        Map<String, Object> sent = valid();
        if (value == null) {
            sent.remove(field);
        } else {
            sent.put(field, value);
        }
        return rejected(Json.write(sent));
    }

    private Map<String, Object> rejected(String body) {
        Stored before = Stored.in(database);

        Map<String, Object> problem = assertProblem(http().postJson(PATH, body), 400);

        assertEquals(before, Stored.in(database), "nothing stored for " + body);
        return problem;
    }

    private static Map<String, Object> valid() {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("employee_id", "E-1");
        body.put("attrition_prob", 0.42);
        body.put("risk_level", "MEDIUM");
        body.put("model_version", "xgb_enhanced_v1.0");
        body.put("features_snapshot", SNAPSHOT);
        body.put("prediction_date", "2026-03-01T09:30:00Z");
        return body;
    }

    private static Instant instant(Object text) {
        return OffsetDateTime.parse((String) text).toInstant();
    }
}
