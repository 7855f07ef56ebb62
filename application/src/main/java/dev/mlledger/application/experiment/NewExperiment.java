package dev.mlledger.application.experiment;

import dev.mlledger.domain.experiment.Experiment;
import dev.mlledger.domain.validation.Checks;
import dev.mlledger.domain.validation.Violation;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * An experiment to create.
 *
 * @param runSeeds one entry (a seed, or null) per run to create with it; empty for none
 */
public record NewExperiment(String name, String owner, String description, List<Integer> runSeeds) {

    public static final int MAX_RUNS = 1000;

    public NewExperiment {
        runSeeds = runSeeds == null ? List.of() : Collections.unmodifiableList(new ArrayList<>(runSeeds));
        List<Violation> violations = new ArrayList<>();
        Experiment.checkNameAndOwner(violations, name, owner);
        Experiment.checkDescription(violations, description);
        if (runSeeds.size() > MAX_RUNS) {
            violations.add(new Violation("runs", "must hold at most " + MAX_RUNS + " runs"));
        }
        Checks.throwIfAny(violations);
    }
}
