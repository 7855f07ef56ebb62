package dev.mlledger.application.experiment;

import dev.mlledger.application.testing.FakeUnitOfWork;
import dev.mlledger.application.testing.InMemoryExperiments;
import dev.mlledger.application.testing.InMemoryRuns;
import dev.mlledger.domain.access.AccessDenied;
import dev.mlledger.domain.experiment.Experiment;
import dev.mlledger.domain.experiment.ExperimentStatus;
import dev.mlledger.domain.experiment.InvalidTransition;
import dev.mlledger.domain.experiment.Lifecycle;
import dev.mlledger.domain.experiment.Run;
import dev.mlledger.domain.experiment.RunAlreadyEnded;
import dev.mlledger.domain.experiment.RunDeleted;
import dev.mlledger.domain.experiment.RunStatus;
import dev.mlledger.domain.validation.InvalidInput;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

import static dev.mlledger.application.testing.Callers.ADMIN;
import static dev.mlledger.application.testing.Callers.MALLORY;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class UpdateRunServiceTest {

    private static final Instant STARTED = Instant.parse("2026-11-21T10:00:00Z");
    private static final Instant NOW = STARTED.plusSeconds(600);

    private final InMemoryRuns runs = new InMemoryRuns();
    private final InMemoryExperiments experiments = new InMemoryExperiments(runs);
    private final FakeUnitOfWork unitOfWork = new FakeUnitOfWork();
    private final UpdateRun update = new UpdateRunService(runs, experiments, unitOfWork, Clock.fixed(NOW, ZoneOffset.UTC));
    private final Experiment experiment = new Experiment(UUID.randomUUID(), "e", "alice", null,
            ExperimentStatus.RUNNING, STARTED, 0);
    private final Run running = Run.started(UUID.randomUUID(), experiment.id(), "first", "bob", STARTED, null);

    @Test
    void a_run_is_renamed_and_killed_at_the_end_time_the_client_gives_in_one_unit_of_work() {
        store(running);
        Instant clientEnd = STARTED.plusSeconds(30);

        Run updated = update.update(ADMIN, running.id(), new RunChanges("second", RunStatus.KILLED, clientEnd));

        assertEquals(running.withName("second").end(RunStatus.KILLED, clientEnd), updated);
        assertEquals(updated, runs.find(running.id()).orElseThrow());
        assertEquals(1, unitOfWork.writes());
    }

    @Test
    void an_end_without_a_time_ends_now_and_ending_again_with_the_same_outcome_is_no_change() {
        store(running);

        Run ended = update.update(ADMIN, running.id(), new RunChanges(null, RunStatus.COMPLETED, null));
        Run again = update.update(ADMIN, running.id(), new RunChanges(null, RunStatus.COMPLETED, NOW.plusSeconds(9)));

        assertEquals(NOW, ended.endedAt());
        assertEquals(ended, again);
        assertThrows(RunAlreadyEnded.class,
                () -> update.update(ADMIN, running.id(), new RunChanges(null, RunStatus.FAILED, null)));
    }

    @Test
    void a_race_lost_to_an_end_with_the_same_outcome_answers_the_stored_run() {
        store(running);
        Run endedByOther = running.end(RunStatus.FAILED, NOW.minusSeconds(1));
        runs.letAnotherClientEndFirst(endedByOther);

        assertEquals(endedByOther, update.update(ADMIN, running.id(), new RunChanges(null, RunStatus.FAILED, null)));
    }

    @Test
    void a_deleted_run_takes_no_changes_and_a_stranger_may_not_change_a_run() {
        Run deleted = running.withLifecycle(Lifecycle.DELETED);
        store(deleted);

        assertThrows(RunDeleted.class, () -> update.update(ADMIN, deleted.id(), new RunChanges("x", null, null)));
        assertThrows(AccessDenied.class, () -> update.update(MALLORY, deleted.id(), new RunChanges("x", null, null)));
    }

    @Test
    void changes_name_something_and_an_end_time_comes_with_an_end() {
        assertThrows(InvalidInput.class, () -> new RunChanges(null, null, null));
        assertThrows(InvalidInput.class, () -> new RunChanges("x", null, NOW));
        assertThrows(InvalidInput.class, () -> new RunChanges(null, RunStatus.RUNNING, NOW));
        store(running);
        assertThrows(InvalidTransition.class,
                () -> update.update(ADMIN, running.id(), new RunChanges(null, RunStatus.RUNNING, null)));
        assertThrows(InvalidInput.class, () -> new RunChanges("n".repeat(Run.NAME_MAX + 1), null, null));
    }

    private void store(Run run) {
        experiments.put(experiment);
        runs.addAll(List.of(run));
    }
}
