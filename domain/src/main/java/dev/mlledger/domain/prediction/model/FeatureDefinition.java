package dev.mlledger.domain.prediction.model;

import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * One feature of a model's schema: what clients send under {@code features.<name>}.
 *
 * @param values the allowed values of a category, in the model's order; empty for numbers and booleans
 */
public record FeatureDefinition(String name, FeatureType type, boolean required, List<String> values) {

    public FeatureDefinition {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(values, "values");
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("name must not be blank");
        }
        values = List.copyOf(values);
        if (type == FeatureType.CATEGORY) {
            if (values.isEmpty()) {
                throw new IllegalArgumentException("values must not be empty for a category feature");
            }
            Set<String> seen = new HashSet<>();
            for (String value : values) {
                if (!seen.add(value)) {
                    throw new IllegalArgumentException("values must not repeat \"" + value + "\"");
                }
            }
        } else if (!values.isEmpty()) {
            throw new IllegalArgumentException("values are only for category features, not for a " + type);
        }
    }

    public static FeatureDefinition ofNumber(String name, boolean required) {
        return new FeatureDefinition(name, FeatureType.NUMBER, required, List.of());
    }

    public static FeatureDefinition ofBoolean(String name, boolean required) {
        return new FeatureDefinition(name, FeatureType.BOOLEAN, required, List.of());
    }

    public static FeatureDefinition ofCategory(String name, boolean required, List<String> values) {
        return new FeatureDefinition(name, FeatureType.CATEGORY, required, values);
    }
}
