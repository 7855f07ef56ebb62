package dev.mlledger.application.experiment;

import dev.mlledger.domain.access.Caller;
import dev.mlledger.domain.experiment.Run;

/**
 * Use case: start a run of an experiment. A created experiment becomes running; a completed or failed one
 * takes no new runs ({@link dev.mlledger.domain.experiment.ExperimentClosed}), nor does a deleted one
 * ({@link dev.mlledger.domain.experiment.ExperimentDeleted}). The caller becomes the run's owner.
 */
public interface StartRun {

    /**
     * @throws dev.mlledger.domain.access.AccessDenied unless the caller owns the experiment, or is an admin, or the
     *                                                  experiment is the shared Default one
     */
    Run start(Caller caller, RunToStart run);
}
