package dev.mlledger.domain.validation;

import java.util.List;
import java.util.stream.Collectors;

/** Input that breaks the rules; carries every violation found, not just the first. */
public class InvalidInput extends RuntimeException {

    private final transient List<Violation> violations;

    public InvalidInput(List<Violation> violations) {
        super(describe(violations));
        if (violations.isEmpty()) {
            throw new IllegalArgumentException("an InvalidInput needs at least one violation");
        }
        this.violations = List.copyOf(violations);
    }

    public InvalidInput(String field, String message) {
        this(List.of(new Violation(field, message)));
    }

    public List<Violation> violations() {
        return violations;
    }

    /** The same violations seen from the owner of {@code name} (see {@link Violation#under}). */
    public InvalidInput under(String name) {
        return new InvalidInput(violations.stream().map(violation -> violation.under(name)).toList());
    }

    private static String describe(List<Violation> violations) {
        return violations.stream().map(v -> v.field() + " " + v.message()).collect(Collectors.joining("; "));
    }
}
