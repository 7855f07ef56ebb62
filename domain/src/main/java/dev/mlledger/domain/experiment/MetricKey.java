package dev.mlledger.domain.experiment;

import java.util.Objects;

/** A position in a run's metric history, which is ordered by name, then step. */
public record MetricKey(String name, long step) {

    public MetricKey {
        Objects.requireNonNull(name, "name");
    }
}
