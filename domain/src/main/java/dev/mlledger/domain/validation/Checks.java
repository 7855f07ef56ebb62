package dev.mlledger.domain.validation;

import java.time.Instant;
import java.util.List;

/** Small checks that add a {@link Violation} to a list instead of throwing, so that all problems are reported. */
public final class Checks {

    /** The span of time a stored time may take: what ISO-8601 writes with four-digit years. */
    public static final Instant EARLIEST_TIME = Instant.parse("0001-01-01T00:00:00Z");
    public static final Instant LATEST_TIME = Instant.parse("9999-12-31T23:59:59.999999999Z");

    private Checks() {
    }

    /** A time to be stored (optional): within the years 0001 to 9999. */
    public static boolean storableTime(List<Violation> violations, String field, Instant value) {
        if (value != null && (value.isBefore(EARLIEST_TIME) || value.isAfter(LATEST_TIME))) {
            violations.add(new Violation(field, "must be within the years 0001 to 9999"));
            return false;
        }
        return true;
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

    /** Required text that may be empty (a param's or tag's value), at most {@code max} characters, without NUL. */
    public static boolean requiredValue(List<Violation> violations, String field, String value, int max) {
        if (value == null) {
            violations.add(new Violation(field, "is required"));
            return false;
        }
        if (!withoutNul(violations, field, value)) {
            return false;
        }
        if (characters(value) > max) {
            violations.add(new Violation(field, "must be at most " + max + " characters"));
            return false;
        }
        return true;
    }

    /**
     * Text of any length, but without the NUL character, which no text a client sends may hold (PostgreSQL cannot
     * store it, and no client means it): the one place that rule is checked in the core.
     */
    public static boolean withoutNul(List<Violation> violations, String field, String value) {
        if (containsNul(value)) {
            violations.add(new Violation(field, "must not contain the NUL character"));
            return false;
        }
        return true;
    }

    /** Whether the text (null is none) holds the NUL character. */
    public static boolean containsNul(String text) {
        return text != null && text.indexOf('\u0000') >= 0;
    }

    private static boolean text(List<Violation> violations, String field, String value, int max) {
        if (!withoutNul(violations, field, value)) {
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
