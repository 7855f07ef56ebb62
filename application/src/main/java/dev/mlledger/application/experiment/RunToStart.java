package dev.mlledger.application.experiment;

import dev.mlledger.domain.experiment.Run;
import dev.mlledger.domain.experiment.Tag;
import dev.mlledger.domain.validation.Checks;
import dev.mlledger.domain.validation.Violation;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/**
 * A run to start.
 *
 * @param name      optional; a readable one is made up when absent
 * @param startedAt optional; the time it is started when absent (clients that start runs offline send their own)
 * @param seed      optional
 * @param tags      optional, at most {@value #MAX_TAGS}, set on the run as it starts
 */
public record RunToStart(UUID experimentId, String name, Instant startedAt, Integer seed, List<Tag> tags) {

    public static final int MAX_TAGS = 100;

    public RunToStart {
        Objects.requireNonNull(experimentId, "experimentId");
        tags = tags == null ? List.of() : List.copyOf(tags);
        List<Violation> violations = new ArrayList<>();
        if (name != null) {
            Run.checkName(violations, "name", name);
        }
        Checks.storableTime(violations, "startedAt", startedAt);
        if (tags.size() > MAX_TAGS) {
            violations.add(new Violation("tags", "must hold at most " + MAX_TAGS + " tags"));
        }
        Checks.throwIfAny(violations);
    }

    /** A run with only a seed, named and timed by the service. */
    public static RunToStart seeded(UUID experimentId, Integer seed) {
        return new RunToStart(experimentId, null, null, seed, List.of());
    }
}
