package dev.mlledger.domain.experiment;

import dev.mlledger.domain.validation.Checks;
import dev.mlledger.domain.validation.Violation;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/**
 * An ML experiment: a named question some owner asks, answered by runs.
 *
 * @param version incremented on every change, for optimistic concurrency
 */
public record Experiment(UUID id, String name, String owner, String description, ExperimentStatus status,
                         Instant createdAt, long version) {

    public static final int NAME_MAX = 100;
    public static final int OWNER_MAX = 50;
    public static final int DESCRIPTION_MAX = 10_000;

    public Experiment {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(createdAt, "createdAt");
        List<Violation> violations = new ArrayList<>();
        checkNameAndOwner(violations, name, owner);
        checkDescription(violations, description);
        Checks.throwIfAny(violations);
    }

    public static void checkNameAndOwner(List<Violation> violations, String name, String owner) {
        Checks.requiredText(violations, "name", name, NAME_MAX);
        Checks.requiredText(violations, "owner", owner, OWNER_MAX);
    }

    public static void checkDescription(List<Violation> violations, String description) {
        if (Checks.withoutNul(violations, "description", description)
                && description != null && description.length() > DESCRIPTION_MAX) {
            violations.add(new Violation("description", "must be at most " + DESCRIPTION_MAX + " characters"));
        }
    }

    /** @throws InvalidTransition unless the rules allow {@code next} after the current status */
    public Experiment withStatus(ExperimentStatus next) {
        if (next == status) {
            return this;
        }
        if (!status.canMoveTo(next)) {
            throw new InvalidTransition("experiment " + id, status.toString(), next.toString());
        }
        return new Experiment(id, name, owner, description, next, createdAt, version);
    }

    public Experiment withDescription(String newDescription) {
        return new Experiment(id, name, owner, newDescription, status, createdAt, version);
    }

    /** Starting a run moves a created experiment to running; a final one takes no runs. */
    public Experiment startingARun() {
        if (status.isFinal()) {
            throw new ExperimentClosed(id, status);
        }
        return status == ExperimentStatus.CREATED ? withStatus(ExperimentStatus.RUNNING) : this;
    }
}
