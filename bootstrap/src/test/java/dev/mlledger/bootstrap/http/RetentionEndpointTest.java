package dev.mlledger.bootstrap.http;

import dev.mlledger.adapters.persistence.testing.FreshDatabaseTest;
import dev.mlledger.bootstrap.testing.Json;
import dev.mlledger.bootstrap.testing.PastData;
import dev.mlledger.bootstrap.testing.RawHttp;
import dev.mlledger.bootstrap.testing.Rows;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

import static dev.mlledger.bootstrap.testing.Json.assertJson;
import static dev.mlledger.bootstrap.testing.Json.errorFields;
import static dev.mlledger.bootstrap.testing.Json.list;
import static dev.mlledger.bootstrap.testing.Json.object;
import static dev.mlledger.bootstrap.testing.Json.query;
import static dev.mlledger.bootstrap.testing.ProblemAssertions.assertProblem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

/**
 * {@code DELETE /api/v1/retention?older_than_days=N}: request-log rows older than the cut-off go, with their
 * predictions, and the analytics agree with what remains. The purge works in chunks of two requests here, so
 * that a purge takes several chunks.
 */
@MicronautTest(transactional = false)
class RetentionEndpointTest extends FreshDatabaseTest {

    private static final String PATH = "/api/v1/retention";
    private static final String FEATURES = "{\"age\": 30, \"monthly_income\": 4000, \"overtime\": true, \"job_satisfaction\": 2}";

    @Inject
    EmbeddedServer server;

    @Override
    protected Map<String, String> settings() {
        return Map.of("mlledger.retention.chunk-size", "2");
    }

    /** Each test starts from empty tables, so that the counts a purge answers are those of the test's own rows. */
    @BeforeEach
    void empty_tables() {
        Rows.execute(database, """
                DELETE FROM predictions;
                DELETE FROM api_requests;
                DELETE FROM prediction_stats_hourly;
                DELETE FROM prediction_stats_daily;
                """);
    }

    private RawHttp http() {
        return new RawHttp(server.getURL());
    }

    @Test
    void a_purge_deletes_only_requests_older_than_the_cut_off_and_their_predictions() {
        // old: one prediction 40 days ago, a batch of three 31 days ago, a recorded one 100 days ago, a GET 40 days ago
        String single = predict(1);
        PastData.moveBack(database, single, Duration.ofDays(40));
        String batch = predict(3);
        PastData.moveBack(database, batch, Duration.ofDays(31));
        String recorded = record(0.9);
        PastData.moveBack(database, recorded, Duration.ofDays(100));
        String query = loggedGet();
        PastData.moveBack(database, query, Duration.ofDays(40));
        // kept: a batch of two 29 days ago, and recent ones
        String recentBatch = predict(2);
        PastData.moveBack(database, recentBatch, Duration.ofDays(29));
        PastData.rebuildRollUps(database);
        String recent = predict(1);
        String recentRecorded = record(0.1);
        List<Object> keptPredictions = Rows.query(database,
                "SELECT id::text AS id FROM predictions WHERE request_id IN (?::uuid, ?::uuid, ?::uuid) ORDER BY id",
                recentBatch, recent, recentRecorded).stream().map(row -> row.get("id")).toList();
        List<String> purgedPredictions = predictionsOf(single, batch, recorded);

        Map<String, Object> answer = assertJson(http().send("DELETE", PATH + query("older_than_days", "30"), null, null), 200);

        assertEquals(Map.of("deleted_requests", 4, "deleted_predictions", 5), answer);
        for (String gone : List.of(single, batch, recorded, query)) {
            assertProblem(http().get("/api/v1/requests/" + gone), 404);
        }
        for (String gone : purgedPredictions) {
            assertProblem(http().get("/api/v1/predictions/" + gone), 404);
        }
        for (String kept : List.of(recentBatch, recent, recentRecorded)) {
            assertJson(http().get("/api/v1/requests/" + kept), 200);
        }
        assertEquals(keptPredictions, Rows.query(database, "SELECT id::text AS id FROM predictions ORDER BY id")
                .stream().map(row -> row.get("id")).toList());
        assertEquals(0, Rows.count(database, "SELECT count(*) FROM api_requests WHERE created_at < now() - interval '30 days'"));
        assertEquals(keptPredictions.size(), list(assertJson(http().get("/api/v1/predictions"), 200).get("items")).size());
        assertAnalyticsAgreeWithTheRows();
    }

    @Test
    void a_purge_with_nothing_old_enough_deletes_nothing() {
        String request = predict(2);
        PastData.moveBack(database, request, Duration.ofDays(5));
        long predictions = Rows.count(database, "SELECT count(*) FROM predictions");

        Map<String, Object> answer = assertJson(http().send("DELETE", PATH + query("older_than_days", "6"), null, null), 200);

        assertEquals(Map.of("deleted_requests", 0, "deleted_predictions", 0), answer);
        assertJson(http().get("/api/v1/requests/" + request), 200);
        assertEquals(predictions, Rows.count(database, "SELECT count(*) FROM predictions"));
    }

    @Test
    void a_purge_also_deletes_many_old_requests_in_chunks() {
        List<String> old = new ArrayList<>();
        for (int i = 0; i < 7; i++) {
            old.add(predict(i % 3 + 1));
            PastData.moveBack(database, old.getLast(), Duration.ofDays(400 + i));
        }
        PastData.rebuildRollUps(database);
        long predictions = Rows.count(database, "SELECT count(*) FROM predictions");

        Map<String, Object> answer = assertJson(http().send("DELETE", PATH + query("older_than_days", "365"), null, null), 200);

        assertEquals(Map.of("deleted_requests", 7, "deleted_predictions", 1 + 2 + 3 + 1 + 2 + 3 + 1), answer);
        assertEquals(predictions - 13, Rows.count(database, "SELECT count(*) FROM predictions"));
        assertAnalyticsAgreeWithTheRows();
    }

    @ParameterizedTest(name = "older_than_days={0}")
    @ValueSource(strings = {"0", "-1", "36501", "month", ""})
    void older_than_days_below_one_or_not_a_whole_number_is_a_400_naming_it_and_deletes_nothing(String days) {
        String request = predict(1);
        PastData.moveBack(database, request, Duration.ofDays(50_000));

        Map<String, Object> problem = assertProblem(
                http().send("DELETE", PATH + query("older_than_days", days), null, null), 400);

        assertEquals(List.of("older_than_days"), errorFields(problem));
        assertJson(http().get("/api/v1/requests/" + request), 200);
    }

    @Test
    void a_missing_older_than_days_is_a_400_naming_it_and_deletes_nothing() {
        String request = predict(1);
        PastData.moveBack(database, request, Duration.ofDays(50_000));

        Map<String, Object> problem = assertProblem(http().send("DELETE", PATH, null, null), 400);

        assertEquals(List.of("older_than_days"), errorFields(problem));
        assertJson(http().get("/api/v1/requests/" + request), 200);
    }

    // --- helpers ---

    private void assertAnalyticsAgreeWithTheRows() {
        Map<String, Long> expected = new TreeMap<>(Map.of("LOW", 0L, "MEDIUM", 0L, "HIGH", 0L));
        Rows.query(database, "SELECT risk_level, count(*) AS n FROM predictions GROUP BY 1")
                .forEach(row -> expected.put((String) row.get("risk_level"), (Long) row.get("n")));
        assertEquals(expected, longs(assertJson(http().get("/api/v1/analytics/risk-distribution"), 200)));

        Map<String, Long> lastMonths = new TreeMap<>(Map.of("LOW", 0L, "MEDIUM", 0L, "HIGH", 0L));
        Instant from = Instant.now().minus(Duration.ofDays(35));
        Rows.query(database, "SELECT risk_level, count(*) AS n FROM predictions WHERE created_at >= ?::timestamptz GROUP BY 1",
                        from.toString())
                .forEach(row -> lastMonths.put((String) row.get("risk_level"), (Long) row.get("n")));
        assertEquals(lastMonths, longs(assertJson(http().get("/api/v1/analytics/risk-distribution"
                + query("from", from.toString())), 200)));

        Map<String, Object> summary = assertJson(http().get("/api/v1/analytics/summary"), 200);
        assertEquals(Rows.count(database, "SELECT count(*) FROM predictions"), ((Number) summary.get("total")).longValue());
        Map<String, Long> byVersion = new TreeMap<>();
        Rows.query(database, "SELECT model_version, count(*) AS n FROM predictions GROUP BY 1")
                .forEach(row -> byVersion.put((String) row.get("model_version"), (Long) row.get("n")));
        assertEquals(byVersion, longs(object(summary.get("by_model_version"))));
    }

    /** Scores {@code count} employees in one request; returns its request id. */
    private String predict(int count) {
        StringBuilder items = new StringBuilder();
        for (int i = 0; i < count; i++) {
            items.append(i == 0 ? "" : ", ").append("{\"features\": ").append(FEATURES).append("}");
        }
        return (String) assertJson(http().postJson("/api/v1/predict/batch", "{\"items\": [" + items + "]}"), 200)
                .get("request_id");
    }

    private String record(double probability) {
        return (String) assertJson(http().postJson("/api/v1/predictions",
                Json.write(Map.of("attrition_prob", probability, "model_version", "m-elsewhere"))), 201).get("request_id");
    }

    /** A GET whose log row (written asynchronously) has arrived; returns the row's id. */
    private String loggedGet() {
        String marker = UUID.randomUUID().toString();
        // a query parameter the route declares marks the row (an unknown one would be a 400)
        assertJson(http().get("/api/v1/predictions" + query("model_version", marker)), 200);
        List<Map<String, Object>> rows = Rows.await(database, Duration.ofSeconds(2),
                "SELECT id::text AS id FROM api_requests WHERE request_data ->> 'model_version' = ?", marker);
        assertFalse(rows.isEmpty(), "the GET was not logged");
        return (String) rows.getFirst().get("id");
    }

    private List<String> predictionsOf(String... requestIds) {
        List<String> ids = new ArrayList<>();
        for (String requestId : requestIds) {
            Rows.query(database, "SELECT id::text AS id FROM predictions WHERE request_id = ?::uuid", requestId)
                    .forEach(row -> ids.add((String) row.get("id")));
        }
        return ids;
    }

    private static Map<String, Long> longs(Map<String, Object> counts) {
        Map<String, Long> result = new TreeMap<>();
        counts.forEach((key, value) -> result.put(key, ((Number) value).longValue()));
        return result;
    }
}
