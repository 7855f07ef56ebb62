package dev.mlledger.application.experiment;

import dev.mlledger.domain.access.Caller;

import java.util.UUID;

/**
 * Use case: delete an experiment for good, with its tags, its runs and their metrics, params and tags. The Default
 * experiment cannot be purged ({@link dev.mlledger.domain.experiment.InvalidTransition}).
 */
public interface PurgeExperiment {

    /**
     * @throws dev.mlledger.domain.validation.NotFound when there is no such experiment
     * @throws dev.mlledger.domain.access.AccessDenied unless the caller owns the experiment or is an admin
     */
    void purge(Caller caller, UUID id);
}
