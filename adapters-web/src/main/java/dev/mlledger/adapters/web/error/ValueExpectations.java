package dev.mlledger.adapters.web.error;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.util.Arrays;
import java.util.UUID;
import java.util.stream.Collectors;

/** Says, in a client's words, what a value of a Java type must look like. */
public final class ValueExpectations {

    /** What a time must look like, wherever a client gives one. */
    public static final String DATE_TIME = "must be an ISO-8601 date-time with an offset, such as 2026-11-21T10:15:30Z";

    private ValueExpectations() {
    }

    public static String describe(Class<?> type) {
        if (type == UUID.class) {
            return "must be a UUID";
        }
        if (type == Instant.class || type == OffsetDateTime.class || type == ZonedDateTime.class) {
            return DATE_TIME;
        }
        if (type == int.class || type == Integer.class || type == long.class || type == Long.class
                || type == short.class || type == Short.class) {
            return "must be an integer";
        }
        if (type == double.class || type == Double.class || type == float.class || type == Float.class
                || Number.class.isAssignableFrom(type)) {
            return "must be a number";
        }
        if (type == boolean.class || type == Boolean.class) {
            return "must be true or false";
        }
        if (type.isEnum()) {
            return "must be one of " + Arrays.stream(type.getEnumConstants())
                    .map(Object::toString)
                    .collect(Collectors.joining(", "));
        }
        return "has an invalid value";
    }
}
