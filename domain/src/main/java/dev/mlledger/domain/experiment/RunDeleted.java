package dev.mlledger.domain.experiment;

import dev.mlledger.domain.validation.Conflict;

import java.util.UUID;

/** A deleted run takes no metrics, params, tags or changes until it is restored. */
public class RunDeleted extends Conflict {

    public RunDeleted(UUID runId) {
        super("run " + runId + " is deleted; restore it first");
    }
}
