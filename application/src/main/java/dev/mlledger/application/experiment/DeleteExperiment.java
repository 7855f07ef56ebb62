package dev.mlledger.application.experiment;

import dev.mlledger.domain.access.Caller;
import dev.mlledger.domain.experiment.Experiment;

import java.util.UUID;

/**
 * Use case: move an experiment to the bin (deleted: hidden from lists unless asked for, takes no runs and no
 * changes) or back. Doing either twice is no change; the Default experiment cannot be deleted
 * ({@link dev.mlledger.domain.experiment.InvalidTransition}). Its runs keep their own lifecycle. Deleting for good
 * is {@link PurgeExperiment}.
 */
public interface DeleteExperiment {

    /**
     * @throws dev.mlledger.domain.validation.NotFound when there is no such experiment
     * @throws dev.mlledger.domain.access.AccessDenied unless the caller owns the experiment or is an admin
     */
    Experiment delete(Caller caller, UUID id);

    /** Throws as {@link #delete}. */
    Experiment restore(Caller caller, UUID id);
}
