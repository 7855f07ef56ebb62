package dev.mlledger.adapters.web.paging;

import dev.mlledger.domain.validation.Violation;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.List;

/** Query-string values that need more than Micronaut's conversion, checked with the client's parameter names. */
public final class QueryValues {

    private QueryValues() {
    }

    public static final Instant EARLIEST = Instant.parse("0001-01-01T00:00:00Z");
    public static final Instant LATEST = Instant.parse("9999-12-31T23:59:59.999999Z");
    private static final String DATE_TIME = "must be an ISO-8601 date-time with an offset, such as 2026-11-21T10:15:30Z";

    /** A bound of a query: any ISO-8601 instant, however far off (the store compares it as it can). */
    public static Instant instant(List<Violation> violations, String name, String value) {
        if (value == null) {
            return null;
        }
        try {
            return OffsetDateTime.parse(value).toInstant();
        } catch (DateTimeParseException e) {
            violations.add(new Violation(name, DATE_TIME));
            return null;
        }
    }

    /** A time to be stored: an ISO-8601 instant within the years 0001 to 9999, which PostgreSQL can hold. */
    public static Instant storableInstant(List<Violation> violations, String name, String value) {
        Instant instant = instant(violations, name, value);
        if (instant == null) {
            return null;
        }
        if (instant.isBefore(EARLIEST) || instant.isAfter(LATEST)) {
            violations.add(new Violation(name, "must be between 0001-01-01 and 9999-12-31"));
            return null;
        }
        return instant;
    }
}
