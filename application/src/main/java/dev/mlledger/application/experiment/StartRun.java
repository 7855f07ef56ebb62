package dev.mlledger.application.experiment;

import dev.mlledger.domain.experiment.Run;

import java.util.UUID;

/**
 * Use case: start a run of an experiment. A created experiment becomes running; a completed or failed one
 * takes no new runs ({@link dev.mlledger.domain.experiment.ExperimentClosed}).
 */
public interface StartRun {

    Run start(UUID experimentId, Integer seed);
}
