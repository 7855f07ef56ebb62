package dev.mlledger.domain.experiment;

import dev.mlledger.domain.validation.Conflict;

import java.util.UUID;

/** A completed or failed experiment takes no new runs. */
public class ExperimentClosed extends Conflict {

    public ExperimentClosed(UUID experimentId, ExperimentStatus status) {
        super("experiment " + experimentId + " is " + status.toString() + " and takes no new runs");
    }
}
