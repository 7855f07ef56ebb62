package dev.mlledger.domain.experiment;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/** One attempt within an experiment; {@code endedAt} is set exactly when it is no longer running. */
public record Run(UUID id, UUID experimentId, RunStatus status, Instant startedAt, Instant endedAt, Integer seed) {

    public Run {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(experimentId, "experimentId");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(startedAt, "startedAt");
        if ((status == RunStatus.RUNNING) != (endedAt == null)) {
            throw new IllegalArgumentException("a run has an end time exactly when it is not running");
        }
    }

    public static Run started(UUID id, UUID experimentId, Instant at, Integer seed) {
        return new Run(id, experimentId, RunStatus.RUNNING, at, null, seed);
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
        return new Run(id, experimentId, outcome, startedAt, at, seed);
    }
}
