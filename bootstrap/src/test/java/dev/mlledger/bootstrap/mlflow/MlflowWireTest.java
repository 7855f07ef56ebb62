package dev.mlledger.bootstrap.mlflow;

import dev.mlledger.adapters.persistence.testing.FreshDatabaseTest;
import dev.mlledger.bootstrap.testing.RawHttp;
import dev.mlledger.bootstrap.testing.Rows;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import static dev.mlledger.bootstrap.testing.Json.assertJson;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Issue 12: the MLflow adapter's wire contract, byte by byte as MLflow's clients see it: error bodies in MLflow's
 * shape with its codes and 4xx statuses (never a 500), unknown members ignored, int64 members taken as numbers or
 * strings, a JSON body on every answer, both path prefixes, and every call in the request log.
 */
@MicronautTest(transactional = false)
class MlflowWireTest extends FreshDatabaseTest {

    private static final String API = "/api/2.0/mlflow";
    private static final Duration LOG_DELAY = Duration.ofSeconds(2);

    @Inject
    EmbeddedServer server;

    private final AtomicInteger sequence = new AtomicInteger();

    private RawHttp http() {
        return new RawHttp(server.getURL());
    }

    @Test
    void malformed_json_is_a_400_malformed_request_in_mlflow_s_error_shape() {
        Map<String, Object> error = assertMlflowError(http().postJson(API + "/experiments/create", "{\"name\": "),
                400, "MALFORMED_REQUEST");

        assertTrue(((String) error.get("message")).startsWith("Malformed JSON"), error::toString);
    }

    @Test
    void a_body_that_is_no_json_object_or_holds_text_no_store_can_keep_is_an_invalid_parameter_value() {
        String runId = runId();

        assertMlflowError(http().postJson(API + "/runs/set-tag", "[\"" + runId + "\"]"), 400, "INVALID_PARAMETER_VALUE");
        assertMlflowError(http().postJson(API + "/runs/set-tag", "{\"run_id\": \"" + runId
                + "\", \"key\": \"team\", \"value\": \"a\\ud800b\"}"), 400, "INVALID_PARAMETER_VALUE");
        assertMlflowError(http().postJson(API + "/runs/set-tag", "{\"run_id\": \"" + runId
                + "\", \"key\": \"team\", \"value\": \"a\\u0000b\"}"), 400, "INVALID_PARAMETER_VALUE");
    }

    @Test
    void a_member_of_the_wrong_type_or_a_value_that_is_no_finite_number_is_an_invalid_parameter_value() {
        String runId = runId();

        assertMlflowError(http().postJson(API + "/runs/log-metric", "{\"run_id\": \"" + runId
                + "\", \"key\": \"loss\", \"value\": 0.5, \"timestamp\": 1, \"step\": \"three\"}"), 400,
                "INVALID_PARAMETER_VALUE");
        assertMlflowError(http().postJson(API + "/runs/log-metric", "{\"run_id\": \"" + runId
                + "\", \"key\": \"loss\", \"value\": \"NaN\", \"timestamp\": 1, \"step\": 1}"), 400,
                "INVALID_PARAMETER_VALUE");
        assertMlflowError(http().postJson(API + "/experiments/search", "{\"max_results\": \"many\"}"), 400,
                "INVALID_PARAMETER_VALUE");
        assertMlflowError(http().get(API + "/metrics/get-history?run_id=" + runId + "&metric_key=loss&max_results=x"),
                400, "INVALID_PARAMETER_VALUE");
    }

    @Test
    void a_create_repeated_with_its_idempotency_key_answers_the_same_run_and_starts_no_other() {
        String body = "{\"experiment_id\": \"0\", \"run_name\": \"" + unique("once") + "\"}";

        HttpResponse<String> first = http().postJson(API + "/runs/create", body, "Idempotency-Key", "mlflow-create-1");
        HttpResponse<String> again = http().postJson(API + "/runs/create", body, "Idempotency-Key", "mlflow-create-1");

        assertJson(first, 200);
        assertJson(again, 200);
        assertEquals(first.body(), again.body());
        assertEquals("true", again.headers().firstValue("Idempotent-Replayed").orElse(""));
    }

    @Test
    void a_missing_required_member_is_an_invalid_parameter_value() {
        assertMlflowError(http().postJson(API + "/experiments/create", "{}"), 400, "INVALID_PARAMETER_VALUE");
        assertMlflowError(http().postJson(API + "/runs/log-metric", "{\"run_id\": \"" + runId() + "\"}"), 400,
                "INVALID_PARAMETER_VALUE");
    }

    @Test
    void an_endpoint_mlflow_has_but_mlledger_does_not_is_a_404_endpoint_not_found() {
        Map<String, Object> error = assertMlflowError(http().get(API + "/artifacts/list?run_id=" + runId()), 404,
                "ENDPOINT_NOT_FOUND");

        assertEquals("mlledger does not answer GET " + API + "/artifacts/list; docs/mlflow.md lists the MLflow "
                + "endpoints it answers", error.get("message"));
        assertMlflowError(http().postJson(API + "/registered-models/create", "{\"name\": \"m\"}"), 404,
                "ENDPOINT_NOT_FOUND");
    }

    @Test
    void the_framework_s_refusals_keep_their_status_in_mlflow_s_shape() {
        assertMlflowError(http().get(API + "/runs/create"), 405, "BAD_REQUEST");
        assertMlflowError(http().send("POST", API + "/runs/create", "text/plain", "experiment_id=0"), 415,
                "BAD_REQUEST");
    }

    @Test
    void an_unknown_run_or_experiment_is_a_404_resource_does_not_exist() {
        assertMlflowError(http().get(API + "/runs/get?run_id=0123456789abcdef0123456789abcdef"), 404,
                "RESOURCE_DOES_NOT_EXIST");
        assertMlflowError(http().get(API + "/runs/get?run_id=not-a-run-id"), 404, "RESOURCE_DOES_NOT_EXIST");
        assertMlflowError(http().get(API + "/experiments/get?experiment_id=424242"), 404, "RESOURCE_DOES_NOT_EXIST");
        assertMlflowError(http().postJson(API + "/runs/log-metric", "{\"run_id\": \"0123456789abcdef0123456789abcdef\", "
                + "\"key\": \"loss\", \"value\": 1, \"timestamp\": 1, \"step\": 0}"), 404, "RESOURCE_DOES_NOT_EXIST");
    }

    @Test
    void a_write_the_state_of_a_run_forbids_gets_the_code_of_its_reason() {
        String ended = runId();
        String deleted = runId();
        assertOk(http().postJson(API + "/runs/update", "{\"run_id\": \"" + ended + "\", \"status\": \"FINISHED\"}"));
        assertOk(http().postJson(API + "/runs/delete", "{\"run_id\": \"" + deleted + "\"}"));
        String metric = "\", \"key\": \"loss\", \"value\": 1, \"timestamp\": 1, \"step\": 0}";

        assertMlflowError(http().postJson(API + "/runs/log-metric", "{\"run_id\": \"" + ended + metric), 409,
                "RESOURCE_CONFLICT");
        assertMlflowError(http().postJson(API + "/runs/log-metric", "{\"run_id\": \"" + deleted + metric), 400,
                "INVALID_PARAMETER_VALUE");
        assertMlflowError(http().postJson(API + "/runs/delete-tag", "{\"run_id\": \"" + ended
                + "\", \"key\": \"never-set\"}"), 404, "RESOURCE_DOES_NOT_EXIST");
        assertOk(http().postJson(API + "/runs/set-tag", "{\"run_id\": \"" + ended
                + "\", \"key\": \"note\", \"value\": \"an ended run takes tags\"}"));
    }

    @Test
    void a_taken_experiment_name_is_a_400_resource_already_exists() {
        String name = unique("taken");
        assertJson(http().postJson(API + "/experiments/create", "{\"name\": \"" + name + "\"}"), 200);

        assertMlflowError(http().postJson(API + "/experiments/create", "{\"name\": \"" + name + "\"}"), 400,
                "RESOURCE_ALREADY_EXISTS");
    }

    @Test
    void unknown_members_and_query_parameters_are_ignored_as_mlflow_ignores_them() {
        Map<String, Object> created = assertJson(http().postJson(API + "/experiments/create",
                "{\"name\": \"" + unique("lenient") + "\", \"colour\": \"red\", \"nested\": {\"a\": [1]}}"), 200);

        assertJson(http().get(API + "/experiments/get?experiment_id=" + created.get("experiment_id") + "&colour=red"),
                200);
    }

    @Test
    void int64_members_are_taken_as_json_strings_or_numbers_and_written_as_numbers() {
        String runId = runId();

        assertEquals("{}", assertOk(http().postJson(API + "/runs/log-metric", "{\"run_id\": \"" + runId
                + "\", \"key\": \"loss\", \"value\": 0.5, \"timestamp\": \"1700000000000\", \"step\": \"3\"}")));
        assertEquals("{}", assertOk(http().postJson(API + "/runs/log-metric", "{\"run_uuid\": \"" + runId
                + "\", \"key\": \"loss\", \"value\": 0.25, \"timestamp\": 1700000000001, \"step\": 4}")));

        Map<String, Object> history = assertJson(http().get(API + "/metrics/get-history?run_id=" + runId
                + "&metric_key=loss"), 200);
        List<?> metrics = (List<?>) history.get("metrics");
        assertEquals(Map.of("key", "loss", "value", 0.5, "timestamp", 1_700_000_000_000L, "step", 3L),
                normalised((Map<?, ?>) metrics.getFirst()));
        assertFalse(history.containsKey("next_page_token"), history::toString);
    }

    @Test
    void statuses_are_written_in_capitals_and_lifecycle_stages_in_lower_case() {
        String runId = runId();

        Map<?, ?> info = (Map<?, ?>) ((Map<?, ?>) assertJson(http().get(API + "/runs/get?run_id=" + runId), 200)
                .get("run")).get("info");

        assertEquals("RUNNING", info.get("status"));
        assertEquals("active", info.get("lifecycle_stage"));
        assertInstanceOf(Number.class, info.get("start_time"));
        assertFalse(info.containsKey("end_time"), info::toString);
        assertEquals(runId, info.get("run_id"));
    }

    @Test
    void metric_history_is_paged_with_a_token_that_is_left_out_on_the_last_page() {
        String runId = runId();
        assertOk(http().postJson(API + "/runs/log-batch", "{\"run_id\": \"" + runId + "\", \"metrics\": ["
                + "{\"key\": \"acc\", \"value\": 0.1, \"timestamp\": 1, \"step\": 1},"
                + "{\"key\": \"acc\", \"value\": 0.2, \"timestamp\": 2, \"step\": 2},"
                + "{\"key\": \"acc\", \"value\": 0.3, \"timestamp\": 3, \"step\": 3}]}"));

        Map<String, Object> first = assertJson(http().get(API + "/metrics/get-history?run_id=" + runId
                + "&metric_key=acc&max_results=2"), 200);
        Map<String, Object> second = assertJson(http().get(API + "/metrics/get-history?run_id=" + runId
                + "&metric_key=acc&max_results=2&page_token=" + first.get("next_page_token")), 200);

        assertEquals(2, ((List<?>) first.get("metrics")).size());
        assertEquals(1, ((List<?>) second.get("metrics")).size());
        assertFalse(second.containsKey("next_page_token"), second::toString);
    }

    @Test
    void a_batch_over_mlflow_s_limit_of_1000_metrics_is_an_invalid_parameter_value() {
        StringBuilder metrics = new StringBuilder();
        for (int step = 0; step < 1001; step++) {
            metrics.append(step == 0 ? "" : ",").append("{\"key\": \"m\", \"value\": 1, \"timestamp\": 1, \"step\": ")
                    .append(step).append('}');
        }

        assertMlflowError(http().postJson(API + "/runs/log-batch", "{\"run_id\": \"" + runId() + "\", \"metrics\": ["
                + metrics + "]}"), 400, "INVALID_PARAMETER_VALUE");
    }

    @Test
    void the_ajax_api_prefix_of_mlflow_s_web_ui_answers_the_same_routes() {
        Map<String, Object> experiment = assertJson(http().get("/ajax-api/2.0/mlflow/experiments/get?experiment_id=0"),
                200);

        assertEquals("Default", ((Map<?, ?>) experiment.get("experiment")).get("name"));
        assertMlflowError(http().get("/ajax-api/2.0/mlflow/experiments/get?experiment_id=424242"), 404,
                "RESOURCE_DOES_NOT_EXIST");
    }

    @Test
    void a_request_without_credentials_is_a_401_unauthenticated_with_the_bearer_challenge() {
        HttpResponse<String> refused = http().anonymous().get(API + "/experiments/get?experiment_id=0");

        assertMlflowError(refused, 401, "UNAUTHENTICATED");
        assertTrue(refused.headers().firstValue("WWW-Authenticate").orElse("").startsWith("Bearer "),
                refused.headers()::toString);
    }

    @Test
    void mlflow_calls_are_in_the_request_log_with_the_status_the_client_got() {
        String name = unique("logged");
        assertJson(http().postJson(API + "/experiments/create", "{\"name\": \"" + name + "\"}"), 200);
        assertMlflowError(http().get("/ajax-api/2.0/mlflow/runs/get?run_id=0123456789abcdef0123456789abcdef"), 404,
                "RESOURCE_DOES_NOT_EXIST");

        List<Map<String, Object>> created = Rows.await(database, LOG_DELAY, """
                SELECT method, http_status FROM api_requests
                WHERE endpoint = '/api/2.0/mlflow/experiments/create' AND request_data ->> 'name' = ?""", name);
        List<Map<String, Object>> missing = Rows.await(database, LOG_DELAY, """
                SELECT http_status FROM api_requests WHERE endpoint = '/ajax-api/2.0/mlflow/runs/get'
                AND request_data ->> 'run_id' = '0123456789abcdef0123456789abcdef'""");

        assertEquals(List.of(Map.of("method", "POST", "http_status", 200)), created);
        assertEquals(List.of(Map.of("http_status", 404)), missing);
    }

    private String runId() {
        Map<String, Object> created = assertJson(http().postJson(API + "/runs/create",
                "{\"experiment_id\": \"0\", \"start_time\": \"1700000000000\"}"), 200);
        return (String) ((Map<?, ?>) ((Map<?, ?>) created.get("run")).get("info")).get("run_id");
    }

    private String unique(String prefix) {
        return prefix + "-" + sequence.incrementAndGet();
    }

    private static String assertOk(HttpResponse<String> response) {
        assertJson(response, 200);
        return response.body();
    }

    /** An error in MLflow's shape: its status, {@code application/json}, its code and a message. */
    private static Map<String, Object> assertMlflowError(HttpResponse<String> response, int status, String code) {
        Map<String, Object> error = assertJson(response, status);
        assertEquals(code, error.get("error_code"), response::body);
        assertTrue(error.get("message") instanceof String message && !message.isBlank(), response::body);
        assertEquals(2, error.size(), response::body);
        return error;
    }

    /** Numbers as longs where they are whole, as JSON readers differ on that. */
    private static Map<String, Object> normalised(Map<?, ?> map) {
        Map<String, Object> copy = new LinkedHashMap<>();
        map.forEach((key, value) -> copy.put((String) key, value instanceof Number number
                && !(value instanceof Double) ? (Object) number.longValue() : value));
        return copy;
    }
}
