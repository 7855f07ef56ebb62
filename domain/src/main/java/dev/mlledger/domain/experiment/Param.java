package dev.mlledger.domain.experiment;

import dev.mlledger.domain.validation.Checks;
import dev.mlledger.domain.validation.Violation;

import java.util.ArrayList;
import java.util.List;

/** A run's input setting ({@code lr = 0.01}): written once per key, as text. */
public record Param(String key, String value) {

    public static final int KEY_MAX = 250;
    public static final int VALUE_MAX = 6000;

    public Param {
        List<Violation> violations = new ArrayList<>();
        check(violations, "", key, value);
        Checks.throwIfAny(violations);
    }

    /** Checks a would-be param, naming fields under {@code prefix} ({@code params[2].}). */
    public static void check(List<Violation> violations, String prefix, String key, String value) {
        Checks.requiredText(violations, prefix + "key", key, KEY_MAX);
        Checks.requiredValue(violations, prefix + "value", value, VALUE_MAX);
    }
}
