package dev.mlledger.adapters.web.model;

import dev.mlledger.adapters.web.testing.WebTest;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

class ModelControllerTest extends WebTest {

    @Test
    void theModelIsDescribedWithFeatureTypesSpelledInLowerCase() {
        Map<String, Object> model = body(send("GET", "/api/v1/model", null), 200);

        assertEquals("web-test-1", model.get("model_version"));
        assertEquals(List.of(Map.of("name", "age", "type", "number", "required", true),
                        Map.of("name", "overtime", "type", "boolean", "required", false)),
                model.get("features"));
    }
}
