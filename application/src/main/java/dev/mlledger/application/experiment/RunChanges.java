package dev.mlledger.application.experiment;

import dev.mlledger.domain.experiment.Run;
import dev.mlledger.domain.experiment.RunStatus;
import dev.mlledger.domain.validation.Checks;
import dev.mlledger.domain.validation.Violation;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * What an update of a run changes (MLflow's runs/update): its name when given, its status when given (an end:
 * completed, failed or killed), at {@code endedAt} when given.
 */
public record RunChanges(String name, RunStatus status, Instant endedAt) {

    public RunChanges {
        List<Violation> violations = new ArrayList<>();
        if (name == null && status == null) {
            violations.add(new Violation("status", "is required unless a name is given"));
        }
        if (name != null) {
            Run.checkName(violations, "name", name);
        }
        if (endedAt != null && (status == null || status == RunStatus.RUNNING)) {
            violations.add(new Violation("endedAt", "is only given with an end status"));
        }
        Checks.storableTime(violations, "endedAt", endedAt);
        Checks.throwIfAny(violations);
    }

}
