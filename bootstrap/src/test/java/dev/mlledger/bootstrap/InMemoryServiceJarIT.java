package dev.mlledger.bootstrap;

import dev.mlledger.bootstrap.testing.RawHttp;
import dev.mlledger.bootstrap.testing.ServiceProcess;
import dev.mlledger.bootstrap.testing.TrackingApi;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static dev.mlledger.bootstrap.testing.Json.assertJson;
import static dev.mlledger.bootstrap.testing.Json.list;
import static dev.mlledger.bootstrap.testing.Json.object;
import static dev.mlledger.bootstrap.testing.ProblemAssertions.assertProblem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The packaged jar on the in-memory adapter: the whole API, and no database of any kind. */
class InMemoryServiceJarIT {

    private static final Map<String, String> IN_MEMORY = Map.of("MLLEDGER_PERSISTENCE_ADAPTER", "memory");
    /** The model's required features at their means: log-odds -2.3, a LOW risk. */
    private static final String FEATURES =
            "{\"age\": 36.9, \"monthly_income\": 6503, \"overtime\": false, \"job_satisfaction\": 2.73}";

    @TempDir
    Path work;

    @Test
    void in_memory_the_jar_scores_records_tracks_and_analyses_without_starting_any_database() {
        try (ServiceProcess service = ServiceProcess.startHealthy(work, IN_MEMORY)) {
            RawHttp http = service.http();
            assertEquals(Map.of("status", "UP", "description", "in-memory store"),
                    assertJson(http.get("/health"), 200).get("database"));

            Map<String, Object> scored = assertJson(http.postJson("/api/v1/predict",
                    "{\"employee_id\": \"E-1\", \"features\": " + FEATURES + "}"), 200);
            Map<String, Object> batch = assertJson(http.postJson("/api/v1/predict/batch", "{\"items\": ["
                    + "{\"employee_id\": \"E-2\", \"features\": " + FEATURES + "},"
                    + "{\"employee_id\": \"E-3\", \"features\": " + FEATURES + "}]}"), 200);
            Map<String, Object> recorded = assertJson(http.postJson("/api/v1/predictions",
                    "{\"employee_id\": \"E-4\", \"attrition_prob\": 0.9, \"model_version\": \"xgb-2\"}"), 201);
            assertProblem(http.postJson("/api/v1/predict/batch", "{\"items\": [{\"features\": " + FEATURES + "},"
                    + " {\"features\": {\"age\": \"old\"}}]}"), 400);

            Map<String, Object> firstPage = assertJson(http.get("/api/v1/predictions?limit=3"), 200);
            assertEquals(List.of("E-4", "E-3", "E-2"), employees(firstPage));
            Map<String, Object> secondPage = assertJson(http.get("/api/v1/predictions?limit=3&cursor="
                    + firstPage.get("next_cursor")), 200);
            assertEquals(List.of("E-1"), employees(secondPage));
            assertNull(secondPage.get("next_cursor"));
            assertEquals(object(scored).get("prediction_id"), list(secondPage.get("items")).getFirst().get("prediction_id"));
            assertNotNull(assertJson(http.get("/api/v1/predictions/" + recorded.get("prediction_id")), 200)
                    .get("attrition_prob"));
            Map<String, Object> batchRequest = assertJson(http.get("/api/v1/requests/" + batch.get("request_id")), 200);
            assertEquals(List.of("E-2", "E-3"), list(batchRequest.get("predictions")).stream()
                    .map(p -> p.get("employee_id")).toList());

            assertEquals(Map.of("LOW", 3, "MEDIUM", 0, "HIGH", 1), assertJson(http.get("/api/v1/analytics/risk-distribution"), 200));
            Map<String, Object> summary = assertJson(http.get("/api/v1/analytics/summary"), 200);
            assertEquals(4, ((Number) summary.get("total")).intValue());
            assertEquals(Map.of("logreg-attrition-1.0.0", 3, "xgb-2", 1), summary.get("by_model_version"));
            assertEquals(List.of("E-4"), employees(assertJson(http.get("/api/v1/analytics/high-risk"), 200)));

            TrackingApi tracking = new TrackingApi(http);
            String experimentId = tracking.experiment("baseline", "alice", 2);
            List<Map<String, Object>> startedRuns = list(tracking.get("/api/v1/experiments/" + experimentId).get("runs"));
            String runId = (String) startedRuns.getFirst().get("id");
            tracking.logBatch(runId, "{\"name\": \"loss\", \"step\": 2, \"value\": 0.31},"
                    + " {\"name\": \"accuracy\", \"step\": 2, \"value\": 0.88}, {\"name\": \"loss\", \"step\": 1, \"value\": 0.42}");
            tracking.logBatch(runId, "{\"name\": \"loss\", \"step\": 2, \"value\": 0.30}");
            assertEquals(Map.of("loss", 0.30, "accuracy", 0.88), tracking.get("/api/v1/runs/" + runId).get("latest_metrics"));
            assertEquals(List.of(0.42, 0.30), list(tracking.get("/api/v1/runs/" + runId + "/metrics?name=loss").get("items"))
                    .stream().map(point -> point.get("value")).toList());
            tracking.finishRun(runId, "completed");
            assertProblem(tracking.patch("/api/v1/runs/" + runId, "{\"status\": \"failed\"}"), 409);
            assertProblem(http.postJson("/api/v1/runs/" + runId + "/metrics", "{\"name\": \"loss\", \"step\": 3, \"value\": 0.2}"), 409);
            Map<String, Object> alices = tracking.get("/api/v1/experiments?owner=alice&status=running");
            assertEquals(List.of(2), TrackingApi.items(alices).stream().map(e -> e.get("run_count")).toList());
            assertEquals(204, http.send("DELETE", "/api/v1/experiments/" + experimentId + "?purge=true", "application/json", "")
                    .statusCode());
            assertProblem(http.get("/api/v1/runs/" + runId), 404);

            String log = service.log();
            assertTrue(log.contains("Persistence: in memory (nothing is kept after the service stops)"), log);
            assertFalse(log.contains("PostgreSQL") || log.contains("Flyway") || log.contains("Hikari"), log);
            assertEquals(List.of(), service.descendantCommandLines(), "processes started by the service");
            assertEquals(List.of(), processesMentioning(work), "processes working on files of the service's directory");
            service.stop();
            assertTrue(service.log().contains("mlledger stopped"), service.log());
        }
        assertFalse(Files.exists(work.resolve(".mlledger")), "the service created a .mlledger directory");
    }

    @Test
    void an_unknown_persistence_adapter_stops_the_start_up_with_a_message_naming_the_choices() {
        try (ServiceProcess service = ServiceProcess.launch(work, Map.of("MLLEDGER_PERSISTENCE_ADAPTER", "mongodb"))) {
            assertEquals(1, service.awaitExit(), service.log());
            assertTrue(service.log().contains("mlledger did not start: unknown persistence adapter 'mongodb'")
                    && service.log().contains("jdbc, memory"), service.log());
            assertFalse(service.log().contains("embedded PostgreSQL"), service.log());
        }
    }

    private static List<Object> employees(Map<String, Object> page) {
        return list(page.get("items")).stream().map(item -> item.get("employee_id")).toList();
    }

    /** A PostgreSQL the service had started would hold its data directory under the service's directory. */
    private static List<String> processesMentioning(Path directory) {
        String path = directory.toAbsolutePath().toString();
        return ProcessHandle.allProcesses()
                .map(process -> process.info().commandLine().orElse(""))
                .filter(commandLine -> commandLine.contains(path))
                .toList();
    }
}
