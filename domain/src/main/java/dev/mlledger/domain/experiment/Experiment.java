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
 * @param number    a stable whole number the store gives it when it is added ({@link #UNNUMBERED} before), for
 *                  clients that name experiments by number (MLflow's experiment ids); the Default experiment is 0
 * @param lifecycle active, or deleted (hidden, takes no runs, restorable)
 * @param version   incremented on every change, for optimistic concurrency
 */
public record Experiment(UUID id, long number, String name, String owner, String description,
                         ExperimentStatus status, Lifecycle lifecycle, Instant createdAt, long version) {

    public static final int NAME_MAX = 100;
    public static final int OWNER_MAX = 50;
    public static final int DESCRIPTION_MAX = 10_000;

    /** The number of an experiment not yet added to a store. */
    public static final long UNNUMBERED = -1;

    /** The Default experiment: every store has it from the start; any tracker may start runs in it. */
    public static final UUID DEFAULT_ID = UUID.fromString("00000000-0000-4000-8000-000000000000");
    public static final long DEFAULT_NUMBER = 0;
    public static final String DEFAULT_NAME = "Default";
    public static final String DEFAULT_OWNER = "admin";

    public Experiment {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(lifecycle, "lifecycle");
        Objects.requireNonNull(createdAt, "createdAt");
        if (number < UNNUMBERED) {
            throw new IllegalArgumentException("an experiment's number is not negative: " + number);
        }
        List<Violation> violations = new ArrayList<>();
        checkNameAndOwner(violations, name, owner);
        checkDescription(violations, description);
        Checks.throwIfAny(violations);
    }

    /** A new, active experiment, not yet numbered: the store numbers it when it is added. */
    public Experiment(UUID id, String name, String owner, String description, ExperimentStatus status,
                      Instant createdAt, long version) {
        this(id, UNNUMBERED, name, owner, description, status, Lifecycle.ACTIVE, createdAt, version);
    }

    /** The Default experiment as a store creates it. */
    public static Experiment defaultExperiment(Instant createdAt) {
        return new Experiment(DEFAULT_ID, DEFAULT_NUMBER, DEFAULT_NAME, DEFAULT_OWNER, null, ExperimentStatus.CREATED,
                Lifecycle.ACTIVE, createdAt, 0);
    }

    public static void checkNameAndOwner(List<Violation> violations, String name, String owner) {
        checkName(violations, "name", name);
        Checks.requiredText(violations, "owner", owner, OWNER_MAX);
    }

    public static void checkName(List<Violation> violations, String field, String name) {
        Checks.requiredText(violations, field, name, NAME_MAX);
    }

    public static void checkDescription(List<Violation> violations, String description) {
        if (Checks.withoutNul(violations, "description", description)
                && description != null && description.length() > DESCRIPTION_MAX) {
            violations.add(new Violation("description", "must be at most " + DESCRIPTION_MAX + " characters"));
        }
    }

    /** Whether this is the shared Default experiment, which is never closed, deleted or purged. */
    public boolean isDefault() {
        return id.equals(DEFAULT_ID);
    }

    public boolean isDeleted() {
        return lifecycle == Lifecycle.DELETED;
    }

    /** The experiment as the store numbered it. */
    public Experiment numbered(long storedNumber) {
        return new Experiment(id, storedNumber, name, owner, description, status, lifecycle, createdAt, version);
    }

    /** @throws InvalidTransition unless the rules allow {@code next} after the current status */
    public Experiment withStatus(ExperimentStatus next) {
        if (next == status) {
            return this;
        }
        if (!status.canMoveTo(next) || (isDefault() && next.isFinal())) {
            throw new InvalidTransition("experiment " + id, status.toString(), next.toString());
        }
        return new Experiment(id, number, name, owner, description, next, lifecycle, createdAt, version);
    }

    public Experiment withDescription(String newDescription) {
        return new Experiment(id, number, name, owner, newDescription, status, lifecycle, createdAt, version);
    }

    public Experiment withName(String newName) {
        return new Experiment(id, number, newName, owner, description, status, lifecycle, createdAt, version);
    }

    /**
     * Moves it to the bin or back; staying is no change.
     *
     * @throws InvalidTransition when deleting the Default experiment
     */
    public Experiment withLifecycle(Lifecycle next) {
        if (next == lifecycle) {
            return this;
        }
        if (isDefault() && next == Lifecycle.DELETED) {
            throw new InvalidTransition("the Default experiment", lifecycle.toString(), next.toString());
        }
        return new Experiment(id, number, name, owner, description, status, next, createdAt, version);
    }

    /** @throws ExperimentDeleted when it is deleted: a deleted experiment takes no changes until restored */
    public Experiment requireActive() {
        if (isDeleted()) {
            throw new ExperimentDeleted(id);
        }
        return this;
    }

    /** Starting a run moves a created experiment to running; a final or deleted one takes no runs. */
    public Experiment startingARun() {
        requireActive();
        if (status.isFinal()) {
            throw new ExperimentClosed(id, status);
        }
        return status == ExperimentStatus.CREATED ? withStatus(ExperimentStatus.RUNNING) : this;
    }
}
