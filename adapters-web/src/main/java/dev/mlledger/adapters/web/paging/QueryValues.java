package dev.mlledger.adapters.web.paging;

import dev.mlledger.adapters.web.error.ValueExpectations;
import dev.mlledger.domain.validation.Violation;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.List;

/** Query-string values that need more than Micronaut's conversion, checked with the client's parameter names. */
public final class QueryValues {

    private QueryValues() {
    }


    /** A bound of a query: any ISO-8601 instant, however far off (the store compares it as it can). */
    public static Instant instant(List<Violation> violations, String name, String value) {
        if (value == null) {
            return null;
        }
        try {
            return OffsetDateTime.parse(value).toInstant();
        } catch (DateTimeParseException e) {
            violations.add(new Violation(name, ValueExpectations.DATE_TIME));
            return null;
        }
    }
}
