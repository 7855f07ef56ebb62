package dev.mlledger.application.experiment;

import dev.mlledger.domain.experiment.Run;

import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/** A run with, for each of its metric names, the value at the highest step, and its params and tags by key. */
public record RunDetails(Run run, Map<String, Double> latestMetrics, SortedMap<String, String> params,
                         SortedMap<String, String> tags) {

    public RunDetails {
        latestMetrics = Map.copyOf(latestMetrics);
        params = new TreeMap<>(params);
        tags = new TreeMap<>(tags);
    }
}
