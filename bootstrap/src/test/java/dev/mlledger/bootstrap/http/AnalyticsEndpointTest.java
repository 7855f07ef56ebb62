package dev.mlledger.bootstrap.http;

import dev.mlledger.adapters.persistence.testing.FreshDatabaseTest;
import dev.mlledger.bootstrap.testing.Json;
import dev.mlledger.bootstrap.testing.PastData;
import dev.mlledger.bootstrap.testing.RawHttp;
import dev.mlledger.bootstrap.testing.Rows;
import dev.mlledger.bootstrap.testing.Rows.Stored;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import static dev.mlledger.bootstrap.testing.Json.assertJson;
import static dev.mlledger.bootstrap.testing.Json.errorFields;
import static dev.mlledger.bootstrap.testing.Json.list;
import static dev.mlledger.bootstrap.testing.Json.object;
import static dev.mlledger.bootstrap.testing.Json.query;
import static dev.mlledger.bootstrap.testing.ProblemAssertions.assertProblem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code /api/v1/analytics}: risk distribution, summary and high-risk list, checked against what the
 * predictions table holds. The data spans two months: older predictions are recorded first and moved back in
 * time (with the roll-ups rebuilt to match), then recent ones are made through the API, whose roll-ups the
 * service maintains itself.
 */
@MicronautTest(transactional = false)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class AnalyticsEndpointTest extends FreshDatabaseTest {

    private static final String DISTRIBUTION = "/api/v1/analytics/risk-distribution";
    private static final String SUMMARY = "/api/v1/analytics/summary";
    private static final String HIGH_RISK = "/api/v1/analytics/high-risk";
    private static final int OLD = 40;

    @Inject
    EmbeddedServer server;

    private boolean dataRecorded;

    private RawHttp http() {
        return new RawHttp(server.getURL());
    }

    @Test
    @Order(1)
    void the_risk_distribution_of_an_empty_database_has_every_level_at_zero() {
        Map<String, Object> distribution = assertJson(http().get(DISTRIBUTION), 200);

        assertEquals(Map.of("LOW", 0, "MEDIUM", 0, "HIGH", 0), distribution);
    }

    @Test
    @Order(2)
    void the_summary_of_an_empty_database_has_a_null_average() {
        Map<String, Object> summary = assertJson(http().get(SUMMARY), 200);

        assertEquals(0, summary.get("total"));
        assertTrue(summary.containsKey("average_attrition_prob"), summary::toString);
        assertNull(summary.get("average_attrition_prob"));
        assertEquals(Map.of(), summary.get("by_model_version"));
    }

    @Test
    @Order(3)
    void the_high_risk_list_of_an_empty_database_is_empty() {
        Map<String, Object> page = assertJson(http().get(HIGH_RISK), 200);

        assertEquals(List.of(), page.get("items"));
        assertTrue(page.containsKey("next_cursor"), page::toString);
        assertNull(page.get("next_cursor"));
    }

    @Test
    void the_risk_distribution_counts_every_stored_prediction_by_level() {
        recordData();

        Map<String, Object> distribution = assertJson(http().get(DISTRIBUTION), 200);

        assertEquals(Set.of("LOW", "MEDIUM", "HIGH"), distribution.keySet());
        assertEquals(expectedDistribution(null, null, null), longs(distribution));
        assertEquals(Rows.count(database, "SELECT count(*) FROM predictions"),
                longs(distribution).values().stream().mapToLong(Long::longValue).sum());
    }

    @Test
    void the_model_version_filter_counts_only_that_version() {
        recordData();

        for (String version : List.of("m-a", "m-b", "logreg-attrition-1.0.0", "m-old")) {
            Map<String, Object> distribution = assertJson(http().get(DISTRIBUTION + query("model_version", version)), 200);

            assertEquals(expectedDistribution(null, null, version), longs(distribution), version);
        }
        assertEquals(Map.of("LOW", 0, "MEDIUM", 0, "HIGH", 0),
                assertJson(http().get(DISTRIBUTION + query("model_version", "no-such-model")), 200));
    }

    @Test
    void from_and_to_bound_the_distribution_and_the_summary_by_created_at() {
        recordData();
        Instant now = Instant.now();
        Instant oldest = createdAt("m-old", "ASC", 0);
        Instant tenthOldest = createdAt("m-old", "ASC", 9);
        List<Instant[]> ranges = new ArrayList<>(List.of(
                new Instant[]{now.minus(Duration.ofDays(7)), null},
                new Instant[]{null, now.minus(Duration.ofDays(7))},
                new Instant[]{now.minus(Duration.ofDays(30)), now.minus(Duration.ofDays(10))},
                new Instant[]{now.minus(Duration.ofDays(45)).plusSeconds(13 * 60 + 7), now.minus(Duration.ofDays(2)).minusSeconds(17 * 60)},
                new Instant[]{now.minus(Duration.ofDays(3)).truncatedTo(ChronoUnit.DAYS), now.plus(Duration.ofDays(1))},
                new Instant[]{now.minus(Duration.ofHours(2)), now.plus(Duration.ofHours(1))},
                new Instant[]{oldest, tenthOldest},
                new Instant[]{oldest.plusNanos(1000), tenthOldest.plusNanos(1000)}));

        for (Instant[] range : ranges) {
            String from = range[0] == null ? null : range[0].toString();
            String to = range[1] == null ? null : range[1].toString();
            Map<String, Long> expected = expectedDistribution(range[0], range[1], null);
            assertTrue(expected.values().stream().anyMatch(count -> count > 0), "range " + from + " – " + to + " should hold data");

            assertEquals(expected, longs(assertJson(http().get(DISTRIBUTION + query("from", from, "to", to)), 200)),
                    "distribution " + from + " – " + to);
            assertEquals(expectedDistribution(range[0], range[1], "m-old"),
                    longs(assertJson(http().get(DISTRIBUTION + query("from", from, "to", to, "model_version", "m-old")), 200)),
                    "m-old distribution " + from + " – " + to);
            assertSummary(range[0], range[1]);
        }
    }

    @Test
    void a_range_that_excludes_everything_counts_zeros() {
        recordData();
        Instant now = Instant.now();
        List<Instant[]> empty = List.of(
                new Instant[]{now.minus(Duration.ofDays(400)), now.minus(Duration.ofDays(300))},
                new Instant[]{now.plus(Duration.ofDays(1)), null},
                new Instant[]{null, now.minus(Duration.ofDays(200))},
                new Instant[]{now.minus(Duration.ofDays(20)), now.minus(Duration.ofDays(20))});

        for (Instant[] range : empty) {
            String from = range[0] == null ? null : range[0].toString();
            String to = range[1] == null ? null : range[1].toString();

            assertEquals(Map.of("LOW", 0, "MEDIUM", 0, "HIGH", 0),
                    assertJson(http().get(DISTRIBUTION + query("from", from, "to", to)), 200), from + " – " + to);
            Map<String, Object> summary = assertJson(http().get(SUMMARY + query("from", from, "to", to)), 200);
            assertEquals(0, summary.get("total"));
            assertNull(summary.get("average_attrition_prob"));
            assertEquals(Map.of(), summary.get("by_model_version"));
        }
    }

    @Test
    void from_and_to_may_be_any_iso_instant_however_far_off() {
        recordData();
        String farFuture = "+999999999-12-31T23:59:59Z";
        String farPast = "-999999999-01-01T00:00:00Z";

        assertEquals(Map.of("LOW", 0, "MEDIUM", 0, "HIGH", 0),
                assertJson(http().get(DISTRIBUTION + query("from", farFuture)), 200));
        assertEquals(Map.of("LOW", 0, "MEDIUM", 0, "HIGH", 0),
                assertJson(http().get(DISTRIBUTION + query("to", farPast)), 200));
        assertEquals(expectedDistribution(null, null, null),
                longs(assertJson(http().get(DISTRIBUTION + query("from", farPast, "to", farFuture)), 200)));
        assertEquals(Rows.count(database, "SELECT count(*) FROM predictions"), ((Number) assertJson(
                http().get(SUMMARY + query("from", farPast, "to", farFuture)), 200).get("total")).longValue());
    }

    @Test
    void the_summary_has_the_total_the_average_and_the_count_per_model_version() {
        recordData();

        Map<String, Object> summary = assertSummary(null, null);

        assertEquals(Set.of("total", "average_attrition_prob", "by_model_version"), summary.keySet());
        assertEquals(Set.of("m-a", "m-b", "m-old", "logreg-attrition-1.0.0"), object(summary.get("by_model_version")).keySet());
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {DISTRIBUTION, SUMMARY})
    void a_bad_range_is_a_400_naming_the_parameter(String path) {
        assertEquals(List.of("from"), errorFields(rejected(path + query("from", "yesterday"))));
        assertEquals(List.of("to"), errorFields(rejected(path + query("to", "2026-01-01"))));
        assertEquals(List.of("from"), errorFields(rejected(path + query("from", "2026-02-01T00:00:00Z",
                "to", "2026-01-01T00:00:00Z"))));
    }

    @Test
    void a_model_version_of_fifty_one_characters_is_a_400() {
        assertEquals(List.of("model_version"), errorFields(rejected(DISTRIBUTION + query("model_version", "m".repeat(51)))));
    }

    @Test
    void high_risk_lists_only_high_predictions_of_the_last_thirty_days_by_default_newest_first() {
        recordData();
        List<Object> expected = expectedHighRisk(30);
        assertTrue(expected.size() > 2, "the data set should hold recent HIGH predictions");
        assertTrue(expectedHighRisk(60).size() > expected.size(), "the data set should hold older HIGH predictions");

        Map<String, Object> page = assertJson(http().get(HIGH_RISK + query("limit", "500")), 200);

        List<Map<String, Object>> items = list(page.get("items"));
        assertEquals(expected, items.stream().map(p -> p.get("prediction_id")).toList());
        assertTrue(items.stream().allMatch(p -> "HIGH".equals(p.get("risk_level"))));
        assertNull(page.get("next_cursor"));
    }

    @ParameterizedTest(name = "days={0}")
    @ValueSource(ints = {1, 7, 30, 60, 36500})
    void high_risk_covers_the_number_of_days_asked_for(int days) {
        recordData();

        List<Object> listed = pageThrough(query("days", Integer.toString(days), "limit", "500"));

        assertEquals(expectedHighRisk(days), listed);
    }

    @Test
    void high_risk_is_paged_with_a_cursor_that_visits_each_prediction_once() {
        recordData();

        List<Object> listed = pageThrough(query("days", "60", "limit", "2"));

        assertEquals(expectedHighRisk(60), listed);
        assertEquals(listed.size(), new HashSet<>(listed).size());
    }

    @Test
    void a_high_risk_cursor_reused_with_other_days_is_a_400() {
        recordData();
        String cursor = (String) assertJson(http().get(HIGH_RISK + query("days", "60", "limit", "1")), 200).get("next_cursor");
        assertNotNull(cursor);

        assertEquals(List.of("cursor"), errorFields(rejected(HIGH_RISK + query("days", "30", "limit", "1", "cursor", cursor))));
        assertEquals(List.of("cursor"), errorFields(rejected(HIGH_RISK + query("days", "60", "limit", "1",
                "cursor", cursor.substring(0, 20)))));
    }

    @ParameterizedTest(name = "days={0}")
    @ValueSource(strings = {"0", "-1", "36501", "week"})
    void a_number_of_days_below_one_or_not_a_number_is_a_400_naming_days(String days) {
        assertEquals(List.of("days"), errorFields(rejected(HIGH_RISK + query("days", days))));
    }

    @ParameterizedTest(name = "limit={0}")
    @ValueSource(strings = {"0", "501"})
    void a_high_risk_limit_outside_one_to_five_hundred_is_a_400_naming_it(String limit) {
        assertEquals(List.of("limit"), errorFields(rejected(HIGH_RISK + query("limit", limit))));
    }

    // --- data and oracles ---

    /**
     * {@value OLD} predictions of model m-old spread over the last 1 to 52 days (avoiding the hours around the
     * 7, 30 and 60 day marks), then recent ones of m-a, m-b and the service's own model.
     */
    private void recordData() {
        if (dataRecorded) {
            return;
        }
        for (int i = 0; i < OLD; i++) {
            Map<String, Object> created = record("E-old-" + i, (i * 23 % 100) / 100.0, "m-old");
            PastData.moveBack(database, (String) created.get("request_id"),
                    Duration.ofHours(30 + 31L * i).plusMinutes(13L * i % 60));
        }
        PastData.rebuildRollUps(database);
        for (int i = 0; i < 30; i++) {
            record("E-" + i, (i * 37 % 101) / 100.0, i % 3 == 0 ? "m-b" : "m-a");
        }
        for (String overtime : List.of("true", "false")) {
            assertJson(http().postJson("/api/v1/predict", "{\"features\": {\"age\": 20, \"monthly_income\": 1500,"
                    + " \"overtime\": " + overtime + ", \"job_satisfaction\": 1}}"), 200);
        }
        dataRecorded = true;
    }

    private Map<String, Object> record(String employeeId, double probability, String modelVersion) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("employee_id", employeeId);
        body.put("attrition_prob", probability);
        body.put("model_version", modelVersion);
        return assertJson(http().postJson("/api/v1/predictions", Json.write(body)), 201);
    }

    private Map<String, Object> assertSummary(Instant from, Instant to) {
        String range = where(from, to, null);
        Map<String, Object> summary = assertJson(http().get(SUMMARY + query("from", string(from), "to", string(to))), 200);

        Map<String, Object> expected = Rows.query(database,
                "SELECT count(*) AS total, avg(attrition_prob) AS average FROM predictions" + range).getFirst();
        assertEquals(((Number) expected.get("total")).longValue(), ((Number) summary.get("total")).longValue(), range);
        assertEquals((Double) expected.get("average"), ((Number) summary.get("average_attrition_prob")).doubleValue(), 1e-9, range);
        Map<String, Long> byVersion = new TreeMap<>();
        Rows.query(database, "SELECT model_version, count(*) AS n FROM predictions" + range + " GROUP BY 1")
                .forEach(row -> byVersion.put((String) row.get("model_version"), (Long) row.get("n")));
        assertEquals(byVersion, longs(object(summary.get("by_model_version"))), range);
        return summary;
    }

    private Map<String, Long> expectedDistribution(Instant from, Instant to, String modelVersion) {
        Map<String, Long> counts = new TreeMap<>(Map.of("LOW", 0L, "MEDIUM", 0L, "HIGH", 0L));
        Rows.query(database, "SELECT risk_level, count(*) AS n FROM predictions" + where(from, to, modelVersion) + " GROUP BY 1")
                .forEach(row -> counts.put((String) row.get("risk_level"), (Long) row.get("n")));
        return counts;
    }

    private List<Object> expectedHighRisk(int days) {
        return Rows.query(database, """
                SELECT id::text AS id FROM predictions
                WHERE risk_level = 'HIGH' AND created_at >= now() - make_interval(days => ?)
                ORDER BY created_at DESC, id DESC""", days).stream().map(row -> row.get("id")).toList();
    }

    private List<Object> pageThrough(String firstQuery) {
        List<Object> ids = new ArrayList<>();
        String cursor = null;
        do {
            String q = cursor == null ? firstQuery : firstQuery + "&" + query("cursor", cursor).substring(1);
            Map<String, Object> page = assertJson(http().get(HIGH_RISK + q), 200);
            list(page.get("items")).forEach(item -> {
                assertEquals("HIGH", item.get("risk_level"));
                ids.add(item.get("prediction_id"));
            });
            cursor = (String) page.get("next_cursor");
            assertTrue(ids.size() < 10_000, "paging does not end");
        } while (cursor != null);
        return ids;
    }

    private Instant createdAt(String modelVersion, String order, int offset) {
        return ((Timestamp) Rows.query(database, "SELECT created_at FROM predictions WHERE model_version = ?"
                        + " ORDER BY created_at " + order + " OFFSET ? LIMIT 1", modelVersion, offset)
                .getFirst().get("created_at")).toInstant();
    }

    private static String where(Instant from, Instant to, String modelVersion) {
        StringBuilder where = new StringBuilder(" WHERE true");
        if (from != null) {
            where.append(" AND created_at >= '").append(from).append("'");
        }
        if (to != null) {
            where.append(" AND created_at < '").append(to).append("'");
        }
        if (modelVersion != null) {
            where.append(" AND model_version = '").append(modelVersion).append("'");
        }
        return where.toString();
    }

    private Map<String, Object> rejected(String pathAndQuery) {
        Stored before = Stored.in(database);

        Map<String, Object> problem = assertProblem(http().get(pathAndQuery), 400);

        assertEquals(before, Stored.in(database));
        return problem;
    }

    private static Map<String, Long> longs(Map<String, Object> counts) {
        Map<String, Long> result = new TreeMap<>();
        counts.forEach((key, value) -> result.put(key, ((Number) value).longValue()));
        return result;
    }

    private static String string(Instant instant) {
        return instant == null ? null : instant.toString();
    }

}
