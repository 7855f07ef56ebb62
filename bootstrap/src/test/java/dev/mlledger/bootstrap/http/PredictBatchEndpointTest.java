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

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.IntStream;

import static dev.mlledger.bootstrap.testing.Json.assertJson;
import static dev.mlledger.bootstrap.testing.Json.errorFields;
import static dev.mlledger.bootstrap.testing.Json.list;
import static dev.mlledger.bootstrap.testing.ProblemAssertions.assertProblem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code POST /api/v1/predict/batch}: 1 to 1000 employees, all stored in input order, or none. */
@MicronautTest(transactional = false)
class PredictBatchEndpointTest extends FreshDatabaseTest {

    private static final String PATH = "/api/v1/predict/batch";

    @Inject
    EmbeddedServer server;

    private RawHttp http() {
        return new RawHttp(server.getURL());
    }

    @Test
    void a_thousand_items_are_scored_and_stored_in_input_order() {
        List<Map<String, Object>> items = items(1000);
        String body = Json.write(Map.of("items", items));

        Map<String, Object> answer = assertJson(http().postJson(PATH, body), 200);

        Map<String, Object> model = assertJson(http().get("/api/v1/model"), 200);
        String requestId = (String) answer.get("request_id");
        UUID.fromString(requestId);
        assertEquals(model.get("model_version"), answer.get("model_version"));
        List<Map<String, Object>> predictions = list(answer.get("predictions"));
        assertEquals(1000, predictions.size());
        for (int i = 0; i < predictions.size(); i++) {
            Map<String, Object> prediction = predictions.get(i);
            assertEquals(items.get(i).get("employee_id"), prediction.get("employee_id"), "item " + i);
            assertEquals(requestId, prediction.get("request_id"), "item " + i);
            assertEquals(model.get("model_version"), prediction.get("model_version"));
            double probability = ((Number) prediction.get("attrition_prob")).doubleValue();
            assertEquals(PredictEndpointTest.expectedRiskLevel(model, probability), prediction.get("risk_level"));
            UUID.fromString((String) prediction.get("prediction_id"));
            assertTrue(prediction.get("prediction_date") instanceof String, prediction::toString);
        }
        assertEquals(1000, Rows.count(database, "SELECT count(*) FROM predictions WHERE request_id = ?::uuid", requestId));
        assertEquals(1, Rows.count(database, """
                SELECT count(*) FROM api_requests WHERE id = ?::uuid AND endpoint = '/api/v1/predict/batch'
                  AND method = 'POST' AND http_status = 200 AND request_data = ?::jsonb""", requestId, body));
        assertEquals(1000, Rows.count(database, """
                SELECT count(*) FROM predictions p
                JOIN jsonb_array_elements(?::jsonb -> 'items') WITH ORDINALITY AS sent(item, n)
                  ON sent.item ->> 'employee_id' = p.employee_id
                WHERE p.request_id = ?::uuid AND p.features_snapshot = sent.item -> 'features'""", body, requestId));

        Map<String, Object> logged = assertJson(http().get("/api/v1/requests/" + requestId), 200);
        List<Map<String, Object>> listed = list(logged.get("predictions"));
        assertEquals(predictions.stream().map(p -> p.get("prediction_id")).toList(),
                listed.stream().map(p -> p.get("prediction_id")).toList(), "request lists its predictions in input order");
        assertEquals(items.stream().map(item -> item.get("employee_id")).toList(),
                listed.stream().map(p -> p.get("employee_id")).toList());
        assertEquals(items.getFirst().get("features"), listed.getFirst().get("features_snapshot"));
    }

    @Test
    void a_single_item_is_a_valid_batch() {
        Map<String, Object> answer = assertJson(http().postJson(PATH, Json.write(Map.of("items", items(1)))), 200);

        assertEquals(1, list(answer.get("predictions")).size());
    }

    @Test
    void a_thousand_and_one_items_are_a_413_and_nothing_is_stored() {
        Stored before = Stored.in(database);

        Map<String, Object> problem = assertProblem(http().postJson(PATH, Json.write(Map.of("items", items(1001)))), 413);

        assertEquals(List.of("items"), errorFields(problem));
        assertEquals(before, Stored.in(database));
    }

    @Test
    void zero_items_are_a_400_naming_items() {
        Map<String, Object> problem = rejected("{\"items\": []}");

        assertEquals(List.of("items"), errorFields(problem));
    }

    @Test
    void missing_items_are_a_400_naming_items() {
        Map<String, Object> problem = rejected("{}");

        assertEquals(List.of("items"), errorFields(problem));
    }

    @Test
    void items_that_are_not_an_array_are_a_400_naming_items() {
        Map<String, Object> problem = rejected("{\"items\": {\"features\": {}}}");

        assertEquals(List.of("items"), errorFields(problem));
    }

    @Test
    void one_bad_item_among_many_is_a_400_naming_it_by_index_and_nothing_is_stored() {
        List<Map<String, Object>> items = items(10);
        features(items.get(3)).put("age", "forty");

        Map<String, Object> problem = rejected(Json.write(Map.of("items", items)));

        assertEquals(List.of(Map.of("field", "items[3].features.age", "message", "must be a number")),
                problem.get("errors"));
    }

    @Test
    void every_bad_item_is_named_by_its_index() {
        List<Map<String, Object>> items = items(10);
        features(items.get(2)).remove("overtime");
        items.get(5).put("employee_id", "E".repeat(51));
        features(items.get(9)).put("shoe_size", 44);

        Map<String, Object> problem = rejected(Json.write(Map.of("items", items)));

        assertEquals(Set.of("items[2].features.overtime", "items[5].employee_id", "items[9].features.shoe_size"),
                Set.copyOf(errorFields(problem)));
    }

    @Test
    void bad_items_of_different_kinds_are_all_named_in_one_answer() {
        List<Map<String, Object>> items = items(6);
        items.get(1).put("note", "not a field of an item");
        items.get(3).put("employee_id", 3);
        features(items.get(4)).put("age", "forty");
        items.get(5).put("employee_id", "E".repeat(51));

        // since the body binds to a Serde record (2026-12-01): a body that does not fit the record (an unknown
        // member, a wrong JSON type) is refused for that, every misfit named; the rules on the values are checked
        // once it fits, every broken one named
        Map<String, Object> misfits = rejected(Json.write(Map.of("items", items)));
        items.get(1).remove("note");
        items.get(3).remove("employee_id");
        Map<String, Object> problem = rejected(Json.write(Map.of("items", items)));

        assertEquals(Set.of("items[1].note", "items[3].employee_id"), Set.copyOf(errorFields(misfits)));
        assertEquals(Set.of("items[4].features.age", "items[5].employee_id"), Set.copyOf(errorFields(problem)));
    }

    @Test
    void an_item_that_is_not_an_object_is_a_400_naming_its_index() {
        List<Object> items = new ArrayList<>(items(5));
        items.set(2, "E-2");

        Map<String, Object> problem = rejected(Json.write(Map.of("items", items)));

        assertEquals(List.of("items[2]"), errorFields(problem));
    }

    @Test
    void an_item_without_features_is_a_400_naming_them() {
        List<Map<String, Object>> items = items(3);
        items.get(1).remove("features");

        Map<String, Object> problem = rejected(Json.write(Map.of("items", items)));

        assertEquals(List.of(Map.of("field", "items[1].features", "message", "is required")), problem.get("errors"));
    }

    @Test
    void a_nul_character_in_an_item_is_a_400_naming_where_it_is() {
        List<Map<String, Object>> items = items(4);
        items.get(3).put("employee_id", "E-\u00003");

        Map<String, Object> problem = rejected(Json.write(Map.of("items", items)));

        assertEquals(List.of("items[3].employee_id"), errorFields(problem));
    }

    @Test
    void half_a_surrogate_pair_in_an_item_is_a_400_naming_where_it_is() {
        String body = Json.write(Map.of("items", items(4))).replace("\"E-0002\"", "\"E-\\ud800\"");

        Map<String, Object> problem = rejected(body);

        assertEquals(List.of("items[2].employee_id"), errorFields(problem));
    }

    @Test
    void an_unknown_top_level_field_is_a_400_naming_it() {
        Map<String, Object> problem = rejected(Json.write(Map.of("items", items(2), "dry_run", true)));

        assertEquals(List.of("dry_run"), errorFields(problem));
    }

    @Test
    void malformed_json_is_a_400_and_a_body_that_is_not_json_a_415() {
        rejected("{\"items\": [");

        Stored before = Stored.in(database);
        assertProblem(http().send("POST", PATH, "text/plain", Json.write(Map.of("items", items(2)))), 415);
        assertEquals(before, Stored.in(database));
    }

    private Map<String, Object> rejected(String body) {
        Stored before = Stored.in(database);

        Map<String, Object> problem = assertProblem(http().postJson(PATH, body), 400);

        assertEquals(before, Stored.in(database), "nothing stored");
        return problem;
    }

    /** Valid items E-0000, E-0001, … with features that differ from item to item. */
    private static List<Map<String, Object>> items(int count) {
        return new ArrayList<>(IntStream.range(0, count).mapToObj(i -> {
            Map<String, Object> features = new LinkedHashMap<>();
            features.put("age", 20 + i % 45);
            features.put("monthly_income", 1000 + 17 * i);
            features.put("overtime", i % 3 == 0);
            features.put("job_satisfaction", 1 + i % 4);
            if (i % 2 == 0) {
                features.put("department", List.of("Sales", "Research & Development", "Human Resources").get(i % 3));
            }
            Map<String, Object> item = new LinkedHashMap<>();
            item.put("employee_id", String.format("E-%04d", i));
            item.put("features", features);
            return item;
        }).toList());
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> features(Map<String, Object> item) {
        return (Map<String, Object>) item.get("features");
    }
}
