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
import dev.mlledger.domain.experiment.Lifecycle;
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

import dev.mlledger.application.testing.InMemoryTags;
import dev.mlledger.domain.experiment.ExperimentDeleted;
import dev.mlledger.domain.experiment.Tag;
import dev.mlledger.domain.validation.InvalidInput;
import java.util.Map;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static dev.mlledger.application.testing.Callers.ADMIN;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class StartRunServiceTest {

    private static final Instant CREATED = Instant.parse("2026-11-21T10:00:00Z");
    private static final Instant NOW = CREATED.plusSeconds(60);

    private final InMemoryRuns runs = new InMemoryRuns();
    private final InMemoryExperiments experiments = new InMemoryExperiments(runs);
    private final InMemoryTags tags = new InMemoryTags();
    private final FakeUnitOfWork unitOfWork = new FakeUnitOfWork();
    private final StartRun start = new StartRunService(experiments, runs, tags, unitOfWork,
            Clock.fixed(NOW, ZoneOffset.UTC));

    @Test
    void the_first_run_of_a_created_experiment_starts_now_and_makes_the_experiment_running() {
        Experiment experiment = stored(ExperimentStatus.CREATED);

        Run run = start.start(ADMIN, RunToStart.seeded(experiment.id(), 42));

        assertEquals(new Run(run.id(), experiment.id(), run.name(), ADMIN.name(), RunStatus.RUNNING, Lifecycle.ACTIVE, NOW, null, 42), run);
        assertEquals(List.of(run), runs.all());
        assertEquals(ExperimentStatus.RUNNING, experiments.find(experiment.id()).orElseThrow().status());
        assertEquals(1, experiments.updates());
        assertEquals(1, unitOfWork.writes());
        assertEquals(List.of(experiment.id()), experiments.lockedForUpdate(), "the experiment is locked first");
    }

    @Test
    void another_run_of_a_running_experiment_leaves_the_experiment_as_it_is() {
        Experiment experiment = stored(ExperimentStatus.RUNNING);

        Run first = start.start(ADMIN, RunToStart.seeded(experiment.id(), null));
        Run second = start.start(ADMIN, RunToStart.seeded(experiment.id(), null));

        assertEquals(List.of(first, second), runs.ofExperiment(experiment.id()));
        assertEquals(0, experiments.updates());
        assertEquals(experiment, experiments.find(experiment.id()).orElseThrow());
    }

    @ParameterizedTest
    @EnumSource(value = ExperimentStatus.class, names = {"COMPLETED", "FAILED"})
    void a_completed_or_failed_experiment_takes_no_new_run(ExperimentStatus status) {
        Experiment experiment = stored(status);

        assertThrows(ExperimentClosed.class, () -> start.start(ADMIN, RunToStart.seeded(experiment.id(), 1)));
        assertEquals(List.of(), runs.all());
    }

    @Test
    void a_run_of_an_experiment_that_does_not_exist_is_not_found() {
        assertThrows(NotFound.class, () -> start.start(ADMIN, RunToStart.seeded(UUID.randomUUID(), 1)));
        assertEquals(List.of(), runs.all());
    }

    @Test
    void a_run_keeps_the_name_start_time_and_tags_it_is_given_and_its_starter_owns_it() {
        Experiment experiment = stored(ExperimentStatus.RUNNING);
        Instant offline = CREATED.minusSeconds(3600);
        Caller alice = new Caller("alice", Role.TRACKER);

        Run run = start.start(alice, new RunToStart(experiment.id(), "bert-base", offline, null,
                List.of(new Tag("team", "a"), new Tag("team", "b"))));

        assertEquals("bert-base", run.name());
        assertEquals(offline, run.startedAt());
        assertEquals("alice", run.owner());
        assertEquals(Map.of("team", "b"), tags.ofRun(run.id()), "a tag given twice takes its last value");
        assertTrue(start.start(alice, RunToStart.seeded(experiment.id(), null)).name().matches("[a-z]+-[a-z]+-\\d+"));
    }

    @Test
    void any_tracker_may_start_a_run_in_the_default_experiment_and_owns_that_run() {
        experiments.put(Experiment.defaultExperiment(CREATED));

        Run run = start.start(new Caller("mallory", Role.TRACKER), RunToStart.seeded(Experiment.DEFAULT_ID, null));

        assertEquals("mallory", run.owner());
        assertEquals(List.of(run), runs.ofExperiment(Experiment.DEFAULT_ID));
    }

    @Test
    void a_deleted_experiment_takes_no_new_run() {
        Experiment experiment = stored(ExperimentStatus.RUNNING).withLifecycle(Lifecycle.DELETED);
        experiments.put(experiment);

        assertThrows(ExperimentDeleted.class, () -> start.start(ADMIN, RunToStart.seeded(experiment.id(), 1)));
        assertEquals(List.of(), runs.all());
    }

    @Test
    void a_run_name_or_start_time_out_of_bounds_is_invalid_input() {
        UUID id = UUID.randomUUID();
        assertThrows(InvalidInput.class, () -> new RunToStart(id, "n".repeat(251), null, null, List.of()));
        assertThrows(InvalidInput.class, () -> new RunToStart(id, "", null, null, List.of()));
        assertThrows(InvalidInput.class, () -> new RunToStart(id, null, Instant.parse("+10000-01-01T00:00:00Z"), null, List.of()));
        assertThrows(InvalidInput.class, () -> new RunToStart(id, null, null, null,
                java.util.Collections.nCopies(101, new Tag("k", "v"))));
    }

    private Experiment stored(ExperimentStatus status) {
        Experiment experiment = new Experiment(UUID.randomUUID(), "baseline", "alice", null, status, CREATED, 4);
        experiments.put(experiment);
        return experiment;
    }

    @Test
    void only_the_owner_of_the_experiment_or_an_admin_may_start_a_run() {
        Experiment experiment = stored(ExperimentStatus.CREATED);

        assertThrows(AccessDenied.class, () -> start.start(new Caller("mallory", Role.TRACKER), RunToStart.seeded(experiment.id(), 1)));
        assertEquals(List.of(), runs.all());
        assertEquals(ExperimentStatus.CREATED, experiments.find(experiment.id()).orElseThrow().status());
        start.start(new Caller(experiment.owner(), Role.TRACKER), RunToStart.seeded(experiment.id(), 1));
        assertEquals(1, runs.all().size());
    }
}
