package dev.mlledger.application.experiment;

import dev.mlledger.domain.access.Caller;
import dev.mlledger.domain.experiment.Run;
import dev.mlledger.domain.experiment.RunStatus;

import java.util.UUID;

/**
 * Use case: end a run as completed or failed. Ending it again, or losing a race with another client ending
 * it at the same moment, is {@link dev.mlledger.domain.experiment.RunAlreadyEnded}.
 */
public interface FinishRun {

    /** @throws dev.mlledger.domain.access.AccessDenied unless the caller owns the run's experiment or is an admin */
    Run finish(Caller caller, UUID runId, RunStatus outcome);
}
