package dev.mlledger.application.experiment;

import dev.mlledger.domain.experiment.Experiment;
import dev.mlledger.domain.experiment.Run;

import java.util.List;

public record ExperimentWithRuns(Experiment experiment, List<Run> runs) {

    public ExperimentWithRuns {
        runs = List.copyOf(runs);
    }
}
