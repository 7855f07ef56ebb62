package dev.mlledger.domain.experiment;

import dev.mlledger.domain.validation.Conflict;

import java.util.UUID;

/** The run has ended already: it cannot end again, and takes no more metrics. */
public class RunAlreadyEnded extends Conflict {

    public RunAlreadyEnded(UUID runId, RunStatus status) {
        super("run " + runId + " has already ended (" + status.toString() + ")");
    }
}
