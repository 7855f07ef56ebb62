package dev.mlledger.application.experiment;

import dev.mlledger.domain.experiment.Experiment;
import dev.mlledger.domain.experiment.ExperimentStatus;
import dev.mlledger.domain.validation.Checks;
import dev.mlledger.domain.validation.InvalidInput;
import dev.mlledger.domain.validation.Violation;

import java.util.ArrayList;
import java.util.List;

/**
 * What a PATCH changes: the description when {@code descriptionGiven} (null clears it), the status when not
 * null. At least one of them.
 */
public record ExperimentChanges(boolean descriptionGiven, String description, ExperimentStatus status) {

    public ExperimentChanges {
        if (!descriptionGiven && status == null) {
            throw new InvalidInput("", "must change description, status or both");
        }
        List<Violation> violations = new ArrayList<>();
        if (descriptionGiven) {
            Experiment.checkDescription(violations, description);
        }
        Checks.throwIfAny(violations);
    }
}
