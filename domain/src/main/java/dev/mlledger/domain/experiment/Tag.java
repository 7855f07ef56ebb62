package dev.mlledger.domain.experiment;

import dev.mlledger.domain.validation.Checks;
import dev.mlledger.domain.validation.Violation;

import java.util.ArrayList;
import java.util.List;

/** A label on an experiment or a run ({@code team = vision}): setting its key again replaces the value. */
public record Tag(String key, String value) {

    public static final int KEY_MAX = 250;
    public static final int VALUE_MAX = 8000;

    public Tag {
        List<Violation> violations = new ArrayList<>();
        check(violations, "", key, value);
        Checks.throwIfAny(violations);
    }

    /** Checks a would-be tag, naming fields under {@code prefix} ({@code tags[2].}). */
    public static void check(List<Violation> violations, String prefix, String key, String value) {
        checkKey(violations, prefix + "key", key);
        Checks.requiredValue(violations, prefix + "value", value, VALUE_MAX);
    }

    public static void checkKey(List<Violation> violations, String field, String key) {
        Checks.requiredText(violations, field, key, KEY_MAX);
    }
}
