package dev.mlledger.bootstrap.model;

import dev.mlledger.domain.prediction.model.AttritionModel;
import io.micronaut.json.JsonMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** Which model file the service loads for a value of {@code mlledger.model.path}. */
class ModelFactoryTest {

    private static final JsonMapper JSON = JsonMapper.createDefault();

    private final ModelFactory factory = new ModelFactory();

    @TempDir
    Path directory;

    @Test
    void without_a_model_path_the_bundled_model_is_loaded() {
        assertEquals("logreg-attrition-1.0.0", factory.attritionModel(JSON, null).version());
        assertEquals("logreg-attrition-1.0.0", factory.attritionModel(JSON, " ").version());
    }

    @Test
    void a_model_path_loads_that_file_instead() throws IOException {
        Path file = Files.writeString(directory.resolve("model.json"), """
                {"model_version": "custom-2.0", "intercept": 0.0,
                 "features": [{"name": "tenure", "type": "number", "required": true, "coefficient": 0.1}]}""");

        AttritionModel model = factory.attritionModel(JSON, file.toString());

        assertEquals("custom-2.0", model.version());
        assertEquals("tenure", model.features().getFirst().name());
    }

    @Test
    void a_model_path_to_nothing_fails_rather_than_falling_back_to_the_bundled_model() {
        Path missing = directory.resolve("missing.json");

        IllegalStateException failure = assertThrows(IllegalStateException.class,
                () -> factory.attritionModel(JSON, missing.toString()));

        assertEquals("Model file " + missing + ": no such file", failure.getMessage());
    }
}
