package dev.mlledger.adapters.persistence.experiment;

import io.micronaut.core.annotation.Introspected;

/** A metric's value at its highest step. */
@Introspected
record LatestMetricRow(String name, double value) {
}
