package dev.mlledger.application.experiment;

import dev.mlledger.domain.experiment.ExperimentStatus;
import dev.mlledger.domain.experiment.Experiment;
import dev.mlledger.application.testing.Callers;
import dev.mlledger.domain.access.AccessDenied;
import dev.mlledger.application.testing.FakeUnitOfWork;
import dev.mlledger.application.testing.InMemoryExperiments;
import dev.mlledger.application.testing.InMemoryMetrics;
import dev.mlledger.application.testing.InMemoryRuns;
import dev.mlledger.domain.experiment.MetricPoint;
import dev.mlledger.domain.experiment.Run;
import dev.mlledger.domain.experiment.RunAlreadyEnded;
import dev.mlledger.domain.experiment.RunStatus;
import dev.mlledger.domain.validation.InvalidInput;
import dev.mlledger.domain.validation.NotFound;
import dev.mlledger.domain.validation.TooManyItems;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.UUID;

import static dev.mlledger.application.testing.Callers.ADMIN;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class LogMetricsServiceTest {

    private static final Instant STARTED = Instant.parse("2026-11-21T10:00:00Z");
    private static final Instant NOW = STARTED.plusSeconds(600);

    private final InMemoryRuns runs = new InMemoryRuns();
    private final InMemoryExperiments experiments = new InMemoryExperiments(runs);
    private final InMemoryMetrics metrics = new InMemoryMetrics();
    private final FakeUnitOfWork unitOfWork = new FakeUnitOfWork();
    private final LogMetrics log = new LogMetricsService(runs, experiments, metrics, unitOfWork, Clock.fixed(NOW, ZoneOffset.UTC));
    private final Run running = Run.started(UUID.randomUUID(), UUID.randomUUID(), "run", "alice", STARTED, null);

    @Test
    void one_point_without_a_timestamp_is_logged_at_the_current_time() {
        runs.addAll(List.of(running));

        MetricPoint logged = log.logOne(ADMIN, running.id(), new MetricToLog("loss", 3L, 0.42, null));

        assertEquals(new MetricPoint("loss", 3, 0.42, NOW), logged);
        assertEquals(List.of(logged), metrics.of(running.id()));
        assertEquals(1, unitOfWork.writes());
        assertEquals(List.of(running.id()), runs.lockedForLogging(), "the run is held until the points are in");
    }

    @Test
    void a_point_keeps_the_timestamp_it_was_given() {
        runs.addAll(List.of(running));
        Instant measured = STARTED.plusSeconds(5);

        assertEquals(measured, log.logOne(ADMIN, running.id(), new MetricToLog("loss", 0L, 1.0, measured)).timestamp());
    }

    @Test
    void a_batch_is_logged_in_one_call_and_its_size_is_returned() {
        runs.addAll(List.of(running));

        int logged = log.logBatch(ADMIN, running.id(), List.of(
                new MetricToLog("loss", 0L, 0.9, null), new MetricToLog("loss", 1L, 0.7, null),
                new MetricToLog("accuracy", 1L, 0.6, STARTED)));

        assertEquals(3, logged);
        assertEquals(List.of(3), metrics.batchSizes());
        assertEquals(List.of(new MetricPoint("accuracy", 1, 0.6, STARTED), new MetricPoint("loss", 0, 0.9, NOW),
                new MetricPoint("loss", 1, 0.7, NOW)), metrics.of(running.id()));
    }

    @Test
    void a_batch_holds_one_to_a_thousand_points() {
        runs.addAll(List.of(running));

        assertEquals(1, log.logBatch(ADMIN, running.id(), List.of(new MetricToLog("loss", 0L, 0.9, null))));
        assertEquals(LogMetrics.MAX_BATCH, log.logBatch(ADMIN, running.id(), steps(LogMetrics.MAX_BATCH)));

        assertThrows(InvalidInput.class, () -> log.logBatch(ADMIN, running.id(), List.of()));
        assertThrows(InvalidInput.class, () -> log.logBatch(ADMIN, running.id(), null));
        TooManyItems tooMany = assertThrows(TooManyItems.class,
                () -> log.logBatch(ADMIN, running.id(), steps(LogMetrics.MAX_BATCH + 1)));
        assertEquals(LogMetrics.MAX_BATCH, tooMany.max());
        assertEquals(List.of(1, LogMetrics.MAX_BATCH), metrics.batchSizes());
    }

    @Test
    void a_batch_with_one_bad_point_logs_none_and_reports_every_bad_point() {
        runs.addAll(List.of(running));

        InvalidInput invalid = assertThrows(InvalidInput.class, () -> log.logBatch(ADMIN, running.id(), List.of(
                new MetricToLog("loss", 0L, 0.9, null),
                new MetricToLog("", 1L, 0.9, null),
                new MetricToLog("loss", -1L, 0.9, null),
                new MetricToLog("loss", 2L, Double.NaN, null),
                new MetricToLog("loss", 3L, null, null))));

        assertEquals(4, invalid.violations().size(), invalid.getMessage());
        assertEquals(List.of(), metrics.of(running.id()));
        assertEquals(0, unitOfWork.writes());
    }

    @Test
    void a_point_with_everything_wrong_reports_each_problem() {
        runs.addAll(List.of(running));

        InvalidInput invalid = assertThrows(InvalidInput.class,
                () -> log.logOne(ADMIN, running.id(), new MetricToLog(null, null, null, null)));

        assertEquals(3, invalid.violations().size(), invalid.getMessage());
    }

    @Test
    void step_zero_and_steps_beyond_the_int_range_are_logged_and_a_negative_step_is_invalid() {
        runs.addAll(List.of(running));

        assertEquals(0, log.logOne(ADMIN, running.id(), new MetricToLog("loss", 0L, 0.9, null)).step());
        assertEquals(Long.MAX_VALUE,
                log.logOne(ADMIN, running.id(), new MetricToLog("loss", Long.MAX_VALUE, 0.9, null)).step());
        assertThrows(InvalidInput.class,
                () -> log.logOne(ADMIN, running.id(), new MetricToLog("loss", -1L, 0.9, null)));
    }

    @Test
    void a_batch_may_not_hold_the_same_name_and_step_twice() {
        runs.addAll(List.of(running));

        InvalidInput invalid = assertThrows(InvalidInput.class, () -> log.logBatch(ADMIN, running.id(), List.of(
                new MetricToLog("loss", 1L, 0.9, null),
                new MetricToLog("accuracy", 1L, 0.5, null),
                new MetricToLog("loss", 1L, 0.8, null))));

        assertEquals(1, invalid.violations().size(), invalid.getMessage());
        assertEquals(List.of(), metrics.of(running.id()));
    }

    @Test
    void logging_the_same_name_and_step_again_later_replaces_the_value() {
        runs.addAll(List.of(running));

        log.logOne(ADMIN, running.id(), new MetricToLog("loss", 1L, 0.9, null));
        log.logOne(ADMIN, running.id(), new MetricToLog("loss", 1L, 0.8, null));

        assertEquals(List.of(new MetricPoint("loss", 1, 0.8, NOW)), metrics.of(running.id()));
    }

    @Test
    void a_run_that_ended_takes_no_more_metrics() {
        Run ended = running.end(RunStatus.COMPLETED, NOW);
        runs.addAll(List.of(ended));

        assertThrows(RunAlreadyEnded.class, () -> log.logOne(ADMIN, ended.id(), new MetricToLog("loss", 1L, 0.9, null)));
        assertThrows(RunAlreadyEnded.class, () -> log.logBatch(ADMIN, ended.id(), steps(2)));
        assertEquals(List.of(), metrics.of(ended.id()));
    }

    @Test
    void metrics_for_a_run_that_does_not_exist_are_not_found() {
        assertThrows(NotFound.class, () -> log.logOne(ADMIN, UUID.randomUUID(), new MetricToLog("loss", 1L, 0.9, null)));
        assertEquals(List.of(), metrics.batchSizes());
    }

    private static List<MetricToLog> steps(int count) {
        List<MetricToLog> points = new ArrayList<>(count);
        for (int step = 0; step < count; step++) {
            points.add(new MetricToLog("loss", (long) step, 1.0 / (step + 1), null));
        }
        return Collections.unmodifiableList(points);
    }

    @Test
    void only_the_owner_of_the_run_s_experiment_or_an_admin_may_log_to_the_run() {
        runs.addAll(List.of(running));
        experiments.put(new Experiment(running.experimentId(), "baseline", "alice", null, ExperimentStatus.RUNNING,
                STARTED, 0));

        assertThrows(AccessDenied.class,
                () -> log.logBatch(Callers.MALLORY, running.id(), List.of(new MetricToLog("loss", 0L, 0.9, null))));
        assertEquals(List.of(), metrics.of(running.id()));
        assertEquals(1, log.logBatch(Callers.ALICE, running.id(), List.of(new MetricToLog("loss", 0L, 0.9, null))));
    }
}
