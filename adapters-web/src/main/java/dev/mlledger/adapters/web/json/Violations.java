package dev.mlledger.adapters.web.json;

import dev.mlledger.domain.validation.InvalidInput;
import dev.mlledger.domain.validation.Violation;

import java.util.List;
import java.util.function.Supplier;

/** Gathers the violations of several checks, so that a client hears of all its mistakes at once. */
public final class Violations {

    private Violations() {
    }

    /**
     * Runs a check that may throw {@link InvalidInput}; its violations join {@code violations} (one per field:
     * a field already reported, say as "must be a number", is not reported again as "is required").
     *
     * @return what the check made, or null when it threw
     */
    public static <T> T collect(List<Violation> violations, Supplier<T> check) {
        try {
            return check.get();
        } catch (InvalidInput invalid) {
            invalid.violations().stream()
                    .filter(violation -> violations.stream().noneMatch(v -> v.field().equals(violation.field())))
                    .forEach(violations::add);
            return null;
        }
    }
}
