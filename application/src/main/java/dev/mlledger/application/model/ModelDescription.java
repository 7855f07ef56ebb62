package dev.mlledger.application.model;

import dev.mlledger.domain.prediction.RiskThresholds;
import dev.mlledger.domain.prediction.model.FeatureDefinition;

import java.util.List;

/** What the attrition model expects and how its probabilities are banded. */
public record ModelDescription(String modelVersion, List<FeatureDefinition> features, RiskThresholds thresholds) {

    public ModelDescription {
        features = List.copyOf(features);
    }
}
