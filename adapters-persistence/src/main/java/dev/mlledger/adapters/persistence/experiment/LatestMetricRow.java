package dev.mlledger.adapters.persistence.experiment;

import io.micronaut.core.annotation.Introspected;
import io.micronaut.data.annotation.MappedProperty;

/** A metric's value at its highest step. */
@Introspected
record LatestMetricRow(@MappedProperty("name") String name,
        @MappedProperty("value") double value) {
}
