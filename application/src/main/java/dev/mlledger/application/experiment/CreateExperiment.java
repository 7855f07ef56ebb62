package dev.mlledger.application.experiment;

import dev.mlledger.domain.access.Caller;

/**
 * Use case: create an experiment, and optionally its first runs, in one transaction: all or nothing. With runs,
 * the experiment starts out running.
 */
public interface CreateExperiment {

    /**
     * The experiment belongs to {@code experiment.owner()} when given, else to the caller.
     *
     * @throws dev.mlledger.domain.access.AccessDenied when a caller other than an admin names another owner
     */
    ExperimentWithRuns create(Caller caller, NewExperiment experiment);
}
