package dev.mlledger.domain.experiment;

import dev.mlledger.domain.validation.Conflict;

import java.util.UUID;

/** A deleted experiment takes no new runs and no changes until it is restored. */
public class ExperimentDeleted extends Conflict {

    public ExperimentDeleted(UUID experimentId) {
        super("experiment " + experimentId + " is deleted; restore it first");
    }
}
