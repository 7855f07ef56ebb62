package dev.mlledger.application.experiment;

import dev.mlledger.domain.access.Role;
import dev.mlledger.domain.access.Caller;
import dev.mlledger.domain.access.AccessDenied;
import dev.mlledger.application.testing.FakeUnitOfWork;
import dev.mlledger.application.testing.InMemoryExperiments;
import dev.mlledger.application.testing.InMemoryRuns;
import dev.mlledger.domain.experiment.Experiment;
import dev.mlledger.domain.experiment.ExperimentClosed;
import dev.mlledger.domain.experiment.ExperimentStatus;
import dev.mlledger.domain.experiment.Run;
import dev.mlledger.domain.experiment.RunStatus;
import dev.mlledger.domain.validation.NotFound;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

import static dev.mlledger.application.testing.Callers.ADMIN;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class StartRunServiceTest {

    private static final Instant CREATED = Instant.parse("2026-11-21T10:00:00Z");
    private static final Instant NOW = CREATED.plusSeconds(60);

    private final InMemoryRuns runs = new InMemoryRuns();
    private final InMemoryExperiments experiments = new InMemoryExperiments(runs);
    private final FakeUnitOfWork unitOfWork = new FakeUnitOfWork();
    private final StartRun start = new StartRunService(experiments, runs, unitOfWork, Clock.fixed(NOW, ZoneOffset.UTC));

    @Test
    void the_first_run_of_a_created_experiment_starts_now_and_makes_the_experiment_running() {
        Experiment experiment = stored(ExperimentStatus.CREATED);

        Run run = start.start(ADMIN, experiment.id(), 42);

        assertEquals(new Run(run.id(), experiment.id(), RunStatus.RUNNING, NOW, null, 42), run);
        assertEquals(List.of(run), runs.all());
        assertEquals(ExperimentStatus.RUNNING, experiments.find(experiment.id()).orElseThrow().status());
        assertEquals(1, experiments.updates());
        assertEquals(1, unitOfWork.writes());
        assertEquals(List.of(experiment.id()), experiments.lockedForUpdate(), "the experiment is locked first");
    }

    @Test
    void another_run_of_a_running_experiment_leaves_the_experiment_as_it_is() {
        Experiment experiment = stored(ExperimentStatus.RUNNING);

        Run first = start.start(ADMIN, experiment.id(), null);
        Run second = start.start(ADMIN, experiment.id(), null);

        assertEquals(List.of(first, second), runs.ofExperiment(experiment.id()));
        assertEquals(0, experiments.updates());
        assertEquals(experiment, experiments.find(experiment.id()).orElseThrow());
    }

    @ParameterizedTest
    @EnumSource(value = ExperimentStatus.class, names = {"COMPLETED", "FAILED"})
    void a_completed_or_failed_experiment_takes_no_new_run(ExperimentStatus status) {
        Experiment experiment = stored(status);

        assertThrows(ExperimentClosed.class, () -> start.start(ADMIN, experiment.id(), 1));
        assertEquals(List.of(), runs.all());
    }

    @Test
    void a_run_of_an_experiment_that_does_not_exist_is_not_found() {
        assertThrows(NotFound.class, () -> start.start(ADMIN, UUID.randomUUID(), 1));
        assertEquals(List.of(), runs.all());
    }

    private Experiment stored(ExperimentStatus status) {
        Experiment experiment = new Experiment(UUID.randomUUID(), "baseline", "alice", null, status, CREATED, 4);
        experiments.put(experiment);
        return experiment;
    }

    @Test
    void only_the_owner_of_the_experiment_or_an_admin_may_start_a_run() {
        Experiment experiment = stored(ExperimentStatus.CREATED);

        assertThrows(AccessDenied.class, () -> start.start(new Caller("mallory", Role.TRACKER), experiment.id(), 1));
        assertEquals(List.of(), runs.all());
        assertEquals(ExperimentStatus.CREATED, experiments.find(experiment.id()).orElseThrow().status());
        start.start(new Caller(experiment.owner(), Role.TRACKER), experiment.id(), 1);
        assertEquals(1, runs.all().size());
    }
}
