package dev.mlledger.domain.prediction.model;

import java.util.Objects;

/** The checks every kind of {@link FeatureTerm} makes on what it is built from. */
final class Terms {

    private Terms() {
    }

    static void requireType(FeatureDefinition feature, FeatureType type) {
        Objects.requireNonNull(feature, "feature");
        if (feature.type() != type) {
            throw new IllegalArgumentException("type must be " + type + " for a " + type + " term, got " + feature.type());
        }
    }

    static void requireFinite(String component, double value) {
        if (!Double.isFinite(value)) {
            throw new IllegalArgumentException(component + " must be a finite number, got " + value);
        }
    }
}
