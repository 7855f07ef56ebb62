package dev.mlledger.domain.experiment;

import dev.mlledger.domain.validation.Checks;
import dev.mlledger.domain.validation.Violation;

import java.util.ArrayList;
import java.util.List;

/**
 * Which experiments to list; every criterion optional.
 *
 * @param lifecycle only active or only deleted ones; null for both
 */
public record ExperimentFilter(String owner, ExperimentStatus status, Lifecycle lifecycle) {

    public ExperimentFilter {
        List<Violation> violations = new ArrayList<>();
        Checks.optionalText(violations, "owner", owner, Experiment.OWNER_MAX);
        Checks.throwIfAny(violations);
    }

    /** Whether the filter selects the experiment, by its own definition. */
    public boolean selects(Experiment experiment) {
        return (owner == null || owner.equals(experiment.owner()))
                && (status == null || status == experiment.status())
                && (lifecycle == null || lifecycle == experiment.lifecycle());
    }
}
