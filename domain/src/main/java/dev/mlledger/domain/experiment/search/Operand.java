package dev.mlledger.domain.experiment.search;

import java.util.List;
import java.util.Objects;

/** The constant a condition compares a run's field with; its kind follows from the field and the operator. */
public sealed interface Operand {

    /** For metrics: a finite number. */
    record Number(double value) implements Operand {
        public Number {
            if (!Double.isFinite(value)) {
                throw new IllegalArgumentException("a number to compare with must be finite");
            }
        }
    }

    /** For start and end times: milliseconds since the epoch. */
    record EpochMillis(long value) implements Operand {
    }

    /** For {@code =} and {@code !=} on text. */
    record Text(String value) implements Operand {
        public Text {
            Objects.requireNonNull(value, "value");
        }
    }

    /** For {@code LIKE} and {@code ILIKE}. */
    record Pattern(LikePattern pattern) implements Operand {
        public Pattern {
            Objects.requireNonNull(pattern, "pattern");
        }
    }

    /** For {@code IN} and {@code NOT IN}: at least one text. */
    record TextList(List<String> values) implements Operand {
        public TextList {
            values = List.copyOf(values);
            if (values.isEmpty()) {
                throw new IllegalArgumentException("a list to compare with needs at least one value");
            }
        }
    }
}
