package dev.mlledger.domain.experiment;

import dev.mlledger.domain.validation.InvalidInput;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.time.Instant;
import java.util.EnumSet;
import java.util.Set;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** Every allowed and every forbidden status transition of experiments and runs. */
class StatusRulesTest {

    private static final Instant T0 = Instant.parse("2026-11-21T10:00:00Z");

    @ParameterizedTest
    @EnumSource(ExperimentStatus.class)
    void an_experiment_moves_only_along_created_running_then_completed_or_failed(ExperimentStatus from) {
        Set<ExperimentStatus> allowed = switch (from) {
            case CREATED -> EnumSet.of(ExperimentStatus.RUNNING);
            case RUNNING -> EnumSet.of(ExperimentStatus.COMPLETED, ExperimentStatus.FAILED);
            case COMPLETED, FAILED -> EnumSet.noneOf(ExperimentStatus.class);
        };
        for (ExperimentStatus to : ExperimentStatus.values()) {
            Experiment experiment = experiment(from);
            if (to == from) {
                assertSame(experiment, experiment.withStatus(to), "staying is not a transition");
            } else if (allowed.contains(to)) {
                assertEquals(to, experiment.withStatus(to).status());
            } else {
                assertThrows(InvalidTransition.class, () -> experiment.withStatus(to), from + " → " + to);
            }
        }
    }

    @Test
    void starting_a_run_moves_a_created_experiment_to_running_and_leaves_a_running_one_as_it_is() {
        assertEquals(ExperimentStatus.RUNNING, experiment(ExperimentStatus.CREATED).startingARun().status());
        Experiment running = experiment(ExperimentStatus.RUNNING);
        assertSame(running, running.startingARun());
    }

    @ParameterizedTest
    @EnumSource(value = ExperimentStatus.class, names = {"COMPLETED", "FAILED"})
    void a_completed_or_failed_experiment_takes_no_new_runs(ExperimentStatus status) {
        assertThrows(ExperimentClosed.class, () -> experiment(status).startingARun());
    }

    @ParameterizedTest
    @EnumSource(value = RunStatus.class, names = {"COMPLETED", "FAILED"})
    void a_running_run_ends_completed_or_failed_with_its_end_time(RunStatus outcome) {
        Run ended = running().end(outcome, T0.plusSeconds(60));

        assertEquals(outcome, ended.status());
        assertEquals(T0.plusSeconds(60), ended.endedAt());
    }

    @Test
    void a_running_run_cannot_end_as_running() {
        assertThrows(InvalidTransition.class, () -> running().end(RunStatus.RUNNING, T0));
    }

    @ParameterizedTest
    @EnumSource(value = RunStatus.class, names = {"COMPLETED", "FAILED"})
    void an_ended_run_cannot_end_again_whatever_the_outcome(RunStatus firstOutcome) {
        Run ended = running().end(firstOutcome, T0);
        for (RunStatus again : RunStatus.values()) {
            assertThrows(RunAlreadyEnded.class, () -> ended.end(again, T0.plusSeconds(1)));
        }
    }

    @Test
    void a_run_has_an_end_time_exactly_when_it_is_not_running() {
        assertNull(running().endedAt());
        assertNotNull(running().end(RunStatus.FAILED, T0).endedAt());
        assertThrows(IllegalArgumentException.class,
                () -> new Run(UUID.randomUUID(), UUID.randomUUID(), RunStatus.COMPLETED, T0, null, null));
        assertThrows(IllegalArgumentException.class,
                () -> new Run(UUID.randomUUID(), UUID.randomUUID(), RunStatus.RUNNING, T0, T0, null));
    }

    @Test
    void a_metric_point_needs_a_name_of_1_to_50_characters_a_step_in_int_range_and_a_finite_value() {
        assertThrows(InvalidInput.class, () -> new MetricPoint("", 1, 0.5, T0));
        assertThrows(InvalidInput.class, () -> new MetricPoint("x".repeat(51), 1, 0.5, T0));
        assertThrows(InvalidInput.class, () -> new MetricPoint("loss", -1, 0.5, T0));
        assertThrows(InvalidInput.class, () -> new MetricPoint("loss", 1, Double.NaN, T0));
        assertThrows(InvalidInput.class, () -> new MetricPoint("loss", 1, Double.POSITIVE_INFINITY, T0));
        assertEquals(Integer.MAX_VALUE, new MetricPoint("x".repeat(50), Integer.MAX_VALUE, -1e300, T0).step());
    }

    private static Experiment experiment(ExperimentStatus status) {
        return new Experiment(UUID.randomUUID(), "baseline", "alice", null, status, T0, 0);
    }

    private static Run running() {
        return Run.started(UUID.randomUUID(), UUID.randomUUID(), T0, 42);
    }
}
