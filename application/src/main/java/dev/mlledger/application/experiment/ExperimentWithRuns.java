package dev.mlledger.application.experiment;

import dev.mlledger.domain.experiment.Experiment;
import dev.mlledger.domain.experiment.Run;

import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/** An experiment with its runs (active and deleted, in start order) and its tags by key. */
public record ExperimentWithRuns(Experiment experiment, List<Run> runs, SortedMap<String, String> tags) {

    public ExperimentWithRuns {
        runs = List.copyOf(runs);
        tags = new TreeMap<>(tags);
    }

    public ExperimentWithRuns(Experiment experiment, List<Run> runs) {
        this(experiment, runs, new TreeMap<>(Map.of()));
    }
}
