package dev.mlledger.application.experiment;

import dev.mlledger.domain.access.Caller;

/**
 * Use case: create an experiment, and optionally its first runs and tags, in one transaction: all or nothing.
 * With runs, the experiment starts out running. Experiment names were never unique, and {@link #create} keeps
 * them so; {@link #createWithUniqueName} refuses a name any experiment (active or deleted) has, as MLflow does.
 */
public interface CreateExperiment {

    /**
     * The experiment belongs to {@code experiment.owner()} when given, else to the caller.
     *
     * @throws dev.mlledger.domain.access.AccessDenied when a caller other than an admin names another owner
     */
    ExperimentWithRuns create(Caller caller, NewExperiment experiment);

    /**
     * Like {@link #create}, unless an experiment has the name already; safe under concurrency (of two creates of
     * one new name at once, exactly one succeeds).
     *
     * @throws dev.mlledger.domain.experiment.ExperimentNameTaken when an experiment has the name
     */
    ExperimentWithRuns createWithUniqueName(Caller caller, NewExperiment experiment);
}
