package dev.mlledger.application.experiment;

/**
 * Use case: create an experiment, and optionally its first runs, in one transaction: all or nothing. With runs,
 * the experiment starts out running.
 */
public interface CreateExperiment {

    ExperimentWithRuns create(NewExperiment experiment);
}
