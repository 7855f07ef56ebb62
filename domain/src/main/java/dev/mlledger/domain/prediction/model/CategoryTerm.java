package dev.mlledger.domain.prediction.model;

import java.util.Map;

/**
 * A category feature's term, one-hot encoded: the coefficient of the value given. A value without a coefficient
 * (a reference category, as when an encoder drops one) contributes nothing.
 */
public record CategoryTerm(FeatureDefinition feature, Map<String, Double> coefficients) implements FeatureTerm {

    public CategoryTerm {
        Terms.requireType(feature, FeatureType.CATEGORY);
        coefficients = Map.copyOf(coefficients);
        coefficients.forEach((value, coefficient) -> {
            if (!feature.values().contains(value)) {
                throw new IllegalArgumentException("coefficients." + value + " is not one of the feature's values ("
                        + String.join(", ", feature.values()) + ")");
            }
            Terms.requireFinite("coefficients." + value, coefficient);
        });
    }

    @Override
    public double contribution(Object value) {
        if (!(value instanceof String category) || !feature.values().contains(category)) {
            throw new IllegalArgumentException("feature " + feature.name() + " needs one of its values, got " + value);
        }
        return coefficients.getOrDefault(category, 0.0);
    }
}
