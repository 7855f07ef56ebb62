package dev.mlledger.adapters.web.binding;

import dev.mlledger.domain.validation.InvalidInput;
import dev.mlledger.domain.validation.TooManyItems;
import dev.mlledger.domain.validation.Violation;

import java.util.List;
import java.util.function.Supplier;

/**
 * Names the domain's violations from where the web adapter stands: a value or list the domain sees as a whole
 * ({@code ""}, {@code [3].features.age}) is a member of a request ({@code limit}, {@code items[3].features.age}).
 * Names are Java names of the request record or of the controller's parameters; {@link JsonPaths} spells them.
 */
public final class Violations {

    private Violations() {
    }

    /** Runs {@code check}; what it finds wrong is reported under {@code name}. */
    public static <T> T under(String name, Supplier<T> check) {
        try {
            return check.get();
        } catch (InvalidInput invalid) {
            throw invalid.under(name);
        } catch (TooManyItems tooMany) {
            throw tooMany.under(name);
        }
    }

    /**
     * Runs {@code check}; what it finds wrong joins {@code violations} under {@code name} ({@code ""}: as it is),
     * so that a client hears of all its mistakes at once.
     *
     * @return what the check made, or null when it threw
     */
    public static <T> T collect(List<Violation> violations, String name, Supplier<T> check) {
        try {
            return check.get();
        } catch (InvalidInput invalid) {
            violations.addAll((name.isEmpty() ? invalid : invalid.under(name)).violations());
            return null;
        }
    }
}
