package dev.mlledger.bootstrap.model;

import dev.mlledger.domain.prediction.model.AttritionModel;
import io.micronaut.json.JsonMapper;
import io.micronaut.json.tree.JsonNode;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.util.LinkedHashMap;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A model file exported from a trained scikit-learn pipeline by tools/export_sklearn_model.py scores exactly as
 * the pipeline's {@code predict_proba} did; the script wrote both files under test resources model/.
 */
class SklearnExportTest {

    private static final JsonMapper JSON = JsonMapper.createDefault();

    @Test
    void an_exported_scikit_learn_pipeline_gives_the_probabilities_scikit_learn_gave() throws IOException {
        AttritionModel model = new ModelFileLoader(JSON).loadResource("model/sklearn-export.json");
        JsonNode expected = read("model/sklearn-export-expected.json");

        int rows = 0;
        for (JsonNode row : expected.get("rows").values()) {
            Map<String, Object> features = features(row.get("features"));

            double p = model.score(model.validate(features)).value();

            assertEquals(row.get("probability").getDoubleValue(), p, 1e-9, "for " + features);
            rows++;
        }
        assertTrue(rows >= 5, "only " + rows + " rows to compare");
    }

    /** Features as the web adapter hands them over: numbers as Doubles, booleans and strings as they are. */
    private static Map<String, Object> features(JsonNode object) {
        Map<String, Object> features = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> entry : object.entries()) {
            JsonNode value = entry.getValue();
            features.put(entry.getKey(), value.isNumber() ? (Object) value.getDoubleValue()
                    : value.isBoolean() ? (Object) value.getBooleanValue() : value.getStringValue());
        }
        return features;
    }

    private static JsonNode read(String resource) throws IOException {
        try (InputStream in = SklearnExportTest.class.getClassLoader().getResourceAsStream(resource)) {
            assertTrue(in != null, "no " + resource + " on the test class path");
            return JSON.readValue(in.readAllBytes(), JsonNode.class);
        }
    }
}
