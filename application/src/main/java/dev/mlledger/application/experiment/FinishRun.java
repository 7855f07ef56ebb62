package dev.mlledger.application.experiment;

import dev.mlledger.domain.experiment.Run;
import dev.mlledger.domain.experiment.RunStatus;

import java.util.UUID;

/**
 * Use case: end a run as completed or failed. Ending it again, or losing a race with another client ending
 * it at the same moment, is {@link dev.mlledger.domain.experiment.RunAlreadyEnded}.
 */
public interface FinishRun {

    Run finish(UUID runId, RunStatus outcome);
}
