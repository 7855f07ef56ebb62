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
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.StringJoiner;
import java.util.UUID;
import java.util.stream.Stream;

import static dev.mlledger.bootstrap.testing.ProblemAssertions.assertProblem;
import static dev.mlledger.bootstrap.testing.TrackingApi.body;
import static dev.mlledger.bootstrap.testing.TrackingApi.errorFields;
import static dev.mlledger.bootstrap.testing.TrackingApi.expect;
import static dev.mlledger.bootstrap.testing.TrackingApi.items;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Logging metrics to runs and reading their history, through real HTTP on a real database. */
@MicronautTest(transactional = false)
class MetricsEndpointTest extends FreshDatabaseTest {

    @Inject
    EmbeddedServer server;

    private TrackingApi api;
    private String run;

    @BeforeEach
    void aRunningRun() {
        api = new TrackingApi(new RawHttp(server.getURL()));
        run = api.runningRun();
    }

    // --- POST /api/v1/runs/{id}/metrics

    @Test
    void one_point_answers_201_with_the_stored_point_and_its_timestamp_filled_in() {
        Instant before = Instant.now().truncatedTo(ChronoUnit.MICROS);

        HttpResponse<String> response = logOne(run, "{\"name\": \"loss\", \"step\": 3, \"value\": 0.25}");

        Instant after = Instant.now();
        expect(201, response);
        Map<String, Object> point = body(response);
        assertEquals(Set.of("name", "step", "value", "timestamp"), point.keySet());
        assertEquals("loss", point.get("name"));
        assertEquals(3, ((Number) point.get("step")).intValue());
        assertEquals(0.25, ((Number) point.get("value")).doubleValue());
        Instant timestamp = OffsetDateTime.parse((String) point.get("timestamp")).toInstant();
        assertFalse(timestamp.isBefore(before) || timestamp.isAfter(after), "timestamp " + timestamp);
        assertEquals(List.of(point), history(run, ""));
    }

    @Test
    void a_given_timestamp_is_kept_and_a_step_written_as_a_whole_decimal_is_that_step() {
        Map<String, Object> point = body(expect(201, logOne(run,
                "{\"name\": \"acc\", \"step\": 4.0, \"value\": 1, \"timestamp\": \"2026-01-02T03:04:05.123456+02:00\"}")));

        assertEquals(4, ((Number) point.get("step")).intValue());
        assertEquals(1.0, ((Number) point.get("value")).doubleValue());
        assertEquals(Instant.parse("2026-01-02T01:04:05.123456Z"),
                OffsetDateTime.parse((String) point.get("timestamp")).toInstant());
        assertEquals(List.of(point), history(run, ""));
    }

    @Test
    void a_name_of_250_characters_and_step_zero_and_the_largest_step_are_accepted() {
        expect(201, logOne(run, "{\"name\": \"" + "n".repeat(250) + "\", \"step\": 0, \"value\": -1.5}"));
        expect(201, logOne(run, "{\"name\": \"big\", \"step\": 9223372036854775807, \"value\": 1e308}"));

        assertEquals(2L, storedPoints(run));
    }

    static Stream<Arguments> invalidPoints() {
        return Stream.of(
                Arguments.of("{\"name\": \"\", \"step\": 1, \"value\": 0.5}", "name"),
                Arguments.of("{\"name\": \"" + "n".repeat(251) + "\", \"step\": 1, \"value\": 0.5}", "name"),
                Arguments.of("{\"step\": 1, \"value\": 0.5}", "name"),
                Arguments.of("{\"name\": \"loss\", \"step\": -1, \"value\": 0.5}", "step"),
                Arguments.of("{\"name\": \"loss\", \"step\": 1.5, \"value\": 0.5}", "step"),
                Arguments.of("{\"name\": \"loss\", \"step\": 9223372036854775808, \"value\": 0.5}", "step"),
                Arguments.of("{\"name\": \"loss\", \"step\": \"1\", \"value\": 0.5}", "step"),
                Arguments.of("{\"name\": \"loss\", \"value\": 0.5}", "step"),
                Arguments.of("{\"name\": \"loss\", \"step\": 1, \"value\": \"0.5\"}", "value"),
                Arguments.of("{\"name\": \"loss\", \"step\": 1, \"value\": 1e999}", "value"),
                Arguments.of("{\"name\": \"loss\", \"step\": 1, \"value\": -1e999}", "value"),
                Arguments.of("{\"name\": \"loss\", \"step\": 1, \"value\": null}", "value"),
                Arguments.of("{\"name\": \"loss\", \"step\": 1}", "value"),
                Arguments.of("{\"name\": \"loss\", \"step\": 1, \"value\": 0.5, \"timestamp\": \"yesterday\"}",
                        "timestamp"),
                Arguments.of("{\"name\": \"loss\", \"step\": 1, \"value\": 0.5, \"timestamp\": \"2026-01-02T03:04:05\"}",
                        "timestamp"),
                Arguments.of("{\"name\": \"loss\", \"step\": 1, \"value\": 0.5, \"epoch\": 1}", "epoch"));
    }

    @ParameterizedTest
    @MethodSource("invalidPoints")
    void an_invalid_point_is_a_400_naming_the_field_and_nothing_is_stored(String json, String field) {
        Map<String, Object> problem = assertProblem(logOne(run, json), 400);

        assertEquals(List.of(field), errorFields(problem));
        assertEquals(0L, storedPoints(run));
    }

    @Test
    void logging_a_name_and_step_again_replaces_its_value() {
        expect(201, logOne(run, "{\"name\": \"loss\", \"step\": 1, \"value\": 0.5}"));
        expect(201, logOne(run, "{\"name\": \"loss\", \"step\": 1, \"value\": 0.4, \"timestamp\": \"2026-05-01T00:00:00Z\"}"));

        List<Map<String, Object>> history = history(run, "");
        assertEquals(1, history.size());
        assertEquals(0.4, ((Number) history.getFirst().get("value")).doubleValue());
        assertEquals(Instant.parse("2026-05-01T00:00:00Z"),
                OffsetDateTime.parse((String) history.getFirst().get("timestamp")).toInstant());
    }

    // --- POST /api/v1/runs/{id}/metrics/batch

    @Test
    void a_batch_of_1000_points_answers_201_with_the_number_logged_and_stores_them_all() {
        HttpResponse<String> response = logBatch(run, points(1000));

        expect(201, response);
        assertEquals(Map.of("logged", 1000), body(response));
        assertEquals(1000L, storedPoints(run));
    }

    @Test
    void sending_the_same_batch_twice_leaves_one_point_per_name_and_step() {
        expect(201, logBatch(run, points(20)));
        expect(201, logBatch(run, points(20)));

        assertEquals(20L, storedPoints(run));
    }

    @Test
    void a_batch_of_1001_points_is_a_413_naming_metrics_and_nothing_is_stored() {
        Map<String, Object> problem = assertProblem(logBatch(run, points(1001)), 413);

        assertEquals(List.of("metrics"), errorFields(problem));
        assertEquals(0L, storedPoints(run));
    }

    @Test
    void an_empty_missing_or_non_array_batch_is_a_400_naming_metrics() {
        for (String body : List.of("{\"metrics\": []}", "{}", "{\"metrics\": null}", "{\"metrics\": {\"name\": \"x\"}}")) {
            assertEquals(List.of("metrics"), errorFields(assertProblem(
                    api.http().postJson("/api/v1/runs/" + run + "/metrics/batch", body), 400)), body);
        }
        assertEquals(0L, storedPoints(run));
    }

    @Test
    void one_bad_point_among_many_is_a_400_naming_it_by_index_and_nothing_is_stored() {
        String batch = """
                {"name": "loss", "step": 0, "value": 0.9},
                {"name": "loss", "step": 1, "value": 0.8},
                {"name": "loss", "step": 2, "value": 0.7},
                {"name": "loss", "step": 3, "value": "0.6"},
                {"name": "loss", "step": 4, "value": 0.5}""";

        Map<String, Object> problem = assertProblem(logBatch(run, batch), 400);

        assertEquals(List.of("metrics[3].value"), errorFields(problem));
        assertEquals(0L, storedPoints(run));
    }

    @Test
    void every_bad_point_of_a_batch_is_reported_at_once() {
        String misfits = """
                {"name": "loss", "step": 0, "value": 0.9},
                "not a point",
                {"name": "loss", "step": 2, "value": 0.7, "extra": true}""";
        String batch = """
                {"name": "", "step": 0, "value": 0.9},
                {"name": "loss", "step": 1, "value": 0.8},
                {"name": "loss", "step": -1, "value": 0.7}""";

        // since the body binds to a Serde record (2026-12-01): a body that does not fit the record (an unknown
        // member, a wrong JSON type) is refused for that, every misfit named; the rules on the values are checked
        // once it fits, every broken one named
        Map<String, Object> misfit = assertProblem(logBatch(run, misfits), 400);
        Map<String, Object> problem = assertProblem(logBatch(run, batch), 400);

        assertEquals(Set.of("metrics[1]", "metrics[2].extra"), Set.copyOf(errorFields(misfit)));
        assertEquals(Set.of("metrics[0].name", "metrics[2].step"), Set.copyOf(errorFields(problem)));
        assertEquals(0L, storedPoints(run));
    }

    @Test
    void every_problem_of_a_single_point_is_reported_at_once() {
        // since the body binds to a Serde record (2026-12-01): a body that does not fit the record (an unknown
        // member, a wrong JSON type) is refused for that, every misfit named; the rules on the values are checked
        // once it fits, every broken one named
        Map<String, Object> misfits = assertProblem(logOne(run, "{\"name\": 1, \"step\": 0.5, \"value\": \"x\"}"), 400);
        Map<String, Object> problem = assertProblem(logOne(run, "{\"name\": \"\", \"step\": -1}"), 400);

        assertEquals(Set.of("name", "step", "value"), Set.copyOf(errorFields(misfits)));
        assertEquals(Set.of("name", "step", "value"), Set.copyOf(errorFields(problem)));
        assertEquals(0L, storedPoints(run));
    }

    @Test
    void a_batch_that_names_the_same_name_and_step_twice_is_a_400_naming_the_second_and_nothing_is_stored() {
        String batch = """
                {"name": "loss", "step": 0, "value": 0.9},
                {"name": "acc", "step": 7, "value": 0.1},
                {"name": "loss", "step": 1, "value": 0.8},
                {"name": "acc", "step": 7.0, "value": 0.2}""";

        Map<String, Object> problem = assertProblem(logBatch(run, batch), 400);

        assertEquals(List.of("metrics[3].step"), errorFields(problem));
        assertEquals(0L, storedPoints(run));
    }

    @Test
    void logging_to_a_run_that_ended_is_a_409_and_nothing_is_stored() {
        expect(201, logOne(run, "{\"name\": \"loss\", \"step\": 0, \"value\": 0.9}"));
        api.finishRun(run, "completed");

        assertProblem(logOne(run, "{\"name\": \"loss\", \"step\": 1, \"value\": 0.5}"), 409);
        assertProblem(logOne(run, "{\"name\": \"loss\", \"step\": 0, \"value\": 0.1}"), 409);
        assertProblem(logBatch(run, points(10)), 409);

        assertEquals(1L, storedPoints(run));
        assertEquals(Map.of("loss", 0.9), api.get("/api/v1/runs/" + run).get("latest_metrics"));
    }

    @Test
    void logging_to_an_unknown_run_is_a_404_and_to_a_malformed_id_a_400_naming_id() {
        String unknown = UUID.randomUUID().toString();

        assertProblem(logOne(unknown, "{\"name\": \"loss\", \"step\": 1, \"value\": 0.5}"), 404);
        assertProblem(logBatch(unknown, points(3)), 404);
        assertEquals(List.of("id"), errorFields(assertProblem(
                logOne("run-1", "{\"name\": \"loss\", \"step\": 1, \"value\": 0.5}"), 400)));
    }

    @Test
    void a_metrics_body_that_is_not_json_is_a_415() {
        assertProblem(api.http().send("POST", "/api/v1/runs/" + run + "/metrics", "text/plain", "loss=0.5"), 415);
        assertProblem(api.http().send("POST", "/api/v1/runs/" + run + "/metrics/batch", "text/plain", "loss=0.5"), 415);

        assertEquals(0L, storedPoints(run));
    }

    // --- GET /api/v1/runs/{id}/metrics

    @Test
    void the_history_is_ordered_by_name_then_step_whatever_the_order_of_logging() {
        List<String> logged = shuffledPoints(List.of("loss", "accuracy", "lr"), 8);
        api.logBatch(run, String.join(", ", logged));
        String otherRun = api.runningRun();
        api.logBatch(otherRun, "{\"name\": \"loss\", \"step\": 100, \"value\": 5}");

        Map<String, Object> page = api.get("/api/v1/runs/" + run + "/metrics");

        List<Map<String, Object>> items = items(page);
        assertEquals(24, items.size());
        assertEquals(sortedByNameThenStep(items), items);
        assertEquals("accuracy", items.getFirst().get("name"));
        assertEquals("loss", items.get(8).get("name"));
        assertEquals("lr", items.get(16).get("name"));
        for (Map<String, Object> item : items) {
            assertEquals(Set.of("name", "step", "value", "timestamp"), item.keySet());
        }
        assertTrue(page.containsKey("next_cursor"), page::toString);
        assertNull(page.get("next_cursor"));
    }

    @Test
    void the_history_of_one_name_holds_only_its_points_in_step_order() {
        api.logBatch(run, String.join(", ", shuffledPoints(List.of("loss", "accuracy", "lr"), 8)));

        List<Map<String, Object>> loss = history(run, "?name=loss");

        assertEquals(8, loss.size());
        assertTrue(loss.stream().allMatch(point -> "loss".equals(point.get("name"))), loss::toString);
        assertEquals(List.of(0, 1, 2, 3, 4, 5, 6, 7),
                loss.stream().map(point -> ((Number) point.get("step")).intValue()).toList());
        assertEquals(List.of(), history(run, "?name=los"));
    }

    @Test
    void the_history_limit_must_be_between_1_and_25000() {
        api.logBatch(run, String.join(", ", shuffledPoints(List.of("loss"), 3)));

        for (String limit : List.of("0", "25001", "-1", "ten")) {
            assertEquals(List.of("limit"), errorFields(assertProblem(
                    api.http().get("/api/v1/runs/" + run + "/metrics?limit=" + limit), 400)), limit);
        }
        assertEquals(1, history(run, "?limit=1").size());
        assertEquals(3, history(run, "?limit=25000").size());
    }

    @Test
    void following_next_cursor_visits_every_point_once_in_order_with_and_without_a_name() {
        api.logBatch(run, String.join(", ", shuffledPoints(List.of("loss", "accuracy", "lr"), 9)));

        List<Map<String, Object>> all = allPages(run, "?limit=4");
        List<Map<String, Object>> loss = allPages(run, "?name=loss&limit=2");

        assertEquals(history(run, ""), all);
        assertEquals(27, all.size());
        assertEquals(history(run, "?name=loss"), loss);
        assertEquals(9, loss.size());
    }

    @Test
    void a_history_cursor_only_works_for_the_run_and_name_it_came_from() {
        api.logBatch(run, String.join(", ", shuffledPoints(List.of("loss", "accuracy"), 5)));
        String otherRun = api.runningRun();
        api.logBatch(otherRun, String.join(", ", shuffledPoints(List.of("loss", "accuracy"), 5)));
        String cursor = (String) api.get("/api/v1/runs/" + run + "/metrics?name=loss&limit=2").get("next_cursor");
        String experimentCursor = experimentListCursor();

        assertEquals(3, history(run, "?name=loss&limit=100&cursor=" + cursor).size());
        for (String query : List.of("?name=accuracy&cursor=" + cursor, "?cursor=" + cursor,
                "?name=loss&cursor=garbage", "?name=loss&cursor=" + experimentCursor)) {
            assertEquals(List.of("cursor"), errorFields(assertProblem(
                    api.http().get("/api/v1/runs/" + run + "/metrics" + query), 400)), query);
        }
        assertEquals(List.of("cursor"), errorFields(assertProblem(
                api.http().get("/api/v1/runs/" + otherRun + "/metrics?name=loss&cursor=" + cursor), 400)));
    }

    @Test
    void a_cursor_of_the_whole_history_is_refused_for_the_metric_named_null() {
        api.logBatch(run, String.join(", ", shuffledPoints(List.of("null", "accuracy"), 3)));
        String cursor = (String) api.get("/api/v1/runs/" + run + "/metrics?limit=2").get("next_cursor");

        assertEquals(List.of("cursor"), errorFields(assertProblem(
                api.http().get("/api/v1/runs/" + run + "/metrics?name=null&cursor=" + cursor), 400)));
    }

    @Test
    void the_history_of_an_unknown_run_is_a_404() {
        assertProblem(api.http().get("/api/v1/runs/" + UUID.randomUUID() + "/metrics"), 404);
    }

    private String experimentListCursor() {
        api.experiment("one", "alice", 0);
        api.experiment("two", "alice", 0);
        return (String) api.get("/api/v1/experiments?limit=1").get("next_cursor");
    }

    private List<Map<String, Object>> allPages(String runId, String firstQuery) {
        List<Map<String, Object>> visited = new ArrayList<>();
        String query = firstQuery;
        for (int pages = 0; pages < 100; pages++) {
            Map<String, Object> page = api.get("/api/v1/runs/" + runId + "/metrics" + query);
            visited.addAll(items(page));
            String next = (String) page.get("next_cursor");
            if (next == null) {
                return visited;
            }
            query = firstQuery + "&cursor=" + next;
        }
        throw new AssertionError("paging did not end");
    }

    private List<Map<String, Object>> history(String runId, String query) {
        return items(api.get("/api/v1/runs/" + runId + "/metrics" + query));
    }

    private HttpResponse<String> logOne(String runId, String json) {
        return api.http().postJson("/api/v1/runs/" + runId + "/metrics", json);
    }

    private HttpResponse<String> logBatch(String runId, String points) {
        return api.http().postJson("/api/v1/runs/" + runId + "/metrics/batch", "{\"metrics\": [" + points + "]}");
    }

    /** {@code count} points of "loss", steps 0 to count - 1. */
    private static String points(int count) {
        StringJoiner points = new StringJoiner(", ");
        for (int step = 0; step < count; step++) {
            points.add("{\"name\": \"loss\", \"step\": " + step + ", \"value\": " + (1.0 / (step + 1)) + "}");
        }
        return points.toString();
    }

    private static List<String> shuffledPoints(List<String> names, int stepsEach) {
        List<String> points = new ArrayList<>();
        for (String name : names) {
            for (int step = 0; step < stepsEach; step++) {
                points.add("{\"name\": \"" + name + "\", \"step\": " + step + ", \"value\": " + (step * 0.125) + "}");
            }
        }
        Collections.shuffle(points, new Random(17));
        return points;
    }

    private static List<Map<String, Object>> sortedByNameThenStep(List<Map<String, Object>> items) {
        return items.stream().sorted(Comparator.comparing((Map<String, Object> p) -> (String) p.get("name"))
                .thenComparingInt(p -> ((Number) p.get("step")).intValue())).toList();
    }

    private long storedPoints(String runId) {
        try (Connection connection = database.connect();
             PreparedStatement select = connection.prepareStatement("SELECT count(*) FROM metrics WHERE run_id = ?::uuid")) {
            select.setString(1, runId);
            try (ResultSet row = select.executeQuery()) {
                row.next();
                return row.getLong(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
