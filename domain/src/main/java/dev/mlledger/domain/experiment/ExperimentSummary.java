package dev.mlledger.domain.experiment;

/** An experiment in a list, with how many runs it has. */
public record ExperimentSummary(Experiment experiment, long runCount) {
}
