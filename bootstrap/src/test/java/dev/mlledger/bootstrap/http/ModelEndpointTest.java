package dev.mlledger.bootstrap.http;

import dev.mlledger.adapters.persistence.testing.FreshDatabaseTest;
import dev.mlledger.bootstrap.testing.RawHttp;
import dev.mlledger.bootstrap.testing.Rows.Stored;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static dev.mlledger.bootstrap.testing.Json.assertJson;
import static dev.mlledger.bootstrap.testing.Json.list;
import static dev.mlledger.bootstrap.testing.Json.object;
import static dev.mlledger.bootstrap.testing.ProblemAssertions.assertProblem;
import static dev.mlledger.bootstrap.testing.ProblemAssertions.parse;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code GET /api/v1/model}: the model's version, feature schema and risk thresholds, as the model file has them. */
@MicronautTest(transactional = false)
class ModelEndpointTest extends FreshDatabaseTest {

    private static final String PATH = "/api/v1/model";

    @Inject
    EmbeddedServer server;

    private RawHttp http() {
        return new RawHttp(server.getURL());
    }

    @Test
    void the_model_is_described_by_its_version_features_and_thresholds() {
        Map<String, Object> model = assertJson(http().get(PATH), 200);

        assertEquals(Set.of("model_version", "features", "thresholds"), model.keySet());
        assertEquals("logreg-attrition-1.0.0", model.get("model_version"));
        assertEquals(Map.of("medium", 0.3, "high", 0.6), model.get("thresholds"));
    }

    @Test
    void each_feature_has_a_name_a_type_and_whether_it_is_required_and_categories_their_values() {
        List<Map<String, Object>> features = list(assertJson(http().get(PATH), 200).get("features"));

        for (Map<String, Object> feature : features) {
            PredictEndpointTest.assertSnakeCase(feature);
            assertTrue(feature.get("name") instanceof String, feature::toString);
            assertTrue(feature.get("required") instanceof Boolean, feature::toString);
            if ("category".equals(feature.get("type"))) {
                assertEquals(Set.of("name", "type", "required", "values"), feature.keySet());
                assertTrue(!list(feature.get("values")).isEmpty(), feature::toString);
            } else {
                assertTrue(Set.of("number", "boolean").contains(feature.get("type")), feature::toString);
                assertEquals(Set.of("name", "type", "required"), feature.keySet());
            }
        }
    }

    @Test
    void the_features_are_those_of_the_model_file_in_its_order() throws IOException {
        List<Map<String, Object>> expected = list(modelFile().get("features")).stream().map(feature -> {
            Map<String, Object> described = new LinkedHashMap<>();
            described.put("name", feature.get("name"));
            described.put("type", feature.get("type"));
            described.put("required", feature.get("required"));
            if (feature.containsKey("values")) {
                described.put("values", feature.get("values"));
            }
            return described;
        }).toList();

        List<Map<String, Object>> features = list(assertJson(http().get(PATH), 200).get("features"));

        assertEquals(expected, features);
        assertEquals(List.of("age", "monthly_income", "overtime", "job_satisfaction"), features.stream()
                .filter(feature -> Boolean.TRUE.equals(feature.get("required"))).map(feature -> feature.get("name")).toList());
        assertEquals(List.of("Sales", "Research & Development", "Human Resources"), features.stream()
                .filter(feature -> "department".equals(feature.get("name"))).findFirst().orElseThrow().get("values"));
    }

    @Test
    void the_described_thresholds_are_the_ones_predictions_are_banded_by() {
        Map<String, Object> thresholds = object(assertJson(http().get(PATH), 200).get("thresholds"));
        double medium = ((Number) thresholds.get("medium")).doubleValue();
        double high = ((Number) thresholds.get("high")).doubleValue();

        for (double probability : new double[]{Math.nextDown(medium), medium, Math.nextDown(high), high}) {
            Map<String, Object> created = assertJson(http().postJson("/api/v1/predictions",
                    "{\"attrition_prob\": " + probability + ", \"model_version\": \"m\"}"), 201);

            assertEquals(probability < medium ? "LOW" : probability < high ? "MEDIUM" : "HIGH",
                    created.get("risk_level"), "probability " + probability);
        }
    }

    @Test
    void the_model_cannot_be_changed_through_the_api() {
        Stored before = Stored.in(database);

        HttpResponse<String> response = http().postJson(PATH, "{\"model_version\": \"other\"}");

        assertProblem(response, 405);
        assertTrue(response.headers().firstValue("Allow").orElse("").contains("GET"), response.headers()::toString);
        assertEquals(before, Stored.in(database));
        assertEquals("logreg-attrition-1.0.0", assertJson(http().get(PATH), 200).get("model_version"));
    }

    private static Map<String, Object> modelFile() throws IOException {
        try (InputStream file = ModelEndpointTest.class.getResourceAsStream("/model/attrition-model.json")) {
            assertNotNull(file, "model/attrition-model.json on the class path");
            return parse(new String(file.readAllBytes(), StandardCharsets.UTF_8));
        }
    }
}
