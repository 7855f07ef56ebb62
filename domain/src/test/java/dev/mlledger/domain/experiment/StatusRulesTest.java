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
import static org.junit.jupiter.api.Assertions.assertTrue;

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
    @EnumSource(value = RunStatus.class, names = {"COMPLETED", "FAILED", "KILLED"})
    void a_running_run_ends_completed_failed_or_killed_with_its_end_time(RunStatus outcome) {
        Run ended = running().end(outcome, T0.plusSeconds(60));

        assertEquals(outcome, ended.status());
        assertEquals(T0.plusSeconds(60), ended.endedAt());
    }

    @Test
    void a_running_run_cannot_end_as_running() {
        assertThrows(InvalidTransition.class, () -> running().end(RunStatus.RUNNING, T0));
    }

    @ParameterizedTest
    @EnumSource(value = RunStatus.class, names = {"COMPLETED", "FAILED", "KILLED"})
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
                () -> new Run(UUID.randomUUID(), UUID.randomUUID(), "r", "alice", RunStatus.COMPLETED, Lifecycle.ACTIVE, T0, null, null));
        assertThrows(IllegalArgumentException.class,
                () -> new Run(UUID.randomUUID(), UUID.randomUUID(), "r", "alice", RunStatus.RUNNING, Lifecycle.ACTIVE, T0, T0, null));
    }

    @Test
    void a_metric_point_needs_a_name_of_1_to_250_characters_a_step_not_negative_and_a_finite_value() {
        assertThrows(InvalidInput.class, () -> new MetricPoint("", 1, 0.5, T0));
        assertThrows(InvalidInput.class, () -> new MetricPoint("x".repeat(251), 1, 0.5, T0));
        assertThrows(InvalidInput.class, () -> new MetricPoint("loss", -1, 0.5, T0));
        assertThrows(InvalidInput.class, () -> new MetricPoint("loss", 1, Double.NaN, T0));
        assertThrows(InvalidInput.class, () -> new MetricPoint("loss", 1, Double.POSITIVE_INFINITY, T0));
        assertEquals(Long.MAX_VALUE, new MetricPoint("x".repeat(250), Long.MAX_VALUE, -1e300, T0).step());
    }

    @Test
    void a_deleted_experiment_takes_no_runs_and_the_default_one_is_never_closed_nor_deleted() {
        Experiment deleted = experiment(ExperimentStatus.RUNNING).withLifecycle(Lifecycle.DELETED);
        assertThrows(ExperimentDeleted.class, deleted::startingARun);
        assertEquals(Lifecycle.ACTIVE, deleted.withLifecycle(Lifecycle.ACTIVE).startingARun().lifecycle());

        Experiment defaultOne = Experiment.defaultExperiment(T0).startingARun();
        assertEquals(0, defaultOne.number());
        assertThrows(InvalidTransition.class, () -> defaultOne.withStatus(ExperimentStatus.COMPLETED));
        assertThrows(InvalidTransition.class, () -> defaultOne.withLifecycle(Lifecycle.DELETED));
    }

    @Test
    void a_deleted_run_refuses_changes_until_restored() {
        Run deleted = running().withLifecycle(Lifecycle.DELETED);
        assertThrows(RunDeleted.class, deleted::requireActive);
        assertEquals(Lifecycle.ACTIVE, deleted.withLifecycle(Lifecycle.ACTIVE).requireActive().lifecycle());
    }

    @Test
    void params_and_tags_have_keys_of_1_to_250_characters_and_values_that_may_be_empty_up_to_their_limits() {
        assertEquals("", new Param("lr", "").value());
        assertEquals(6000, new Param("k".repeat(250), "v".repeat(6000)).value().length());
        assertThrows(InvalidInput.class, () -> new Param("k".repeat(251), "v"));
        assertThrows(InvalidInput.class, () -> new Param("lr", "v".repeat(6001)));
        assertThrows(InvalidInput.class, () -> new Param("lr", null));
        assertThrows(InvalidInput.class, () -> new Param(" ", "v"));
        assertEquals(8000, new Tag("team", "v".repeat(8000)).value().length());
        assertThrows(InvalidInput.class, () -> new Tag("team", "v".repeat(8001)));
        assertThrows(InvalidInput.class, () -> new Tag("team", "a\u0000b"));
    }

    @Test
    void a_generated_run_name_reads_as_adjective_noun_number() {
        String name = RunNames.generate(new java.util.Random(7));
        assertTrue(name.matches("[a-z]+-[a-z]+-\\d{1,3}"), name);
    }

    private static Experiment experiment(ExperimentStatus status) {
        return new Experiment(UUID.randomUUID(), "baseline", "alice", null, status, T0, 0);
    }

    private static Run running() {
        return Run.started(UUID.randomUUID(), UUID.randomUUID(), "brave-otter-1", "alice", T0, 42);
    }
}
