package dev.mlledger.application.experiment;

import dev.mlledger.domain.experiment.Experiment;
import dev.mlledger.domain.experiment.ExperimentStatus;
import dev.mlledger.domain.validation.Checks;
import dev.mlledger.domain.validation.InvalidInput;
import dev.mlledger.domain.validation.Violation;

import java.util.ArrayList;
import java.util.List;

/**
 * What a PATCH changes: the name when not null (a new name must be one no other experiment has), the description
 * when {@code descriptionGiven} (null clears it), the status when not null. At least one of them.
 */
public record ExperimentChanges(String name, boolean descriptionGiven, String description, ExperimentStatus status) {

    public ExperimentChanges {
        if (name == null && !descriptionGiven && status == null) {
            throw new InvalidInput("", "must change name, description or status");
        }
        List<Violation> violations = new ArrayList<>();
        if (name != null) {
            Experiment.checkName(violations, "name", name);
        }
        if (descriptionGiven) {
            Experiment.checkDescription(violations, description);
        }
        Checks.throwIfAny(violations);
    }

    /** Description and/or status only. */
    public ExperimentChanges(boolean descriptionGiven, String description, ExperimentStatus status) {
        this(null, descriptionGiven, description, status);
    }

    public static ExperimentChanges rename(String name) {
        return new ExperimentChanges(name, false, null, null);
    }
}
