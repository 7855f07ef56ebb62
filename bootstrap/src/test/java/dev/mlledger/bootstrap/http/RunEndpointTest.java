package dev.mlledger.bootstrap.http;

import dev.mlledger.adapters.persistence.testing.FreshDatabaseTest;
import dev.mlledger.bootstrap.testing.RawHttp;
import dev.mlledger.bootstrap.testing.TrackingApi;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.net.http.HttpResponse;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import static dev.mlledger.bootstrap.testing.ProblemAssertions.assertProblem;
import static dev.mlledger.bootstrap.testing.TrackingApi.body;
import static dev.mlledger.bootstrap.testing.TrackingApi.errorFields;
import static dev.mlledger.bootstrap.testing.TrackingApi.expect;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code POST /api/v1/experiments/{id}/runs} and {@code /api/v1/runs/{id}} through real HTTP on a real database. */
@MicronautTest(transactional = false)
class RunEndpointTest extends FreshDatabaseTest {

    private static final Set<String> RUN_FIELDS = Set.of("id", "experiment_id", "name", "owner", "status",
            "lifecycle", "started_at", "ended_at", "seed");

    @Inject
    EmbeddedServer server;

    private TrackingApi api;

    @BeforeEach
    void client() {
        api = new TrackingApi(new RawHttp(server.getURL()));
    }

    // --- POST /api/v1/experiments/{id}/runs

    @Test
    void starting_a_run_with_a_seed_answers_201_with_its_location_and_the_running_run() {
        String experiment = api.experiment("seeded", "alice", 0);
        Instant before = Instant.now().truncatedTo(ChronoUnit.MICROS);

        HttpResponse<String> response = startRun(experiment, "application/json", "{\"seed\": 42}");

        Instant after = Instant.now();
        expect(201, response);
        Map<String, Object> run = body(response);
        assertEquals(RUN_FIELDS, run.keySet());
        String id = (String) run.get("id");
        UUID.fromString(id);
        assertEquals(experiment, run.get("experiment_id"));
        assertEquals("running", run.get("status"));
        assertEquals(42, run.get("seed"));
        assertNull(run.get("ended_at"));
        Instant startedAt = OffsetDateTime.parse((String) run.get("started_at")).toInstant();
        assertFalse(startedAt.isBefore(before) || startedAt.isAfter(after), "started_at " + startedAt);
        String location = response.headers().firstValue("Location").orElseThrow();
        assertTrue(location.endsWith("/api/v1/runs/" + id), location);
        Map<String, Object> read = api.get("/api/v1/runs/" + id);
        assertEquals(Map.of(), read.get("latest_metrics"));
        read.remove("latest_metrics");
        assertEquals(Map.of(), read.remove("params"));
        assertEquals(Map.of(), read.remove("tags"));
        assertEquals(run, read);
    }

    @Test
    void starting_a_run_with_an_empty_object_answers_201_with_no_seed() {
        String experiment = api.experiment("unseeded", "alice", 0);

        HttpResponse<String> response = startRun(experiment, "application/json", "{}");

        expect(201, response);
        assertTrue(body(response).containsKey("seed"), response::body);
        assertNull(body(response).get("seed"));
        assertTrue(response.headers().firstValue("Location").orElseThrow()
                .endsWith("/api/v1/runs/" + body(response).get("id")));
    }

    @Test
    void starting_a_run_with_no_body_at_all_answers_201_with_no_seed() {
        String experiment = api.experiment("bodiless", "alice", 0);

        HttpResponse<String> withoutContentType = startRun(experiment, null, null);
        HttpResponse<String> emptyJson = startRun(experiment, "application/json", "");

        for (HttpResponse<String> response : List.of(withoutContentType, emptyJson)) {
            expect(201, response);
            assertNull(body(response).get("seed"));
            assertTrue(response.headers().firstValue("Location").orElseThrow()
                    .endsWith("/api/v1/runs/" + body(response).get("id")));
        }
        assertEquals(2, runsOf(experiment).size());
    }

    @Test
    void a_created_experiment_becomes_running_with_its_first_run_and_stays_running_with_more() {
        String experiment = api.experiment("starting", "alice", 0);
        assertEquals("created", api.get("/api/v1/experiments/" + experiment).get("status"));

        String first = api.startRun(experiment);
        assertEquals("running", api.get("/api/v1/experiments/" + experiment).get("status"));
        String second = api.startRun(experiment);

        Map<String, Object> read = api.get("/api/v1/experiments/" + experiment);
        assertEquals("running", read.get("status"));
        assertEquals(List.of(first, second), runsOf(experiment).stream().map(run -> run.get("id")).toList());
    }

    @ParameterizedTest
    @ValueSource(strings = {"completed", "failed"})
    void a_finished_experiment_takes_no_new_run_409(String outcome) {
        String experiment = api.experiment("finished", "alice", 1);
        api.setExperimentStatus(experiment, outcome);

        assertProblem(startRun(experiment, "application/json", "{\"seed\": 1}"), 409);
        assertProblem(startRun(experiment, null, null), 409);

        assertEquals(1, runsOf(experiment).size());
        assertEquals(outcome, api.get("/api/v1/experiments/" + experiment).get("status"));
    }

    @Test
    void a_run_of_an_unknown_experiment_is_a_404_and_of_a_malformed_id_a_400_naming_id() {
        assertProblem(startRun(UUID.randomUUID().toString(), "application/json", "{}"), 404);
        assertProblem(startRun(UUID.randomUUID().toString(), null, null), 404);

        assertEquals(List.of("id"), errorFields(assertProblem(startRun("nope", "application/json", "{}"), 400)));
    }

    @Test
    void a_seed_that_is_not_an_int_or_an_unknown_field_is_a_400_naming_it_and_starts_no_run() {
        String experiment = api.experiment("bad-seeds", "alice", 0);

        for (String seed : List.of("\"42\"", "1.5", "2147483648", "true")) {
            Map<String, Object> problem = assertProblem(
                    startRun(experiment, "application/json", "{\"seed\": " + seed + "}"), 400);
            assertEquals(List.of("seed"), errorFields(problem), seed);
        }
        assertEquals(List.of("sead"), errorFields(assertProblem(
                startRun(experiment, "application/json", "{\"sead\": 1}"), 400)));
        assertProblem(startRun(experiment, "application/json", "[1]"), 400);
        assertProblem(startRun(experiment, "text/plain", "seed=1"), 415);

        assertEquals(List.of(), runsOf(experiment));
        assertEquals("created", api.get("/api/v1/experiments/" + experiment).get("status"));
    }

    // --- GET /api/v1/runs/{id}

    @Test
    void a_run_is_read_with_the_value_at_the_highest_step_of_each_metric() {
        String run = api.runningRun();
        api.logBatch(run, """
                {"name": "loss", "step": 10, "value": 0.12},
                {"name": "loss", "step": 2, "value": 0.9},
                {"name": "accuracy", "step": 1, "value": 0.5},
                {"name": "accuracy", "step": 3, "value": 0.75}""");
        api.logBatch(run, "{\"name\": \"loss\", \"step\": 5, \"value\": 0.4}");

        Map<String, Object> read = api.get("/api/v1/runs/" + run);

        assertEquals(Map.of("loss", 0.12, "accuracy", 0.75), read.get("latest_metrics"));
        assertEquals("running", read.get("status"));
    }

    @Test
    void a_run_without_metrics_is_read_with_empty_latest_metrics() {
        Map<String, Object> read = api.get("/api/v1/runs/" + api.runningRun());

        assertTrue(read.containsKey("latest_metrics"), read::toString);
        assertEquals(Map.of(), read.get("latest_metrics"));
    }

    @Test
    void an_unknown_run_is_a_404_and_a_malformed_id_a_400_naming_id() {
        assertProblem(api.http().get("/api/v1/runs/" + UUID.randomUUID()), 404);

        assertEquals(List.of("id"), errorFields(assertProblem(api.http().get("/api/v1/runs/12345"), 400)));
    }

    // --- PATCH /api/v1/runs/{id}

    @ParameterizedTest
    @ValueSource(strings = {"completed", "failed"})
    void ending_a_run_answers_200_with_its_outcome_and_end_time(String outcome) {
        String run = api.runningRun();
        Map<String, Object> started = api.get("/api/v1/runs/" + run);
        Instant before = Instant.now().truncatedTo(ChronoUnit.MICROS);

        Map<String, Object> ended = body(expect(200, api.patch("/api/v1/runs/" + run,
                "{\"status\": \"" + outcome + "\"}")));

        Instant after = Instant.now();
        assertEquals(outcome, ended.get("status"));
        Instant endedAt = OffsetDateTime.parse((String) ended.get("ended_at")).toInstant();
        assertFalse(endedAt.isBefore(before) || endedAt.isAfter(after), "ended_at " + endedAt);
        assertEquals(started.get("started_at"), ended.get("started_at"));
        Map<String, Object> read = api.get("/api/v1/runs/" + run);
        assertEquals(outcome, read.get("status"));
        assertEquals(ended.get("ended_at"), read.get("ended_at"));
    }

    @Test
    void ending_a_run_again_the_same_way_is_no_change_another_way_a_409_and_it_keeps_its_first_outcome_and_end_time() {
        String run = api.runningRun();
        api.finishRun(run, "completed");
        Map<String, Object> ended = api.get("/api/v1/runs/" + run);

        assertEquals(200, api.patch("/api/v1/runs/" + run, "{\"status\": \"completed\"}").statusCode());
        assertProblem(api.patch("/api/v1/runs/" + run, "{\"status\": \"failed\"}"), 409);
        assertProblem(api.patch("/api/v1/runs/" + run, "{\"status\": \"running\"}"), 409);

        assertEquals(ended, api.get("/api/v1/runs/" + run));
    }

    @Test
    void asking_a_running_run_to_be_running_is_not_an_end_409_and_it_keeps_running() {
        String run = api.runningRun();

        assertProblem(api.patch("/api/v1/runs/" + run, "{\"status\": \"running\"}"), 409);

        Map<String, Object> read = api.get("/api/v1/runs/" + run);
        assertEquals("running", read.get("status"));
        assertNull(read.get("ended_at"));
    }

    @Test
    void a_status_that_is_no_run_status_or_missing_is_a_400_naming_status_and_the_run_keeps_running() {
        String run = api.runningRun();

        for (String body : List.of("{\"status\": \"paused\"}", "{\"status\": \"COMPLETED\"}", "{\"status\": 1}",
                "{\"status\": null}", "{}")) {
            assertEquals(List.of("status"), errorFields(assertProblem(api.patch("/api/v1/runs/" + run, body), 400)),
                    body);
        }
        assertEquals(List.of("ended_at"), errorFields(assertProblem(
                api.patch("/api/v1/runs/" + run, "{\"name\": \"x\", \"ended_at\": \"2026-01-01T00:00:00Z\"}"),
                400)));

        Map<String, Object> read = api.get("/api/v1/runs/" + run);
        assertEquals("running", read.get("status"));
        assertNull(read.get("ended_at"));
    }

    @Test
    void ending_an_unknown_run_is_a_404() {
        assertProblem(api.patch("/api/v1/runs/" + UUID.randomUUID(), "{\"status\": \"completed\"}"), 404);
    }

    private HttpResponse<String> startRun(String experimentId, String contentType, String body) {
        return api.http().send("POST", "/api/v1/experiments/" + experimentId + "/runs", contentType, body);
    }

    @SuppressWarnings("unchecked")
    private List<Map<String, Object>> runsOf(String experimentId) {
        return (List<Map<String, Object>>) api.get("/api/v1/experiments/" + experimentId).get("runs");
    }
}
