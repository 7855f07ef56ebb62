package dev.mlledger.application.experiment;

import dev.mlledger.domain.access.Caller;

import java.util.UUID;

/** Use case: delete a tag of a run (tags are set with {@link LogRunData}). */
public interface UntagRun {

    /**
     * @return false when the run had no tag with that key
     * @throws dev.mlledger.domain.validation.NotFound  when there is no such run
     * @throws dev.mlledger.domain.experiment.RunDeleted when the run is deleted
     * @throws dev.mlledger.domain.access.AccessDenied  unless the caller owns the run or its experiment, or is an admin
     */
    boolean untag(Caller caller, UUID runId, String key);
}
