package dev.mlledger.application.experiment;

import dev.mlledger.domain.access.Caller;
import dev.mlledger.domain.experiment.Run;

import java.util.UUID;

/**
 * Use case: start a run of an experiment. A created experiment becomes running; a completed or failed one
 * takes no new runs ({@link dev.mlledger.domain.experiment.ExperimentClosed}).
 */
public interface StartRun {

    /** @throws dev.mlledger.domain.access.AccessDenied unless the caller owns the experiment or is an admin */
    Run start(Caller caller, UUID experimentId, Integer seed);
}
