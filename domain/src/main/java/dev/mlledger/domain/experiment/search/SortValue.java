package dev.mlledger.domain.experiment.search;

import dev.mlledger.domain.paging.Orders;

import java.time.Instant;
import java.util.Objects;

/** A run's value of one ordering key, as a page position remembers it. */
public sealed interface SortValue {

    /** The run has no such metric, param or tag, or no end time. */
    record Missing() implements SortValue {
    }

    /** A metric's latest value; NaN included. */
    record Number(double value) implements SortValue {
    }

    /** A param, a tag or a text attribute (a run id as 32 hex digits, a status as MLflow spells it). */
    record Text(String value) implements SortValue {
        public Text {
            Objects.requireNonNull(value, "value");
        }
    }

    /** A start or end time, exactly as stored. */
    record Time(Instant value) implements SortValue {
        public Time {
            Objects.requireNonNull(value, "value");
        }
    }

    SortValue MISSING = new Missing();

    /**
     * How two present values of one field sort ascending, as PostgreSQL sorts them: numbers as {@code float8}
     * ({@code -0.0 = 0.0}), text by code point (the {@code "C"} collation, whatever the database's), times in
     * time order.
     */
    static int compare(SortValue a, SortValue b) {
        return switch (a) {
            case Number(double x) when b instanceof Number(double y) -> Double.compare(x + 0.0, y + 0.0);
            case Text(String x) when b instanceof Text(String y) -> Orders.TEXT.compare(x, y);
            case Time(Instant x) when b instanceof Time(Instant y) -> x.compareTo(y);
            default -> throw new IllegalArgumentException(a + " and " + b + " are not values of one field");
        };
    }

    /** Whether a value of this kind can be a run's value of {@code field}. */
    default boolean fits(RunField field) {
        return switch (this) {
            case Missing ignored -> true;
            case Number ignored -> field instanceof RunField.Metric;
            case Time ignored -> field.isNumeric() && !(field instanceof RunField.Metric);
            case Text ignored -> !field.isNumeric();
        };
    }
}
