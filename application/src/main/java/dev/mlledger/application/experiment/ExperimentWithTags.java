package dev.mlledger.application.experiment;

import dev.mlledger.domain.experiment.Experiment;

import java.util.SortedMap;
import java.util.TreeMap;

/** An experiment with its tags by key, without its runs. */
public record ExperimentWithTags(Experiment experiment, SortedMap<String, String> tags) {

    public ExperimentWithTags {
        tags = new TreeMap<>(tags);
    }
}
