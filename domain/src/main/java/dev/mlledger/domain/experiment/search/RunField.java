package dev.mlledger.domain.experiment.search;

import java.util.Objects;

/**
 * What a condition or an ordering of a run search looks at: a run's latest value of a metric, a param, a tag, or
 * one of its attributes. Keys are the names as the run has them, compared exactly.
 */
public sealed interface RunField {

    /** A metric's latest value (MLflow's "latest metric": the value at the highest step, then the latest time). */
    record Metric(String key) implements RunField {
        public Metric {
            Objects.requireNonNull(key, "key");
        }
    }

    record Param(String key) implements RunField {
        public Param {
            Objects.requireNonNull(key, "key");
        }
    }

    record Tag(String key) implements RunField {
        public Tag {
            Objects.requireNonNull(key, "key");
        }
    }

    record Attribute(RunAttribute attribute) implements RunField {
        public Attribute {
            Objects.requireNonNull(attribute, "attribute");
        }
    }

    /** Whether the field compares with numbers (metrics and times) rather than text. */
    default boolean isNumeric() {
        return this instanceof Metric || this instanceof Attribute(RunAttribute attribute) && attribute.isTime();
    }
}
