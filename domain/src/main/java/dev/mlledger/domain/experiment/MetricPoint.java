package dev.mlledger.domain.experiment;

import dev.mlledger.domain.validation.Checks;
import dev.mlledger.domain.validation.Violation;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * One value of a named metric at a step of a run ({@code loss} at step 3). A run has at most one point per
 * name and step; logging it again replaces it.
 */
public record MetricPoint(String name, long step, double value, Instant timestamp) {

    public static final int NAME_MAX = 250;

    public MetricPoint {
        Objects.requireNonNull(timestamp, "timestamp");
        List<Violation> violations = new ArrayList<>();
        check(violations, "", name, step, value);
        Checks.throwIfAny(violations);
    }

    /** Checks a would-be point, naming fields under {@code prefix} ({@code metrics[2].}). */
    public static void check(List<Violation> violations, String prefix, String name, Long step, Double value) {
        Checks.requiredText(violations, prefix + "name", name, NAME_MAX);
        if (step == null) {
            violations.add(new Violation(prefix + "step", "is required"));
        } else if (step < 0) {
            violations.add(new Violation(prefix + "step", "must not be negative"));
        }
        if (value == null) {
            violations.add(new Violation(prefix + "value", "is required"));
        } else if (!Double.isFinite(value)) {
            violations.add(new Violation(prefix + "value", "must be a finite number"));
        }
    }
}
