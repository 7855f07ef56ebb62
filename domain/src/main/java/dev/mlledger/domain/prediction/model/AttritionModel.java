package dev.mlledger.domain.prediction.model;

import dev.mlledger.domain.prediction.AttritionProbability;
import dev.mlledger.domain.validation.InvalidInput;

import java.util.List;
import java.util.Map;

/** The model that scores employees (a driven port): its identity, its feature schema, and the scoring itself. */
public interface AttritionModel {

    /** Identifies the model in every prediction it makes, e.g. "logreg-attrition-1.0.0"; 1 to 50 characters. */
    String version();

    /** The schema clients send features against, in the model file's order. */
    List<FeatureDefinition> features();

    /**
     * Checks raw client features, as parsed from JSON, against the schema.
     *
     * @throws InvalidInput listing every violation, each named by its feature ("age"), the map as a whole ""
     */
    FeatureVector validate(Map<String, Object> rawFeatures);

    /** Never throws for a vector this model's {@link #validate} returned; the result is in [0, 1]. */
    AttritionProbability score(FeatureVector features);
}
