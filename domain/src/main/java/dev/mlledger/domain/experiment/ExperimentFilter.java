package dev.mlledger.domain.experiment;

import dev.mlledger.domain.validation.Checks;
import dev.mlledger.domain.validation.Violation;

import java.util.ArrayList;
import java.util.List;

/** Which experiments to list; both criteria optional. */
public record ExperimentFilter(String owner, ExperimentStatus status) {

    public ExperimentFilter {
        List<Violation> violations = new ArrayList<>();
        Checks.optionalText(violations, "owner", owner, Experiment.OWNER_MAX);
        Checks.throwIfAny(violations);
    }
}
