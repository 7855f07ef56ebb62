package dev.mlledger.domain.experiment;

import dev.mlledger.domain.validation.Checks;
import dev.mlledger.domain.validation.Violation;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/**
 * One attempt within an experiment; {@code endedAt} is set exactly when it is no longer running.
 *
 * @param name  a readable name, given or made up at its start ({@link RunNames}); need not be unique
 * @param owner the principal who started it (MLflow's {@code user_id}); it may change the run
 */
public record Run(UUID id, UUID experimentId, String name, String owner, RunStatus status, Lifecycle lifecycle,
                  Instant startedAt, Instant endedAt, Integer seed) {

    public static final int NAME_MAX = 250;
    public static final int OWNER_MAX = 200;

    public Run {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(experimentId, "experimentId");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(lifecycle, "lifecycle");
        Objects.requireNonNull(startedAt, "startedAt");
        if ((status == RunStatus.RUNNING) != (endedAt == null)) {
            throw new IllegalArgumentException("a run has an end time exactly when it is not running");
        }
        List<Violation> violations = new ArrayList<>();
        checkName(violations, "name", name);
        Checks.requiredText(violations, "owner", owner, OWNER_MAX);
        Checks.throwIfAny(violations);
    }

    public static Run started(UUID id, UUID experimentId, String name, String owner, Instant at, Integer seed) {
        return new Run(id, experimentId, name, owner, RunStatus.RUNNING, Lifecycle.ACTIVE, at, null, seed);
    }

    public static void checkName(List<Violation> violations, String field, String name) {
        Checks.requiredText(violations, field, name, NAME_MAX);
    }

    public boolean isDeleted() {
        return lifecycle == Lifecycle.DELETED;
    }

    /** @throws RunDeleted when it is deleted: a deleted run takes nothing until restored */
    public Run requireActive() {
        if (isDeleted()) {
            throw new RunDeleted(id);
        }
        return this;
    }

    /**
     * @throws RunAlreadyEnded   when it has ended already
     * @throws InvalidTransition when {@code outcome} is not an end (running)
     */
    public Run end(RunStatus outcome, Instant at) {
        if (status != RunStatus.RUNNING) {
            throw new RunAlreadyEnded(id, status);
        }
        if (!status.canMoveTo(outcome)) {
            throw new InvalidTransition("run " + id, status.toString(), outcome.toString());
        }
        return new Run(id, experimentId, name, owner, outcome, lifecycle, startedAt, at, seed);
    }

    public Run withName(String newName) {
        return new Run(id, experimentId, newName, owner, status, lifecycle, startedAt, endedAt, seed);
    }

    public Run withLifecycle(Lifecycle next) {
        return new Run(id, experimentId, name, owner, status, next, startedAt, endedAt, seed);
    }
}
