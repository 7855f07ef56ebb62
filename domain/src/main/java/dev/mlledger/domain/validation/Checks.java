package dev.mlledger.domain.validation;

import java.util.List;

/** Small checks that add a {@link Violation} to a list instead of throwing, so that all problems are reported. */
public final class Checks {

    private Checks() {
    }

    /**
     * Text a client may omit (null) but, when given, must be 1 to {@code max} characters without NUL.
     *
     * @return true when the text is acceptable
     */
    public static boolean optionalText(List<Violation> violations, String field, String value, int max) {
        return value == null || text(violations, field, value, max);
    }

    /** Required text of 1 to {@code max} characters without NUL. */
    public static boolean requiredText(List<Violation> violations, String field, String value, int max) {
        if (value == null) {
            violations.add(new Violation(field, "is required"));
            return false;
        }
        return text(violations, field, value, max);
    }

    private static boolean text(List<Violation> violations, String field, String value, int max) {
        if (value.indexOf('\u0000') >= 0) {
            violations.add(new Violation(field, "must not contain the NUL character"));
            return false;
        }
        if (value.isBlank() || characters(value) > max) {
            violations.add(new Violation(field, "must be 1 to " + max + " characters"));
            return false;
        }
        return true;
    }

    /**
     * How many characters a text has, as PostgreSQL's {@code varchar(n)} counts them: code points, so that an
     * emoji (two UTF-16 units in Java) counts once.
     */
    public static int characters(String text) {
        return text.codePointCount(0, text.length());
    }

    /** Throws the collected violations, if any. */
    public static void throwIfAny(List<Violation> violations) {
        if (!violations.isEmpty()) {
            throw new InvalidInput(violations);
        }
    }
}
