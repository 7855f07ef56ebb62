package dev.mlledger.bootstrap.http;

import dev.mlledger.adapters.persistence.testing.FreshDatabaseTest;
import dev.mlledger.bootstrap.testing.Json;
import dev.mlledger.bootstrap.testing.RawHttp;
import dev.mlledger.bootstrap.testing.Rows.Stored;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Predicate;

import static dev.mlledger.bootstrap.testing.Json.assertJson;
import static dev.mlledger.bootstrap.testing.Json.errorFields;
import static dev.mlledger.bootstrap.testing.Json.list;
import static dev.mlledger.bootstrap.testing.Json.query;
import static dev.mlledger.bootstrap.testing.ProblemAssertions.assertProblem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code GET /api/v1/predictions/{id}} and {@code GET /api/v1/predictions}: each filter of the contract, alone
 * and combined, checked against the predictions the test recorded itself; keyset paging and its cursors.
 */
@MicronautTest(transactional = false)
class PredictionQueryEndpointTest extends FreshDatabaseTest {

    private static final String PATH = "/api/v1/predictions";
    private static final int COUNT = 60;
    private static final String BASE64URL = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";

    @Inject
    EmbeddedServer server;

    /** Every prediction recorded, as the 201 answers described them, in the order they were made. */
    private final List<Map<String, Object>> recorded = new ArrayList<>();

    private RawHttp http() {
        return new RawHttp(server.getURL());
    }

    @BeforeAll
    void record_predictions_with_known_values() {
        for (int i = 0; i < COUNT; i++) {
            Map<String, Object> body = new LinkedHashMap<>();
            if (i % 11 != 0) {
                body.put("employee_id", "E-" + i % 7);
            }
            body.put("attrition_prob", (i * 37 % 101) / 100.0);
            if (i % 4 == 0) {
                body.put("risk_level", List.of("LOW", "MEDIUM", "HIGH").get(i % 3));
            }
            body.put("model_version", List.of("m-a", "m-b", "m-c").get(i % 3));
            body.put("features_snapshot", Map.of("i", i));
            recorded.add(assertJson(http().postJson(PATH, Json.write(body)), 201));
        }
    }

    @Test
    void a_prediction_is_answered_by_id_with_its_features_snapshot() {
        Map<String, Object> expected = recorded.get(7);

        Map<String, Object> found = assertJson(http().get(PATH + "/" + expected.get("prediction_id")), 200);

        assertEquals(expected, found);
        assertEquals(Map.of("i", 7), found.get("features_snapshot"));
    }

    @Test
    void an_unknown_prediction_id_is_a_404() {
        Stored before = Stored.in(database);

        assertProblem(http().get(PATH + "/" + UUID.randomUUID()), 404);

        assertEquals(before, Stored.in(database));
    }

    @Test
    void a_prediction_id_that_is_not_a_uuid_is_a_400_naming_the_parameter() {
        Map<String, Object> problem = rejected(PATH + "/not-a-uuid");

        assertEquals(List.of(Map.of("field", "id", "message", "must be a UUID")), problem.get("errors"));
    }

    @Test
    void the_list_is_newest_first() {
        Map<String, Object> page = assertJson(http().get(PATH + query("limit", "500")), 200);

        assertEquals(ids(expected(p -> true)), ids(list(page.get("items"))));
        assertEquals(recorded.reversed().stream().map(p -> p.get("prediction_id")).toList(), ids(list(page.get("items"))));
        assertTrue(page.containsKey("next_cursor"), page::toString);
        assertNull(page.get("next_cursor"));
    }

    @Test
    void list_items_carry_the_prediction_fields_in_snake_case() {
        Map<String, Object> page = assertJson(http().get(PATH + query("limit", "1")), 200);

        Map<String, Object> item = list(page.get("items")).getFirst();
        PredictEndpointTest.assertSnakeCase(page);
        PredictEndpointTest.assertSnakeCase(item);
        Map<String, Object> newest = new LinkedHashMap<>(recorded.getLast());
        newest.remove("features_snapshot");
        item.remove("features_snapshot");
        assertEquals(newest, item);
    }

    @Test
    void without_a_limit_a_page_holds_fifty_items_and_a_cursor_to_the_rest() {
        Map<String, Object> page = assertJson(http().get(PATH), 200);

        assertEquals(ids(expected(p -> true)).subList(0, 50), ids(list(page.get("items"))));
        assertNotNull(page.get("next_cursor"));
    }

    @Test
    void a_limit_of_five_hundred_is_allowed() {
        Map<String, Object> page = assertJson(http().get(PATH + query("limit", "500")), 200);

        assertEquals(COUNT, list(page.get("items")).size());
    }

    @ParameterizedTest(name = "limit={0}")
    @ValueSource(strings = {"0", "501", "-1", "many"})
    void a_limit_outside_one_to_five_hundred_is_a_400_naming_it(String limit) {
        assertEquals(List.of("limit"), errorFields(rejected(PATH + query("limit", limit))));
    }

    @ParameterizedTest(name = "risk_level={0}")
    @ValueSource(strings = {"LOW", "MEDIUM", "HIGH"})
    void the_risk_level_filter_alone_selects_exactly_that_level(String level) {
        assertSelects(p -> level.equals(p.get("risk_level")), "risk_level", level);
    }

    @Test
    void the_employee_id_filter_alone_selects_exactly_that_employee() {
        assertSelects(p -> "E-3".equals(p.get("employee_id")), "employee_id", "E-3");
    }

    @Test
    void the_model_version_filter_alone_selects_exactly_that_version() {
        assertSelects(p -> "m-b".equals(p.get("model_version")), "model_version", "m-b");
    }

    @Test
    void the_from_filter_alone_includes_its_own_instant() {
        Instant from = createdAt(recorded.get(20));

        assertSelects(p -> !createdAt(p).isBefore(from), "from", from.toString());
        assertTrue(ids(listAll(query("from", from.toString(), "limit", "500"))).contains(recorded.get(20).get("prediction_id")));
    }

    @Test
    void the_to_filter_alone_excludes_its_own_instant() {
        Instant to = createdAt(recorded.get(40));

        assertSelects(p -> createdAt(p).isBefore(to), "to", to.toString());
        assertFalse(ids(listAll(query("to", to.toString(), "limit", "500"))).contains(recorded.get(40).get("prediction_id")));
    }

    @Test
    void from_and_to_accept_any_offset() {
        Instant from = createdAt(recorded.get(10));
        Instant to = createdAt(recorded.get(30));
        String fromWithOffset = from.atOffset(ZoneOffset.ofHours(2)).toString();
        String toWithOffset = to.atOffset(ZoneOffset.ofHours(-5)).toString();

        assertSelects(p -> !createdAt(p).isBefore(from) && createdAt(p).isBefore(to),
                "from", fromWithOffset, "to", toWithOffset);
    }

    @Test
    void from_and_to_may_be_any_iso_instant_however_far_off() {
        String farFuture = "+999999999-12-31T23:59:59Z";
        String farPast = "-999999999-01-01T00:00:00Z";

        assertEquals(List.of(), assertJson(http().get(PATH + query("from", farFuture)), 200).get("items"));
        assertEquals(List.of(), assertJson(http().get(PATH + query("to", farPast)), 200).get("items"));
        assertEquals(ids(expected(p -> true)), ids(list(assertJson(http().get(PATH + query("from", farPast,
                "to", farFuture, "limit", "500")), 200).get("items"))));
        assertEquals(ids(expected(p -> true)), ids(listAll(query("from", "0001-01-01T00:00:00Z",
                "to", "+10000-01-01T00:00:00Z", "limit", "25"))));
    }

    @Test
    void the_min_prob_filter_alone_includes_its_own_value() {
        double min = probability(recorded.get(9));

        assertSelects(p -> probability(p) >= min, "min_prob", Double.toString(min));
    }

    @Test
    void the_max_prob_filter_alone_includes_its_own_value() {
        double max = probability(recorded.get(9));

        assertSelects(p -> probability(p) <= max, "max_prob", Double.toString(max));
    }

    @Test
    void all_filters_combine() {
        Instant from = createdAt(recorded.get(5));
        Instant to = createdAt(recorded.get(55));

        assertSelects(p -> "m-a".equals(p.get("model_version")) && "HIGH".equals(p.get("risk_level"))
                        && !createdAt(p).isBefore(from) && createdAt(p).isBefore(to)
                        && probability(p) >= 0.5 && probability(p) <= 0.95,
                "model_version", "m-a", "risk_level", "HIGH", "from", from.toString(), "to", to.toString(),
                "min_prob", "0.5", "max_prob", "0.95");
        assertSelects(p -> "E-2".equals(p.get("employee_id")) && "m-c".equals(p.get("model_version")),
                "employee_id", "E-2", "model_version", "m-c");
        assertSelects(p -> "E-1".equals(p.get("employee_id")) && probability(p) >= 0.2 && probability(p) <= 0.8,
                "employee_id", "E-1", "min_prob", "0.2", "max_prob", "0.8");
    }

    @Test
    void a_filter_that_matches_nothing_is_an_empty_page_without_a_cursor() {
        Map<String, Object> page = assertJson(http().get(PATH + query("employee_id", "nobody")), 200);

        assertEquals(List.of(), page.get("items"));
        assertTrue(page.containsKey("next_cursor"), page::toString);
        assertNull(page.get("next_cursor"));
    }

    @ParameterizedTest(name = "limit={0}")
    @ValueSource(ints = {1, 7, 30, 59, 60})
    void paging_with_the_cursor_visits_every_prediction_exactly_once_and_ends_with_a_null_cursor(int limit) {
        List<Map<String, Object>> all = listAll(query("limit", Integer.toString(limit)));

        assertEquals(ids(expected(p -> true)), ids(all));
    }

    @Test
    void paging_a_filtered_list_visits_every_match_exactly_once() {
        List<Map<String, Object>> all = listAll(query("model_version", "m-a", "min_prob", "0.3", "limit", "3"));

        assertEquals(ids(expected(p -> "m-a".equals(p.get("model_version")) && probability(p) >= 0.3)), ids(all));
    }

    @ParameterizedTest(name = "cursor={0}")
    @ValueSource(strings = {"garbage", "AAAA", "%%%", "eyJpZCI6MX0", "", " "})
    void a_cursor_the_service_did_not_issue_is_a_400_naming_it(String cursor) {
        assertEquals(List.of("cursor"), errorFields(rejected(PATH + query("cursor", cursor))));
    }

    @Test
    void a_cursor_altered_in_any_one_character_is_a_400() {
        String cursor = (String) assertJson(http().get(PATH + query("limit", "5")), 200).get("next_cursor");
        assertNotNull(cursor);
        assertJson(http().get(PATH + query("limit", "5", "cursor", cursor)), 200);

        for (int position = 0; position < cursor.length(); position++) {
            for (int shift : new int[]{1, 2, 32}) {
                char original = cursor.charAt(position);
                char replacement = BASE64URL.charAt((BASE64URL.indexOf(original) + shift) % BASE64URL.length());
                String altered = cursor.substring(0, position) + replacement + cursor.substring(position + 1);

                Map<String, Object> problem = assertProblem(http().get(PATH + query("limit", "5", "cursor", altered)), 400);

                assertEquals(List.of("cursor"), errorFields(problem), altered);
            }
        }
    }

    @Test
    void a_cursor_reused_with_a_different_filter_is_a_400_naming_it() {
        String cursor = (String) assertJson(http().get(PATH + query("model_version", "m-a", "limit", "2")), 200)
                .get("next_cursor");
        assertNotNull(cursor);

        assertEquals(List.of("cursor"), errorFields(rejected(PATH + query("model_version", "m-b", "limit", "2", "cursor", cursor))));
        assertEquals(List.of("cursor"), errorFields(rejected(PATH + query("limit", "2", "cursor", cursor))));
        assertEquals(List.of("cursor"), errorFields(rejected(PATH + query("model_version", "m-a", "risk_level", "LOW",
                "limit", "2", "cursor", cursor))));
        assertJson(http().get(PATH + query("model_version", "m-a", "limit", "7", "cursor", cursor)), 200);
    }

    @Test
    void a_cursor_of_the_high_risk_list_is_a_400_on_the_prediction_list() {
        String cursor = (String) assertJson(http().get("/api/v1/analytics/high-risk" + query("limit", "1")), 200)
                .get("next_cursor");
        assertNotNull(cursor, "needs two HIGH predictions");

        assertEquals(List.of("cursor"), errorFields(rejected(PATH + query("risk_level", "HIGH", "limit", "1",
                "cursor", cursor))));
    }

    @ParameterizedTest(name = "risk_level={0}")
    @ValueSource(strings = {"EXTREME", "high", ""})
    void an_unknown_risk_level_is_a_400_naming_the_parameter(String level) {
        assertEquals(List.of("risk_level"), errorFields(rejected(PATH + query("risk_level", level))));
    }

    @ParameterizedTest(name = "{0}={1}")
    @CsvSource({
            "from, yesterday", "from, 2026-01-01", "from, 2026-01-01T10:00:00", "to, 1700000000",
            "min_prob, abc", "min_prob, -0.1", "min_prob, 1.5", "max_prob, NaN", "max_prob, 2",
            "employee_id, EEEEEEEEEEEEEEEEEEEEEEEEEEEEEEEEEEEEEEEEEEEEEEEEEEE",
            "model_version, mmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmm"})
    void a_bad_filter_value_is_a_400_naming_the_parameter(String parameter, String value) {
        assertEquals(List.of(parameter), errorFields(rejected(PATH + query(parameter, value))));
    }

    @Test
    void a_range_whose_from_is_after_its_to_is_a_400() {
        rejected(PATH + query("from", "2026-02-01T00:00:00Z", "to", "2026-01-01T00:00:00Z"));
        rejected(PATH + query("min_prob", "0.8", "max_prob", "0.2"));
    }

    // --- helpers ---

    /** Follows next_cursor to the end, checking that no prediction comes twice. */
    private List<Map<String, Object>> listAll(String firstQuery) {
        List<Map<String, Object>> all = new ArrayList<>();
        Set<Object> seen = new HashSet<>();
        String cursor = null;
        int pages = 0;
        do {
            String query = cursor == null ? firstQuery : firstQuery + "&" + query("cursor", cursor).substring(1);
            Map<String, Object> page = assertJson(http().get(PATH + query), 200);
            for (Map<String, Object> item : list(page.get("items"))) {
                assertTrue(seen.add(item.get("prediction_id")), () -> "seen twice: " + item);
                all.add(item);
            }
            assertTrue(page.containsKey("next_cursor"), page::toString);
            cursor = (String) page.get("next_cursor");
            assertTrue(cursor == null || !list(page.get("items")).isEmpty(), "a cursor after an empty page");
            assertTrue(++pages <= COUNT + 1, "paging does not end");
        } while (cursor != null);
        return all;
    }

    private void assertSelects(Predicate<Map<String, Object>> matches, String... filter) {
        List<Object> expected = ids(expected(matches));
        assertFalse(expected.isEmpty(), "the data set should hold a match for " + List.of(filter));
        assertFalse(expected.size() == COUNT, "the data set should hold a non-match for " + List.of(filter));
        String[] withLimit = Arrays.copyOf(filter, filter.length + 2);
        withLimit[filter.length] = "limit";
        withLimit[filter.length + 1] = "500";

        Map<String, Object> page = assertJson(http().get(PATH + query(withLimit)), 200);

        assertEquals(expected, ids(list(page.get("items"))), "filter " + List.of(filter));
        assertNull(page.get("next_cursor"));
        assertEquals(expected, ids(listAll(query(withLimit).replace("limit=500", "limit=4"))), "paged " + List.of(filter));
    }

    /** The matching recorded predictions, newest first (created_at, then id, descending). */
    private List<Map<String, Object>> expected(Predicate<Map<String, Object>> matches) {
        return recorded.stream().filter(matches)
                .sorted(Comparator.comparing(PredictionQueryEndpointTest::createdAt)
                        .thenComparing(p -> (String) p.get("prediction_id")).reversed())
                .toList();
    }

    private Map<String, Object> rejected(String pathAndQuery) {
        Stored before = Stored.in(database);

        Map<String, Object> problem = assertProblem(http().get(pathAndQuery), 400);

        assertEquals(before, Stored.in(database));
        return problem;
    }

    private static List<Object> ids(List<Map<String, Object>> predictions) {
        return predictions.stream().map(p -> p.get("prediction_id")).toList();
    }

    private static Instant createdAt(Map<String, Object> prediction) {
        return OffsetDateTime.parse((String) prediction.get("created_at")).toInstant();
    }

    private static double probability(Map<String, Object> prediction) {
        return ((Number) prediction.get("attrition_prob")).doubleValue();
    }
}
