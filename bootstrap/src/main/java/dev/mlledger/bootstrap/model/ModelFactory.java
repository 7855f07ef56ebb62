package dev.mlledger.bootstrap.model;

import dev.mlledger.domain.prediction.model.AttritionModel;
import dev.mlledger.domain.prediction.model.LogisticRegressionModel;
import io.micronaut.context.annotation.Context;
import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Property;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.json.JsonMapper;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.file.Path;

/**
 * The attrition model the service scores with: the file at {@code mlledger.model.path} (env
 * {@code MLLEDGER_MODEL_PATH}) or, without it, the model bundled in the jar.
 */
@Factory
public class ModelFactory {

    static final String BUNDLED_MODEL = "model/attrition-model.json";

    private static final Logger LOG = LoggerFactory.getLogger(ModelFactory.class);

    /** Made with the context, so a broken model file stops the start-up instead of the first prediction. */
    @Context
    @Singleton
    AttritionModel attritionModel(JsonMapper jsonMapper, @Nullable @Property(name = "mlledger.model.path") String path) {
        ModelFileLoader loader = new ModelFileLoader(jsonMapper);
        LogisticRegressionModel model;
        String location;
        if (path == null || path.isBlank()) {
            model = loader.loadResource(BUNDLED_MODEL);
            location = "classpath:" + BUNDLED_MODEL;
        } else {
            model = loader.load(Path.of(path));
            location = path;
        }
        LOG.info("Attrition model {} loaded from {} ({} features)", model.version(), location, model.features().size());
        return model;
    }
}
