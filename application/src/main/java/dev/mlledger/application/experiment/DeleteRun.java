package dev.mlledger.application.experiment;

import dev.mlledger.domain.access.Caller;
import dev.mlledger.domain.experiment.Run;

import java.util.UUID;

/**
 * Use case: move a run to the bin (deleted: hidden from searches, takes nothing) or back. Doing either twice is no
 * change. Its metrics, params and tags are kept; they go when its experiment is purged.
 */
public interface DeleteRun {

    /**
     * @throws dev.mlledger.domain.validation.NotFound when there is no such run
     * @throws dev.mlledger.domain.access.AccessDenied unless the caller owns the run or its experiment, or is an admin
     */
    Run delete(Caller caller, UUID runId);

    /** Throws as {@link #delete}. */
    Run restore(Caller caller, UUID runId);
}
