package dev.mlledger.domain.contract;

import dev.mlledger.domain.experiment.Experiment;
import dev.mlledger.domain.experiment.Lifecycle;
import dev.mlledger.domain.experiment.Run;
import dev.mlledger.domain.experiment.RunStatus;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static dev.mlledger.domain.contract.ContractData.T0;
import static dev.mlledger.domain.contract.ContractData.T0_FINE;
import static dev.mlledger.domain.contract.ContractData.micros;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Runs: round trip, start order, an end that only one of two racing clients wins, the run for logging, names and
 * lifecycle.
 */
public abstract class RunsContract extends StorageContract {

    @Test
    void the_runs_of_an_experiment_come_in_start_order_and_read_back_equal() {
        Experiment experiment = ContractData.experiment("e", "alice", T0);
        List<Run> runs = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            runs.add(ContractData.run(experiment.id(), T0.plusSeconds(i % 2), i % 3 == 0 ? null : i));
        }
        writing(() -> {
            store.experiments().add(experiment);
            store.runs().addAll(runs);
        });

        List<Run> expected = runs.stream().sorted(Comparator.comparing(Run::startedAt)
                .thenComparing(Run::id, ContractData::compareIds)).toList();
        assertEquals(expected, read(() -> store.runs().ofExperiment(experiment.id())));
        assertEquals(runs.getFirst(), read(() -> store.runs().find(runs.getFirst().id())).orElseThrow());
    }

    @Test
    void a_run_keeps_its_start_and_end_to_the_microsecond_at_least() {
        Experiment experiment = ContractData.experiment("e", "alice", T0_FINE);
        Run run = ContractData.run(experiment.id(), T0_FINE, null);
        writing(() -> {
            store.experiments().add(experiment);
            store.runs().addAll(List.of(run));
        });
        assertTrue(write(() -> store.runs().endIfRunning(run.end(RunStatus.FAILED, T0_FINE.plusSeconds(1)))));

        Run found = read(() -> store.runs().find(run.id())).orElseThrow();
        assertEquals(micros(T0_FINE), micros(found.startedAt()));
        assertEquals(micros(T0_FINE.plusSeconds(1)), micros(found.endedAt()));
        assertEquals(micros(T0_FINE), micros(read(() -> store.experiments().find(experiment.id())).orElseThrow().createdAt()));
    }

    @Test
    void a_run_of_an_experiment_that_does_not_exist_is_refused() {
        Experiment neverStored = ContractData.experiment("ghost", "alice", T0);

        assertThrows(RuntimeException.class,
                () -> writing(() -> store.runs().addAll(List.of(ContractData.run(neverStored.id(), T0, 1)))));
    }

    @Test
    void a_run_ends_once_and_then_reports_its_outcome_for_logging() {
        Run run = storedRun();

        // findForLogging locks the run against ending: it belongs in a writing unit of work
        assertEquals(run, write(() -> store.runs().findForLogging(run.id())).orElseThrow());
        assertTrue(write(() -> store.runs().endIfRunning(run.end(RunStatus.COMPLETED, T0.plusSeconds(60)))));
        assertFalse(write(() -> store.runs().endIfRunning(run.end(RunStatus.FAILED, T0.plusSeconds(61)))));

        Run stored = read(() -> store.runs().find(run.id())).orElseThrow();
        assertEquals(RunStatus.COMPLETED, stored.status());
        assertEquals(T0.plusSeconds(60), stored.endedAt());
        assertEquals(stored, write(() -> store.runs().findForLogging(run.id())).orElseThrow());
        assertTrue(write(() -> store.runs().findForLogging(UUID.randomUUID())).isEmpty());
    }

    @Test
    void a_run_keeps_its_name_owner_and_lifecycle_and_may_end_killed() {
        Experiment experiment = ContractData.experiment("e", "alice", T0);
        Run run = Run.started(UUID.randomUUID(), experiment.id(), "n".repeat(Run.NAME_MAX), "o".repeat(Run.OWNER_MAX),
                T0, null);
        writing(() -> {
            store.experiments().add(experiment);
            store.runs().addAll(List.of(run));
        });
        Run killed = run.end(RunStatus.KILLED, T0.plusSeconds(5));
        assertTrue(write(() -> store.runs().endIfRunning(killed)));

        assertEquals(killed, read(() -> store.runs().find(run.id())).orElseThrow());
    }

    @Test
    void a_run_is_renamed_deleted_and_restored_and_a_missing_run_is_reported() {
        Run run = storedRun();

        assertTrue(write(() -> store.runs().rename(run.id(), "second-name")));
        assertTrue(write(() -> store.runs().setLifecycle(run.id(), Lifecycle.DELETED)));
        assertEquals(run.withName("second-name").withLifecycle(Lifecycle.DELETED),
                read(() -> store.runs().find(run.id())).orElseThrow());
        assertTrue(write(() -> store.runs().setLifecycle(run.id(), Lifecycle.ACTIVE)));
        assertEquals(Lifecycle.ACTIVE, read(() -> store.runs().find(run.id())).orElseThrow().lifecycle());

        assertFalse(write(() -> store.runs().rename(UUID.randomUUID(), "x")));
        assertFalse(write(() -> store.runs().setLifecycle(UUID.randomUUID(), Lifecycle.DELETED)));
    }

    @Test
    void of_two_units_of_work_ending_the_same_run_at_once_exactly_one_wins_round_after_round() throws Exception {
        ExecutorService clients = Executors.newFixedThreadPool(2);
        try {
            for (int round = 0; round < 30; round++) {
                Run run = storedRun();
                CyclicBarrier together = new CyclicBarrier(2);
                List<Future<Boolean>> ends = new ArrayList<>();
                for (RunStatus outcome : new RunStatus[]{RunStatus.COMPLETED, RunStatus.FAILED}) {
                    ends.add(clients.submit(() -> {
                        together.await();
                        return write(() -> store.runs().find(run.id()).filter(r -> r.status() == RunStatus.RUNNING)
                                .map(r -> store.runs().endIfRunning(r.end(outcome, T0.plusSeconds(1))))
                                .orElse(false));
                    }));
                }
                int winners = 0;
                for (Future<Boolean> end : ends) {
                    winners += end.get() ? 1 : 0;
                }
                assertEquals(1, winners, "round " + round);
            }
        } finally {
            clients.shutdownNow();
        }
    }
}
