package dev.mlledger.adapters.web.experiment;

import dev.mlledger.adapters.web.testing.WebTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RunSearchControllerTest extends WebTest {

    private String experimentId;
    private final List<String> runIds = new ArrayList<>();

    /** An experiment of three runs with losses 0.3, 0.1 and 0.7 (the last also logged an accuracy). */
    @BeforeEach
    void threeRunsWithALoss() {
        experimentId = (String) body(send("POST", "/api/v1/experiments", "{\"name\": \"search\"}"), 201).get("id");
        for (double loss : new double[] {0.3, 0.1, 0.7}) {
            String runId = (String) body(send("POST", "/api/v1/experiments/" + experimentId + "/runs", "{}"), 201)
                    .get("id");
            runIds.add(runId);
            body(send("POST", "/api/v1/runs/" + runId + "/metrics/batch", "{\"metrics\": [{\"name\": \"loss\", "
                    + "\"step\": 1, \"value\": " + loss + "}" + (loss > 0.5 ? ", {\"name\": \"accuracy\", \"step\": 1, "
                    + "\"value\": 0.9}" : "") + "]}"), 201);
        }
    }

    private String search(String... parameters) {
        StringBuilder query = new StringBuilder("/api/v1/runs?experiment_id=" + experimentId);
        for (int i = 0; i < parameters.length; i += 2) {
            query.append('&').append(parameters[i]).append('=')
                    .append(URLEncoder.encode(parameters[i + 1], StandardCharsets.UTF_8));
        }
        return query.toString();
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> items(Map<String, Object> page) {
        return (List<Map<String, Object>>) page.get("items");
    }

    private static String runId(Map<String, Object> item) {
        return (String) item.get("id");
    }

    @Test
    void runs_meeting_the_filter_come_in_the_asked_order_as_a_run_reads_with_latest_metrics_params_and_tags() {
        Map<String, Object> page = body(send("GET", search("filter", "metrics.loss < 0.5", "order_by", "metrics.loss"),
                null), 200);

        assertEquals(List.of(runIds.get(1), runIds.get(0)), items(page).stream().map(RunSearchControllerTest::runId)
                .toList());
        Map<String, Object> first = items(page).getFirst();
        assertEquals(Map.of("loss", 0.1), first.get("latest_metrics"));
        assertEquals(Map.of(), first.get("params"));
        assertEquals(Map.of(), first.get("tags"));
        assertEquals(body(send("GET", "/api/v1/runs/" + runIds.get(1), null), 200), first);
        assertTrue(page.containsKey("next_cursor"));
        assertNull(page.get("next_cursor"));
    }

    @Test
    void order_by_may_be_repeated_and_runs_without_the_value_come_last() {
        Map<String, Object> page = body(send("GET", search("order_by", "metrics.accuracy DESC", "order_by",
                "metrics.loss"), null), 200);

        assertEquals(List.of(runIds.get(2), runIds.get(1), runIds.get(0)),
                items(page).stream().map(RunSearchControllerTest::runId).toList());
    }

    @Test
    void pages_follow_next_cursor_and_a_cursor_only_serves_its_own_query() {
        Map<String, Object> first = body(send("GET", search("order_by", "metrics.loss", "limit", "2"), null), 200);
        String cursor = (String) first.get("next_cursor");
        assertNotNull(cursor);

        Map<String, Object> second = body(send("GET", search("order_by", "metrics.loss", "limit", "2", "cursor",
                cursor), null), 200);
        assertEquals(List.of(runIds.get(2)), items(second).stream().map(RunSearchControllerTest::runId).toList());
        assertNull(second.get("next_cursor"));

        Map<String, String> errors = errors(send("GET", search("order_by", "metrics.loss DESC", "cursor", cursor),
                null));
        assertEquals(List.of("cursor"), List.copyOf(errors.keySet()));
    }

    @Test
    void a_bad_filter_is_a_400_naming_the_column_of_the_offending_token() {
        Map<String, String> errors = errors(send("GET", search("filter", "metrics.loss < 0.5 OR metrics.loss > 2"),
                null));

        assertEquals(Map.of("filter", "at column 20: OR is not supported: MLflow's grammar joins conditions with AND only"),
                errors);
    }

    @Test
    void every_bad_part_of_a_search_is_named_at_once() {
        Map<String, String> errors = errors(send("GET", "/api/v1/runs?filter=params.lr%20%3C%201&order_by=metrics.loss"
                + "&order_by=loss%20DOWN&lifecycle=gone&limit=0", null));

        assertEquals(List.of("experiment_id", "filter", "lifecycle", "limit", "order_by[1]"),
                List.copyOf(errors.keySet()));
        assertEquals("is required", errors.get("experiment_id"));
        assertTrue(errors.get("filter").startsWith("at column 11: < cannot compare a param"), errors.get("filter"));
        assertTrue(errors.get("order_by[1]").startsWith("at column 1: 'loss' is not a run attribute"),
                errors.get("order_by[1]"));
    }

    @Test
    void a_bad_experiment_id_is_a_400() {
        assertEquals(400, send("GET", "/api/v1/runs?experiment_id=not-a-uuid", null).statusCode());
    }

    @Test
    void deleted_runs_are_found_only_when_asked() {
        Map<String, Object> active = body(send("GET", search("lifecycle", "active"), null), 200);
        Map<String, Object> deleted = body(send("GET", search("lifecycle", "deleted"), null), 200);
        Map<String, Object> all = body(send("GET", search("lifecycle", "all"), null), 200);

        assertEquals(3, items(active).size());
        assertEquals(0, items(deleted).size());
        assertEquals(3, items(all).size());
    }
}
