package dev.mlledger.application.experiment;

import dev.mlledger.domain.experiment.Run;

import java.util.Map;

/** A run and, for each of its metric names, the value at the highest step. */
public record RunWithLatestMetrics(Run run, Map<String, Double> latestMetrics) {

    public RunWithLatestMetrics {
        latestMetrics = Map.copyOf(latestMetrics);
    }
}
