package dev.mlledger.bootstrap.endtoend;

import dev.mlledger.bootstrap.testing.RawHttp;
import io.micronaut.runtime.server.EmbeddedServer;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static dev.mlledger.bootstrap.testing.ProblemAssertions.assertProblem;
import static dev.mlledger.bootstrap.testing.ProblemAssertions.parse;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The whole HTTP API through its front door only, so that it runs unchanged on every persistence adapter: a
 * subclass per adapter says which one the service uses. Each test works on data it made itself.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public abstract class ApiEndToEndSuite {

    private static final String FEATURES =
            "{\"age\": 41, \"monthly_income\": 5993, \"overtime\": true, \"job_satisfaction\": 2}";

    @Inject
    EmbeddedServer server;

    protected RawHttp http() {
        return new RawHttp(server.getURL());
    }

    @Test
    void a_scored_prediction_is_stored_with_its_request_and_counted_by_analytics() {
        Map<String, Object> before = parse(http().get("/api/v1/analytics/summary").body());

        HttpResponse<String> scored = http().postJson("/api/v1/predict",
                "{\"employee_id\": \"E2E-1\", \"features\": " + FEATURES + "}");

        assertEquals(200, scored.statusCode(), scored.body());
        Map<String, Object> prediction = parse(scored.body());
        Map<String, Object> request = parse(http().get("/api/v1/requests/" + prediction.get("request_id")).body());
        assertEquals("/api/v1/predict", request.get("endpoint"));
        assertEquals(List.of(prediction.get("prediction_id")),
                ((List<?>) request.get("predictions")).stream().map(p -> ((Map<?, ?>) p).get("prediction_id")).toList());
        Map<String, Object> stored = parse(http().get("/api/v1/predictions/" + prediction.get("prediction_id")).body());
        assertEquals(Map.of("age", 41, "monthly_income", 5993, "overtime", true, "job_satisfaction", 2),
                stored.get("features_snapshot"));
        Map<String, Object> after = parse(http().get("/api/v1/analytics/summary").body());
        assertEquals(((Number) before.get("total")).longValue() + 1, ((Number) after.get("total")).longValue());
    }

    @Test
    void a_body_that_starts_with_a_byte_order_mark_is_scored_and_logged_as_sent() {
        HttpResponse<String> scored = http().postJson("/api/v1/predict",
                "\uFEFF{\"employee_id\": \"BOM-1\", \"features\": " + FEATURES + "}");

        assertEquals(200, scored.statusCode(), scored.body());
        Map<String, Object> request = parse(http().get("/api/v1/requests/" + parse(scored.body()).get("request_id")).body());
        assertEquals("BOM-1", ((Map<?, ?>) request.get("request_data")).get("employee_id"));
    }

    @Test
    void a_batch_with_one_bad_item_stores_nothing_and_a_good_one_stores_every_item_in_order() {
        String bad = "{\"items\": [{\"employee_id\": \"B-1\", \"features\": " + FEATURES + "}, "
                + "{\"employee_id\": \"B-2\", \"features\": {\"age\": \"old\"}}]}";
        assertProblem(http().postJson("/api/v1/predict/batch", bad), 400);
        assertEquals(List.of(), items(http().get("/api/v1/predictions?employee_id=B-1")));

        StringBuilder good = new StringBuilder("{\"items\": [");
        for (int i = 0; i < 30; i++) {
            good.append(i == 0 ? "" : ",").append("{\"employee_id\": \"B-ok\", \"features\": ").append(FEATURES).append('}');
        }
        HttpResponse<String> scored = http().postJson("/api/v1/predict/batch", good.append("]}").toString());

        assertEquals(200, scored.statusCode(), scored.body());
        List<?> predictions = (List<?>) parse(scored.body()).get("predictions");
        Map<String, Object> request = parse(http().get("/api/v1/requests/" + parse(scored.body()).get("request_id")).body());
        assertEquals(predictions.stream().map(p -> ((Map<?, ?>) p).get("prediction_id")).toList(),
                ((List<?>) request.get("predictions")).stream().map(p -> ((Map<?, ?>) p).get("prediction_id")).toList());
    }

    @Test
    void recorded_predictions_are_listed_newest_first_and_paged_once_each() {
        Set<Object> recorded = new HashSet<>();
        for (int i = 0; i < 12; i++) {
            HttpResponse<String> created = http().postJson("/api/v1/predictions", "{\"employee_id\": \"PAGE\", "
                    + "\"attrition_prob\": 0." + (10 + i) + ", \"model_version\": \"e2e-paging\"}");
            assertEquals(201, created.statusCode(), created.body());
            recorded.add(parse(created.body()).get("prediction_id"));
        }
        List<Object> visited = new ArrayList<>();
        String cursor = null;
        do {
            Map<String, Object> page = parse(http().get("/api/v1/predictions?model_version=e2e-paging&limit=5"
                    + (cursor == null ? "" : "&cursor=" + cursor)).body());
            ((List<?>) page.get("items")).forEach(item -> visited.add(((Map<?, ?>) item).get("prediction_id")));
            cursor = (String) page.get("next_cursor");
        } while (cursor != null);

        assertEquals(recorded, new HashSet<>(visited));
        assertEquals(12, visited.size());
        assertProblem(http().get("/api/v1/predictions?model_version=e2e-paging&cursor=garbage"), 400);
    }

    @Test
    void risk_distribution_counts_recorded_predictions_of_a_model_in_their_levels() {
        for (String probability : new String[]{"0.1", "0.2", "0.45", "0.9"}) {
            assertEquals(201, http().postJson("/api/v1/predictions", "{\"attrition_prob\": " + probability
                    + ", \"model_version\": \"e2e-levels\"}").statusCode());
        }

        Map<String, Object> distribution = parse(http().get("/api/v1/analytics/risk-distribution?model_version=e2e-levels").body());

        assertEquals(Map.of("LOW", 2, "MEDIUM", 1, "HIGH", 1), distribution);
    }

    @Test
    void an_experiment_with_runs_takes_metrics_until_its_run_ends_and_goes_with_them() {
        HttpResponse<String> created = http().postJson("/api/v1/experiments",
                "{\"name\": \"e2e\", \"owner\": \"suite\", \"runs\": [{\"seed\": 1}]}");
        assertEquals(201, created.statusCode(), created.body());
        Map<String, Object> experiment = parse(created.body());
        assertEquals("running", experiment.get("status"));
        String run = (String) ((Map<?, ?>) ((List<?>) experiment.get("runs")).getFirst()).get("id");

        assertEquals(201, http().postJson("/api/v1/runs/" + run + "/metrics/batch", "{\"metrics\": ["
                + "{\"name\": \"loss\", \"step\": 1, \"value\": 0.9}, {\"name\": \"loss\", \"step\": 2, \"value\": 0.4}]}").statusCode());
        assertEquals(Map.of("loss", 0.4), parse(http().get("/api/v1/runs/" + run).body()).get("latest_metrics"));
        assertEquals(200, http().send("PATCH", "/api/v1/runs/" + run, "application/json", "{\"status\": \"completed\"}").statusCode());
        assertProblem(http().postJson("/api/v1/runs/" + run + "/metrics", "{\"name\": \"loss\", \"step\": 3, \"value\": 0.1}"), 409);
        assertEquals(2, ((List<?>) parse(http().get("/api/v1/runs/" + run + "/metrics").body()).get("items")).size());

        assertEquals(204, http().send("DELETE", "/api/v1/experiments/" + experiment.get("id"), null, null).statusCode());
        assertEquals("deleted", parse(http().get("/api/v1/experiments/" + experiment.get("id")).body()).get("lifecycle"));
        assertEquals(204, http().send("DELETE", "/api/v1/experiments/" + experiment.get("id") + "?purge=true", null, null)
                .statusCode());
        assertProblem(http().get("/api/v1/runs/" + run), 404);
    }

    @Test
    void of_two_clients_ending_the_same_run_at_once_exactly_one_gets_200() throws Exception {
        String experiment = (String) parse(http().postJson("/api/v1/experiments",
                "{\"name\": \"race\", \"owner\": \"suite\"}").body()).get("id");
        ExecutorService clients = Executors.newFixedThreadPool(2);
        try {
            for (int round = 0; round < 15; round++) {
                String run = (String) parse(http().send("POST", "/api/v1/experiments/" + experiment + "/runs",
                        "application/json", "{}").body()).get("id");
                CyclicBarrier together = new CyclicBarrier(2);
                List<Future<Integer>> answers = new ArrayList<>();
                for (String outcome : new String[]{"completed", "failed"}) {
                    answers.add(clients.submit(() -> {
                        together.await();
                        return http().send("PATCH", "/api/v1/runs/" + run, "application/json",
                                "{\"status\": \"" + outcome + "\"}").statusCode();
                    }));
                }
                List<Integer> statuses = new ArrayList<>();
                for (Future<Integer> answer : answers) {
                    statuses.add(answer.get());
                }
                statuses.sort(Integer::compare);
                assertEquals(List.of(200, 409), statuses, "round " + round);
            }
        } finally {
            clients.shutdownNow();
        }
    }

    @Test
    void a_forbidden_transition_is_a_409_and_changes_nothing() {
        String experiment = (String) parse(http().postJson("/api/v1/experiments",
                "{\"name\": \"rules\", \"owner\": \"suite\"}").body()).get("id");

        assertProblem(http().send("PATCH", "/api/v1/experiments/" + experiment, "application/json",
                "{\"status\": \"completed\"}"), 409);

        assertEquals("created", parse(http().get("/api/v1/experiments/" + experiment).body()).get("status"));
    }

    @Test
    void retention_keeps_recent_data_and_health_is_up() {
        HttpResponse<String> purged = http().send("DELETE", "/api/v1/retention?older_than_days=30", null, null);

        assertEquals(200, purged.statusCode(), purged.body());
        assertEquals(0, ((Number) parse(purged.body()).get("deleted_predictions")).intValue());
        HttpResponse<String> health = http().get("/health");
        assertEquals(200, health.statusCode());
        assertEquals("UP", parse(health.body()).get("status"));
        assertNull(parse(http().get("/api/v1/analytics/summary?from=2999-01-01T00:00:00Z").body()).get("average_attrition_prob"));
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> items(HttpResponse<String> page) {
        assertTrue(page.statusCode() == 200, page.body());
        return (List<Map<String, Object>>) parse(page.body()).get("items");
    }

    @Test
    void a_post_repeated_under_its_idempotency_key_is_answered_again_and_done_once() throws Exception {
        String owner = "idem-" + java.util.UUID.randomUUID().toString().substring(0, 8);
        String body = "{\"name\": \"once\", \"owner\": \"" + owner + "\"}";
        String key = "e2e-" + owner;

        HttpResponse<String> first = http().postJson("/api/v1/experiments", body, "Idempotency-Key", key);
        HttpResponse<String> repeat = http().postJson("/api/v1/experiments", body, "Idempotency-Key", key);
        HttpResponse<String> otherBody = http().postJson("/api/v1/experiments",
                "{\"name\": \"twice\", \"owner\": \"" + owner + "\"}", "Idempotency-Key", key);
        Map<String, Object> listed = parse(http().get("/api/v1/experiments?owner=" + owner).body());

        assertEquals(201, first.statusCode(), first.body());
        assertEquals(201, repeat.statusCode(), repeat.body());
        assertEquals(first.body(), repeat.body());
        assertEquals("true", repeat.headers().firstValue("Idempotent-Replayed").orElse(null));
        assertEquals(first.headers().firstValue("Location"), repeat.headers().firstValue("Location"));
        assertProblem(otherBody, 422);
        assertEquals(1, ((List<?>) listed.get("items")).size(), listed::toString);
    }
}
