package dev.mlledger.application.experiment;

import dev.mlledger.application.testing.FakeUnitOfWork;
import dev.mlledger.application.testing.InMemoryExperiments;
import dev.mlledger.application.testing.InMemoryMetrics;
import dev.mlledger.application.testing.InMemoryParams;
import dev.mlledger.application.testing.InMemoryRuns;
import dev.mlledger.application.testing.InMemoryTags;
import dev.mlledger.domain.access.AccessDenied;
import dev.mlledger.domain.access.Caller;
import dev.mlledger.domain.access.Role;
import dev.mlledger.domain.experiment.Experiment;
import dev.mlledger.domain.experiment.ExperimentStatus;
import dev.mlledger.domain.experiment.Lifecycle;
import dev.mlledger.domain.experiment.MetricPoint;
import dev.mlledger.domain.experiment.Param;
import dev.mlledger.domain.experiment.ParamAlreadyLogged;
import dev.mlledger.domain.experiment.Run;
import dev.mlledger.domain.experiment.RunAlreadyEnded;
import dev.mlledger.domain.experiment.RunDeleted;
import dev.mlledger.domain.experiment.RunStatus;
import dev.mlledger.domain.experiment.Tag;
import dev.mlledger.domain.validation.InvalidInput;
import dev.mlledger.domain.validation.NotFound;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static dev.mlledger.application.testing.Callers.ADMIN;
import static dev.mlledger.application.testing.Callers.MALLORY;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class LogRunDataServiceTest {

    private static final Instant STARTED = Instant.parse("2026-11-21T10:00:00Z");
    private static final Instant NOW = STARTED.plusSeconds(600);

    private final InMemoryRuns runs = new InMemoryRuns();
    private final InMemoryExperiments experiments = new InMemoryExperiments(runs);
    private final InMemoryMetrics metrics = new InMemoryMetrics();
    private final InMemoryParams params = new InMemoryParams();
    private final InMemoryTags tags = new InMemoryTags();
    private final FakeUnitOfWork unitOfWork = new FakeUnitOfWork();
    private final LogRunData log = new LogRunDataService(runs, experiments, metrics, params, tags, unitOfWork,
            Clock.fixed(NOW, ZoneOffset.UTC));
    private final Experiment experiment = new Experiment(UUID.randomUUID(), "e", "alice", null,
            ExperimentStatus.RUNNING, STARTED, 0);
    private final Run running = Run.started(UUID.randomUUID(), experiment.id(), "run", "bob", STARTED, null);

    @Test
    void a_full_batch_of_metrics_params_and_tags_is_logged_in_one_unit_of_work_and_one_call_per_kind() {
        store(running);
        List<MetricToLog> points = new ArrayList<>();
        for (int step = 0; step < RunData.MAX_METRICS; step++) {
            points.add(new MetricToLog("loss", (long) step, 1.0 / (step + 1), null));
        }
        List<Param> given = new ArrayList<>();
        List<Tag> labels = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            given.add(new Param("p" + i, "v" + i));
            labels.add(new Tag("t" + i, "v" + i));
        }

        log.log(ADMIN, running.id(), new RunData(points, given, labels));

        assertEquals(RunData.MAX_METRICS, metrics.of(running.id()).size());
        assertEquals(new MetricPoint("loss", 0, 1.0, NOW), metrics.of(running.id()).getFirst());
        assertEquals(100, params.ofRun(running.id()).size());
        assertEquals(1, params.calls());
        assertEquals(100, tags.ofRun(running.id()).size());
        assertEquals(1, unitOfWork.writes());
        assertEquals(List.of(running.id()), runs.lockedForLogging());
    }

    @Test
    void a_param_repeated_with_its_value_counts_once_and_with_another_value_is_invalid_input_naming_both() {
        store(running);

        log.log(ADMIN, running.id(), RunData.params(List.of(new Param("lr", "0.1"), new Param("lr", "0.1"))));
        InvalidInput invalid = assertThrows(InvalidInput.class, () -> log.log(ADMIN, running.id(),
                RunData.params(List.of(new Param("a", "1"), new Param("a", "2")))));

        assertEquals("params[1].value", invalid.violations().getFirst().field());
        assertEquals(Map.of("lr", "0.1"), params.ofRun(running.id()));
    }

    @Test
    void a_param_logged_again_with_another_value_is_refused_by_the_store_and_the_same_value_is_no_change() {
        store(running);
        log.log(ADMIN, running.id(), RunData.params(List.of(new Param("lr", "0.1"))));

        assertThrows(ParamAlreadyLogged.class, () -> log.log(ADMIN, running.id(),
                RunData.params(List.of(new Param("lr", "0.2")))));
        log.log(ADMIN, running.id(), RunData.params(List.of(new Param("lr", "0.1"))));

        assertEquals(Map.of("lr", "0.1"), params.ofRun(running.id()));
    }

    @Test
    void a_tag_set_twice_in_one_batch_takes_its_last_value() {
        store(running);

        log.log(ADMIN, running.id(), RunData.tags(List.of(new Tag("k", "first"), new Tag("k", "last"))));

        assertEquals(Map.of("k", "last"), tags.ofRun(running.id()));
    }

    @Test
    void an_ended_run_takes_tags_but_no_metrics_or_params_and_a_deleted_run_takes_nothing() {
        Run ended = running.end(RunStatus.KILLED, NOW);
        store(ended);

        log.log(ADMIN, ended.id(), RunData.tags(List.of(new Tag("note", "killed by the scheduler"))));
        assertThrows(RunAlreadyEnded.class, () -> log.log(ADMIN, ended.id(),
                RunData.params(List.of(new Param("lr", "0.1")))));
        assertThrows(RunAlreadyEnded.class, () -> log.log(ADMIN, ended.id(),
                new RunData(List.of(new MetricToLog("loss", 1L, 0.1, null)), List.of(), List.of())));

        Run deleted = Run.started(UUID.randomUUID(), experiment.id(), "gone", "bob", STARTED, null)
                .withLifecycle(Lifecycle.DELETED);
        store(deleted);
        assertThrows(RunDeleted.class, () -> log.log(ADMIN, deleted.id(), RunData.tags(List.of(new Tag("a", "b")))));
        assertEquals(Map.of(), params.ofRun(ended.id()));
    }

    @Test
    void the_run_owner_the_experiment_owner_and_an_admin_may_log_and_nobody_else() {
        store(running);
        RunData data = RunData.tags(List.of(new Tag("k", "v")));

        assertThrows(AccessDenied.class, () -> log.log(MALLORY, running.id(), data));
        log.log(new Caller("bob", Role.TRACKER), running.id(), data);
        log.log(new Caller("alice", Role.TRACKER), running.id(), data);
        log.log(ADMIN, running.id(), data);
        assertThrows(NotFound.class, () -> log.log(ADMIN, UUID.randomUUID(), data));
    }

    @Test
    void a_batch_is_not_empty_and_not_over_its_limits_and_bad_points_are_named_by_index() {
        assertThrows(InvalidInput.class, () -> new RunData(List.of(), List.of(), List.of()));
        assertThrows(InvalidInput.class, () -> RunData.params(Collections.nCopies(101, new Param("k", "v"))));
        assertThrows(InvalidInput.class, () -> RunData.tags(Collections.nCopies(101, new Tag("k", "v"))));
        assertThrows(InvalidInput.class, () -> new RunData(
                Collections.nCopies(1001, new MetricToLog("m", 1L, 1.0, null)), List.of(), List.of()));
        store(running);

        InvalidInput invalid = assertThrows(InvalidInput.class, () -> log.log(ADMIN, running.id(), new RunData(
                List.of(new MetricToLog("m", 1L, 1.0, null), new MetricToLog("m", -1L, 1.0, null)), List.of(), List.of())));

        assertEquals("metrics[1].step", invalid.violations().getFirst().field());
        assertTrue(metrics.of(running.id()).isEmpty());
    }

    private void store(Run run) {
        experiments.put(experiment);
        runs.addAll(List.of(run));
    }
}
