package dev.mlledger.domain.experiment.search;

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
