package dev.mlledger.domain.prediction.model;

import dev.mlledger.domain.validation.InvalidInput;
import dev.mlledger.domain.validation.Violation;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Checks a client's raw features against a model's feature definitions, reporting every violation at once, each
 * named by its feature ({@code age}); the map as a whole is {@code ""}.
 */
final class FeatureSchema {

    private final String modelVersion;
    private final List<FeatureDefinition> definitions;
    private final Set<String> names;

    FeatureSchema(String modelVersion, List<FeatureDefinition> definitions) {
        this.modelVersion = Objects.requireNonNull(modelVersion, "modelVersion");
        this.definitions = List.copyOf(definitions);
        // a HashSet, because an immutable set throws on contains(null) and a client's map may hold a null name
        this.names = definitions.stream().map(FeatureDefinition::name).collect(Collectors.toCollection(HashSet::new));
    }

    List<FeatureDefinition> definitions() {
        return definitions;
    }

    FeatureVector validate(Map<String, Object> rawFeatures) {
        if (rawFeatures == null) {
            throw new InvalidInput("", "is required");
        }
        List<Violation> violations = new ArrayList<>();
        Map<String, Object> accepted = new LinkedHashMap<>();
        for (FeatureDefinition definition : definitions) {
            Object raw = rawFeatures.get(definition.name());
            if (raw == null) {
                // JSON null for an optional feature means the same as leaving it out
                if (definition.required()) {
                    violations.add(violation(definition.name(), "is required"));
                }
                continue;
            }
            String problem = problemWith(definition, raw);
            if (problem == null) {
                accepted.put(definition.name(), canonical(raw));
            } else {
                violations.add(violation(definition.name(), problem));
            }
        }
        rawFeatures.keySet().stream()
                .filter(name -> !names.contains(name))
                .sorted(Comparator.nullsFirst(Comparator.naturalOrder()))
                .forEach(name -> violations.add(violation(String.valueOf(name), "is not a feature of model " + modelVersion)));
        if (!violations.isEmpty()) {
            throw new InvalidInput(violations);
        }
        return new FeatureVector(accepted);
    }

    /** What is wrong with a non-null raw value, or null when it is acceptable. */
    private static String problemWith(FeatureDefinition definition, Object raw) {
        return switch (definition.type()) {
            case NUMBER -> !(raw instanceof Number number) ? "must be a number"
                    : Double.isFinite(number.doubleValue()) ? null : "must be a finite number";
            case BOOLEAN -> raw instanceof Boolean ? null : "must be true or false";
            case CATEGORY -> raw instanceof String text && definition.values().contains(text) ? null
                    : "must be one of " + String.join(", ", definition.values());
        };
    }

    /** Numbers of any JSON-parsed kind (Integer, Long, BigDecimal…) become Doubles. */
    private static Object canonical(Object raw) {
        return raw instanceof Number number ? (Object) number.doubleValue() : raw;
    }

    private static Violation violation(String name, String message) {
        return new Violation(name, message);
    }
}
