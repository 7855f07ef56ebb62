package dev.mlledger.domain.prediction.model;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * An employee's features once a model has checked them: each value is a finite {@link Double}, a {@link Boolean}
 * or a {@link String}. Immutable; keeps the order it was given (a model's {@code validate} gives schema order).
 */
public final class FeatureVector {

    private final Map<String, Object> values;

    /** @throws IllegalArgumentException for a null name or a value that is not a finite Double, a Boolean or a String */
    public FeatureVector(Map<String, ?> values) {
        Map<String, Object> copy = new LinkedHashMap<>();
        values.forEach((name, value) -> {
            if (name == null) {
                throw new IllegalArgumentException("a feature needs a name");
            }
            boolean allowed = value instanceof Double number ? Double.isFinite(number)
                    : value instanceof Boolean || value instanceof String;
            if (!allowed) {
                throw new IllegalArgumentException("feature " + name
                        + " must be a finite Double, a Boolean or a String, got " + value);
            }
            copy.put(name, value);
        });
        this.values = Collections.unmodifiableMap(copy);
    }

    /** The features by name, in order; what is stored as a prediction's feature snapshot. Unmodifiable. */
    public Map<String, Object> asMap() {
        return values;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof FeatureVector vector && values.equals(vector.values);
    }

    @Override
    public int hashCode() {
        return Objects.hash(values);
    }

    @Override
    public String toString() {
        return "FeatureVector" + values;
    }
}
