package dev.mlledger.application.experiment;

import dev.mlledger.domain.access.Caller;
import dev.mlledger.domain.experiment.Experiment;

import java.util.UUID;

/**
 * Use case: rename an experiment, change its description and/or status (by the transition rules). A new name must
 * be one no experiment has ({@link dev.mlledger.domain.experiment.ExperimentNameTaken}); a deleted experiment takes
 * no changes ({@link dev.mlledger.domain.experiment.ExperimentDeleted}). A change that races another change of the
 * same experiment loses with {@link dev.mlledger.domain.experiment.ConcurrentUpdate}.
 */
public interface UpdateExperiment {

    /** @throws dev.mlledger.domain.access.AccessDenied unless the caller owns the experiment or is an admin */
    Experiment update(Caller caller, UUID id, ExperimentChanges changes);
}
