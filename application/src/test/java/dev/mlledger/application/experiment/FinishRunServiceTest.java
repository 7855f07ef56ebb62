package dev.mlledger.application.experiment;

import dev.mlledger.domain.experiment.ExperimentStatus;
import dev.mlledger.domain.experiment.Experiment;
import dev.mlledger.application.testing.Callers;
import dev.mlledger.domain.access.AccessDenied;
import dev.mlledger.application.testing.FakeUnitOfWork;
import dev.mlledger.application.testing.InMemoryExperiments;
import dev.mlledger.application.testing.InMemoryRuns;
import dev.mlledger.domain.experiment.InvalidTransition;
import dev.mlledger.domain.experiment.Lifecycle;
import dev.mlledger.domain.experiment.Run;
import dev.mlledger.domain.experiment.RunAlreadyEnded;
import dev.mlledger.domain.experiment.RunStatus;
import dev.mlledger.domain.validation.NotFound;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

import static dev.mlledger.application.testing.Callers.ADMIN;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class FinishRunServiceTest {

    private static final Instant STARTED = Instant.parse("2026-11-21T10:00:00Z");
    private static final Instant NOW = STARTED.plusSeconds(3600);

    private final InMemoryRuns runs = new InMemoryRuns();
    private final InMemoryExperiments experiments = new InMemoryExperiments(runs);
    private final FakeUnitOfWork unitOfWork = new FakeUnitOfWork();
    private final FinishRun finish = new FinishRunService(runs, experiments, unitOfWork, Clock.fixed(NOW, ZoneOffset.UTC));
    private final Run running = Run.started(UUID.randomUUID(), UUID.randomUUID(), "run", "alice", STARTED, 7);

    @Test
    void a_running_run_ends_now_with_the_outcome_given_and_is_stored_so() {
        runs.addAll(List.of(running));

        Run ended = finish.finish(ADMIN, running.id(), RunStatus.COMPLETED);

        assertEquals(new Run(running.id(), running.experimentId(), "run", "alice", RunStatus.COMPLETED, Lifecycle.ACTIVE, STARTED, NOW, 7), ended);
        assertEquals(List.of(ended), runs.all());
        assertEquals(1, unitOfWork.writes());
    }

    @Test
    void a_run_that_ended_already_cannot_end_again() {
        runs.addAll(List.of(running));
        finish.finish(ADMIN, running.id(), RunStatus.FAILED);

        assertThrows(RunAlreadyEnded.class, () -> finish.finish(ADMIN, running.id(), RunStatus.COMPLETED));
        assertEquals(RunStatus.FAILED, runs.find(running.id()).orElseThrow().status());
    }

    @Test
    void losing_the_race_to_another_client_ending_the_same_run_is_run_already_ended_and_keeps_their_end() {
        runs.addAll(List.of(running));
        Run endedByAnother = running.end(RunStatus.FAILED, NOW.minusSeconds(1));
        runs.letAnotherClientEndFirst(endedByAnother);

        assertThrows(RunAlreadyEnded.class, () -> finish.finish(ADMIN, running.id(), RunStatus.COMPLETED));
        assertEquals(List.of(endedByAnother), runs.all());
    }

    @Test
    void running_is_not_an_outcome() {
        runs.addAll(List.of(running));

        assertThrows(InvalidTransition.class, () -> finish.finish(ADMIN, running.id(), RunStatus.RUNNING));
        assertEquals(List.of(running), runs.all());
    }

    @Test
    void a_run_that_does_not_exist_is_not_found() {
        assertThrows(NotFound.class, () -> finish.finish(ADMIN, UUID.randomUUID(), RunStatus.COMPLETED));
    }

    @Test
    void only_the_owner_of_the_run_s_experiment_or_an_admin_may_end_the_run() {
        runs.addAll(List.of(running));
        experiments.put(new Experiment(running.experimentId(), "baseline", "alice", null, ExperimentStatus.RUNNING,
                STARTED, 0));

        assertThrows(AccessDenied.class, () -> finish.finish(Callers.MALLORY, running.id(), RunStatus.COMPLETED));
        assertEquals(List.of(running), runs.all());
        assertEquals(RunStatus.COMPLETED, finish.finish(Callers.ALICE, running.id(), RunStatus.COMPLETED).status());
    }
}
