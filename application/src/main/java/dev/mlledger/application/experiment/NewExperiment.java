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
 * @param owner    who the experiment belongs to; null for the caller who creates it
 * @param runSeeds one entry (a seed, or null) per run to create with it; empty for none
 */
public record NewExperiment(String name, String owner, String description, List<Integer> runSeeds) {

    public static final int MAX_RUNS = 1000;

    public NewExperiment {
        runSeeds = runSeeds == null ? List.of() : Collections.unmodifiableList(new ArrayList<>(runSeeds));
        List<Violation> violations = new ArrayList<>();
        Checks.requiredText(violations, "name", name, Experiment.NAME_MAX);
        Checks.optionalText(violations, "owner", owner, Experiment.OWNER_MAX);
        Experiment.checkDescription(violations, description);
        if (runSeeds.size() > MAX_RUNS) {
            violations.add(new Violation("runs", "must hold at most " + MAX_RUNS + " runs"));
        }
        Checks.throwIfAny(violations);
    }
}
