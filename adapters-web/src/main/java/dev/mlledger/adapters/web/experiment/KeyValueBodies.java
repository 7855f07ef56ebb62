package dev.mlledger.adapters.web.experiment;

import dev.mlledger.adapters.web.binding.Violations;
import dev.mlledger.domain.experiment.Param;
import dev.mlledger.domain.experiment.Tag;
import dev.mlledger.domain.validation.Checks;
import dev.mlledger.domain.validation.Violation;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.BiFunction;

/** Params and tags as /api/v1 bodies carry them, JSON objects of key to value, made domain values. */
final class KeyValueBodies {

    private KeyValueBodies() {
    }

    /** @param field the body's member ({@code tags}), which violations are named under */
    static List<Tag> tags(Map<String, String> given, String field) {
        return made(given, field, Tag::new);
    }

    static List<Param> params(Map<String, String> given, String field) {
        return made(given, field, Param::new);
    }

    private static <T> List<T> made(Map<String, String> given, String field, BiFunction<String, String, T> make) {
        if (given == null) {
            return List.of();
        }
        List<Violation> violations = new ArrayList<>();
        List<T> made = given.entrySet().stream()
                .map(entry -> Violations.collect(violations, field, () -> make.apply(entry.getKey(), entry.getValue())))
                .filter(Objects::nonNull)
                .toList();
        Checks.throwIfAny(violations);
        return made;
    }
}
