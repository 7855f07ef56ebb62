package dev.mlledger.application.experiment;

import dev.mlledger.domain.experiment.Experiment;
import dev.mlledger.domain.experiment.Tag;
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
 * @param tags     set on it as it is created; a key given twice takes its last value
 */
public record NewExperiment(String name, String owner, String description, List<Integer> runSeeds, List<Tag> tags) {

    public static final int MAX_RUNS = 1000;
    public static final int MAX_TAGS = TagExperiment.MAX_TAGS;

    public NewExperiment {
        runSeeds = runSeeds == null ? List.of() : Collections.unmodifiableList(new ArrayList<>(runSeeds));
        tags = tags == null ? List.of() : List.copyOf(tags);
        List<Violation> violations = new ArrayList<>();
        Experiment.checkName(violations, "name", name);
        Checks.optionalText(violations, "owner", owner, Experiment.OWNER_MAX);
        Experiment.checkDescription(violations, description);
        if (runSeeds.size() > MAX_RUNS) {
            violations.add(new Violation("runs", "must hold at most " + MAX_RUNS + " runs"));
        }
        if (tags.size() > MAX_TAGS) {
            violations.add(new Violation("tags", "must hold at most " + MAX_TAGS + " tags"));
        }
        Checks.throwIfAny(violations);
    }

    /** Without tags. */
    public NewExperiment(String name, String owner, String description, List<Integer> runSeeds) {
        this(name, owner, description, runSeeds, List.of());
    }
}
