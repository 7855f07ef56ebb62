package dev.mlledger.application.experiment;

import dev.mlledger.domain.access.Caller;
import dev.mlledger.domain.experiment.Run;

import java.util.UUID;

/**
 * Use case: rename a run and/or end it (MLflow's runs/update), in one unit of work. Ending it again with the
 * outcome it ended with is no change (clients that retry a successful end get the run back); with another outcome
 * it is {@link dev.mlledger.domain.experiment.RunAlreadyEnded}; running is no end
 * ({@link dev.mlledger.domain.experiment.InvalidTransition}).
 */
public interface UpdateRun {

    /**
     * @throws dev.mlledger.domain.validation.NotFound   when there is no such run
     * @throws dev.mlledger.domain.experiment.RunDeleted when the run is deleted
     * @throws dev.mlledger.domain.access.AccessDenied   unless the caller owns the run or its experiment, or is an
     *                                                    admin
     */
    Run update(Caller caller, UUID runId, RunChanges changes);
}
