package dev.mlledger.application.experiment;

import dev.mlledger.domain.access.Caller;
import dev.mlledger.domain.experiment.Experiments;
import dev.mlledger.domain.experiment.Run;
import dev.mlledger.domain.experiment.RunAlreadyEnded;
import dev.mlledger.domain.experiment.RunStatus;
import dev.mlledger.domain.experiment.Runs;
import dev.mlledger.domain.validation.NotFound;

import java.util.UUID;

/** A run read to log to, locked against ending, checked to be active and the caller's to change. */
record RunForLogging(Run run) {

    /**
     * Call it first in the writing unit of work that logs.
     *
     * @throws NotFound                                         when there is no such run
     * @throws dev.mlledger.domain.experiment.RunDeleted        when the run is deleted
     * @throws dev.mlledger.domain.access.AccessDenied unless the caller may change the run
     */
    static RunForLogging find(Caller caller, UUID runId, Runs runs, Experiments experiments) {
        Run run = runs.findForLogging(runId).orElseThrow(() -> new NotFound("run " + runId));
        Ownership.checkRun(caller, run, experiments);
        return new RunForLogging(run.requireActive());
    }

    /** @throws RunAlreadyEnded when the run has ended: it takes no more metrics or params */
    RunForLogging requireRunning() {
        if (run.status() != RunStatus.RUNNING) {
            throw new RunAlreadyEnded(run.id(), run.status());
        }
        return this;
    }
}
