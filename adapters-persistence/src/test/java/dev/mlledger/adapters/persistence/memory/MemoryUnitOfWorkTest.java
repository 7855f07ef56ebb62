package dev.mlledger.adapters.persistence.memory;

import dev.mlledger.adapters.persistence.testing.LedgerRows;
import dev.mlledger.domain.experiment.ConcurrentUpdate;
import dev.mlledger.domain.experiment.Experiment;
import dev.mlledger.domain.experiment.ExperimentFilter;
import dev.mlledger.domain.experiment.ExperimentStatus;
import dev.mlledger.domain.experiment.Experiments;
import dev.mlledger.domain.experiment.MetricPoint;
import dev.mlledger.domain.experiment.Metrics;
import dev.mlledger.domain.experiment.Run;
import dev.mlledger.domain.experiment.RunStatus;
import dev.mlledger.domain.experiment.Runs;
import dev.mlledger.domain.id.Ids;
import dev.mlledger.domain.prediction.Prediction;
import dev.mlledger.domain.prediction.PredictionFilter;
import dev.mlledger.domain.prediction.Predictions;
import dev.mlledger.domain.requestlog.PurgeResult;
import dev.mlledger.domain.requestlog.RequestLog;
import dev.mlledger.domain.requestlog.RequestLogEntry;
import dev.mlledger.domain.transaction.UnitOfWork;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import static dev.mlledger.adapters.persistence.testing.LedgerRows.request;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class MemoryUnitOfWorkTest {

    private static final Instant T0 = Instant.parse("2026-04-01T08:00:00Z");
    private static final ExperimentFilter ALL_EXPERIMENTS = new ExperimentFilter(null, null, null);

    private final MemoryStore store = new MemoryStore();
    private final UnitOfWork unitOfWork = new MemoryUnitOfWork(store);
    private final RequestLog requestLog = new MemoryRequestLog(store);
    private final Predictions predictions = new MemoryPredictions(store);
    private final Experiments experiments = new MemoryExperiments(store);
    private final Runs runs = new MemoryRuns(store);
    private final Metrics metrics = new MemoryMetrics(store);

    @Test
    void a_unit_of_work_that_throws_takes_back_every_insert_update_delete_and_cascade_it_made() {
        RequestLogEntry old = request(Ids.newId(), T0);
        RequestLogEntry recent = request(Ids.newId(), T0.plus(Duration.ofHours(1)));
        Experiment kept = experiment("kept", ExperimentStatus.RUNNING);
        Experiment doomed = experiment("doomed", ExperimentStatus.RUNNING);
        Run keptRun = Run.started(Ids.newId(), kept.id(), "run", "alice", T0, 1);
        Run doomedRun = Run.started(Ids.newId(), doomed.id(), "run", "alice", T0, 2);
        write(() -> {
            requestLog.append(List.of(old, recent));
            predictions.addAll(List.of(LedgerRows.prediction(old.id(), T0, "m", 0.2),
                    LedgerRows.prediction(old.id(), T0, "m", 0.9), LedgerRows.prediction(recent.id(), recent.createdAt(), "m", 0.5)));
            experiments.add(kept);
            experiments.add(doomed);
            runs.addAll(List.of(keptRun, doomedRun));
            metrics.addAll(keptRun.id(), List.of(point("loss", 0, 0.9), point("loss", 1, 0.5)));
            metrics.addAll(doomedRun.id(), List.of(point("accuracy", 0, 0.7)));
        });
        RequestLogEntry added = request(Ids.newId(), T0.plus(Duration.ofHours(2)));
        Prediction addedPrediction = LedgerRows.prediction(added.id(), added.createdAt(), "other-model", 0.7);
        Experiment addedExperiment = experiment("added", ExperimentStatus.CREATED);
        Run addedRun = Run.started(Ids.newId(), addedExperiment.id(), "run", "alice", T0, 3);
        List<UUID> newIds = List.of(added.id(), addedPrediction.id(), addedExperiment.id(), addedRun.id());
        List<Object> before = everything(List.of(old, recent), List.of(kept, doomed, addedExperiment),
                List.of(keptRun, doomedRun, addedRun), newIds);
        IllegalStateException failure = new IllegalStateException("the work failed after writing");

        IllegalStateException thrown = assertThrows(IllegalStateException.class, () -> unitOfWork.write(() -> {
            requestLog.append(List.of(added));
            predictions.addAll(List.of(addedPrediction));
            experiments.add(addedExperiment);
            runs.addAll(List.of(addedRun));
            metrics.addAll(addedRun.id(), List.of(point("loss", 0, 1.0)));
            metrics.addAll(keptRun.id(), List.of(point("loss", 1, 0.1), point("loss", 2, 0.05)));
            experiments.update(kept.withStatus(ExperimentStatus.COMPLETED).withDescription("done"));
            assertTrue(runs.endIfRunning(keptRun.end(RunStatus.COMPLETED, T0.plusSeconds(60))));
            assertEquals(new PurgeResult(1, 2), requestLog.purgeOlderThan(T0.plus(Duration.ofMinutes(30)), 10));
            assertTrue(experiments.delete(doomed.id()));
            assertEquals(Optional.empty(), runs.find(doomedRun.id()), "the cascade ran inside the unit of work");
            assertNotEquals(before, everything(List.of(old, recent), List.of(kept, doomed, addedExperiment),
                    List.of(keptRun, doomedRun, addedRun), newIds));
            throw failure;
        }));

        assertSame(failure, thrown);
        assertEquals(before, everything(List.of(old, recent), List.of(kept, doomed, addedExperiment),
                List.of(keptRun, doomedRun, addedRun), newIds));
    }

    @Test
    void what_a_unit_of_work_wrote_is_kept_when_it_returns_with_its_result() {
        RequestLogEntry entry = request(Ids.newId(), T0);

        String result = unitOfWork.write(() -> {
            requestLog.append(List.of(entry));
            return "done";
        });

        assertEquals("done", result);
        assertEquals(Optional.of(entry), unitOfWork.read(() -> requestLog.find(entry.id())));
    }

    @Test
    void a_nested_unit_of_work_sees_what_the_outer_one_wrote_and_is_taken_back_with_it() {
        RequestLogEntry outer = request(Ids.newId(), T0);
        RequestLogEntry inner = request(Ids.newId(), T0);

        assertThrows(IllegalArgumentException.class, () -> unitOfWork.write(() -> {
            requestLog.append(List.of(outer));
            unitOfWork.write(() -> {
                requestLog.append(List.of(inner));
                return null;
            });
            assertEquals(List.of(Optional.of(outer), Optional.of(inner)),
                    unitOfWork.read(() -> List.of(requestLog.find(outer.id()), requestLog.find(inner.id()))));
            throw new IllegalArgumentException("the outer work failed");
        }));

        assertEquals(List.of(Optional.empty(), Optional.empty()),
                unitOfWork.read(() -> List.of(requestLog.find(outer.id()), requestLog.find(inner.id()))));
    }

    @Test
    void when_a_nested_unit_of_work_fails_the_outer_one_rolls_back_even_if_it_catches_the_failure() {
        RequestLogEntry outer = request(Ids.newId(), T0);
        RequestLogEntry inner = request(Ids.newId(), T0);

        IllegalStateException thrown = assertThrows(IllegalStateException.class, () -> unitOfWork.write(() -> {
            requestLog.append(List.of(outer));
            try {
                unitOfWork.write(() -> {
                    requestLog.append(List.of(inner));
                    throw new IllegalArgumentException("the inner work failed");
                });
            } catch (IllegalArgumentException expected) {
                // the outer work carries on as if nothing happened
            }
            return null;
        }));

        assertTrue(thrown.getMessage().contains("rolled back"), thrown.getMessage());
        assertEquals(List.of(Optional.empty(), Optional.empty()),
                unitOfWork.read(() -> List.of(requestLog.find(outer.id()), requestLog.find(inner.id()))));
    }

    @Test
    void a_change_the_store_refuses_leaves_the_unit_of_work_nothing_but_a_rollback() {
        RequestLogEntry entry = request(Ids.newId(), T0);
        Prediction orphan = LedgerRows.prediction(Ids.newId(), T0, "m", 0.5);

        assertThrows(IllegalStateException.class, () -> unitOfWork.write(() -> {
            requestLog.append(List.of(entry));
            try {
                predictions.addAll(List.of(orphan));
            } catch (IllegalStateException refusedLikeAForeignKey) {
                // as after a failed SQL statement, the transaction cannot commit
            }
            return null;
        }));

        assertEquals(Optional.empty(), unitOfWork.read(() -> requestLog.find(entry.id())));
        assertEquals(Optional.empty(), unitOfWork.read(() -> predictions.find(orphan.id())));
    }

    @Test
    void a_read_only_unit_of_work_cannot_change_the_store_not_even_through_a_nested_write() {
        RequestLogEntry entry = request(Ids.newId(), T0);

        assertThrows(IllegalStateException.class, () -> unitOfWork.read(() -> {
            requestLog.append(List.of(entry));
            return null;
        }));
        assertThrows(IllegalStateException.class, () -> unitOfWork.read(() -> unitOfWork.write(() -> {
            requestLog.append(List.of(entry));
            return null;
        })));

        assertEquals(Optional.empty(), unitOfWork.read(() -> requestLog.find(entry.id())));
    }

    @Test
    void every_port_refuses_to_be_used_outside_a_unit_of_work() {
        UUID id = Ids.newId();
        List<Executable> calls = List.of(
                () -> requestLog.find(id),
                () -> requestLog.append(List.of(request(id, T0))),
                () -> requestLog.purgeOlderThan(T0, 10),
                () -> predictions.find(id),
                () -> predictions.findByRequest(id),
                () -> predictions.list(PredictionFilter.ALL, null, 10),
                () -> predictions.tally(null, null, null),
                () -> predictions.addAll(List.of()),
                () -> experiments.find(id),
                () -> experiments.list(ALL_EXPERIMENTS, null, 10),
                () -> experiments.add(experiment("e", ExperimentStatus.CREATED)),
                () -> experiments.delete(id),
                () -> runs.find(id),
                () -> runs.ofExperiment(id),
                () -> runs.findForLogging(id),
                () -> metrics.latest(id),
                () -> metrics.history(id, null, null, 10),
                () -> metrics.addAll(id, List.of()));

        for (Executable call : calls) {
            IllegalStateException thrown = assertThrows(IllegalStateException.class, call);
            assertTrue(thrown.getMessage().contains("outside a unit of work"), thrown.getMessage());
        }
    }

    @Test
    void of_two_units_of_work_ending_the_same_run_at_once_exactly_one_succeeds_every_time() throws Exception {
        Experiment experiment = experiment("contested", ExperimentStatus.RUNNING);
        write(() -> experiments.add(experiment));
        ExecutorService threads = Executors.newFixedThreadPool(2);
        try {
            for (int round = 0; round < 200; round++) {
                Run run = Run.started(Ids.newId(), experiment.id(), "run", "alice", T0, round);
                write(() -> runs.addAll(List.of(run)));
                CyclicBarrier start = new CyclicBarrier(2);
                Future<Boolean> completes = threads.submit(() -> endAfter(start, run.end(RunStatus.COMPLETED, T0.plusSeconds(1))));
                Future<Boolean> fails = threads.submit(() -> endAfter(start, run.end(RunStatus.FAILED, T0.plusSeconds(2))));

                boolean completed = completes.get(30, TimeUnit.SECONDS);
                boolean failed = fails.get(30, TimeUnit.SECONDS);

                assertTrue(completed ^ failed, "round " + round + ": completed " + completed + ", failed " + failed);
                Run stored = unitOfWork.read(() -> runs.find(run.id())).orElseThrow();
                assertEquals(completed ? RunStatus.COMPLETED : RunStatus.FAILED, stored.status(), "round " + round);
            }
        } finally {
            threads.shutdownNow();
        }
    }

    @Test
    void reading_units_of_work_run_side_by_side() throws Exception {
        CountDownLatch bothInside = new CountDownLatch(2);
        ExecutorService threads = Executors.newFixedThreadPool(2);
        try {
            List<Future<Boolean>> readers = new ArrayList<>();
            for (int i = 0; i < 2; i++) {
                readers.add(threads.submit(() -> unitOfWork.read(() -> {
                    bothInside.countDown();
                    return await(bothInside);
                })));
            }

            for (Future<Boolean> reader : readers) {
                assertTrue(reader.get(30, TimeUnit.SECONDS), "each reader saw the other one inside at the same time");
            }
        } finally {
            threads.shutdownNow();
        }
    }

    @Test
    void a_read_waits_for_a_write_in_progress_and_then_sees_only_what_it_committed() throws Exception {
        RequestLogEntry committed = request(Ids.newId(), T0);
        RequestLogEntry discarded = request(Ids.newId(), T0);
        ExecutorService threads = Executors.newFixedThreadPool(2);
        try {
            for (RequestLogEntry entry : List.of(committed, discarded)) {
                CountDownLatch written = new CountDownLatch(1);
                CountDownLatch release = new CountDownLatch(1);
                Future<?> writer = threads.submit(() -> unitOfWork.write(() -> {
                    requestLog.append(List.of(entry));
                    written.countDown();
                    await(release);
                    if (entry == discarded) {
                        throw new IllegalStateException("the writer failed");
                    }
                    return null;
                }));
                assertTrue(written.await(30, TimeUnit.SECONDS));
                Future<Optional<RequestLogEntry>> reader = threads.submit(() -> unitOfWork.read(() -> requestLog.find(entry.id())));

                assertThrows(TimeoutException.class, () -> reader.get(300, TimeUnit.MILLISECONDS),
                        "the reader went ahead while the writer was still at work");
                release.countDown();
                assertEquals(entry == committed ? Optional.of(entry) : Optional.empty(), reader.get(30, TimeUnit.SECONDS));
                if (entry == discarded) {
                    assertThrows(ExecutionException.class, () -> writer.get(30, TimeUnit.SECONDS));
                } else {
                    writer.get(30, TimeUnit.SECONDS);
                }
            }
        } finally {
            threads.shutdownNow();
        }
    }

    @Test
    void a_concurrent_update_refused_inside_a_unit_of_work_takes_back_what_it_wrote_before() {
        Experiment experiment = unitOfWork.write(() -> experiments.add(experiment("versioned", ExperimentStatus.CREATED)));
        RequestLogEntry entry = request(Ids.newId(), T0);
        Experiment stale = new Experiment(experiment.id(), experiment.name(), experiment.owner(), "stale",
                ExperimentStatus.RUNNING, experiment.createdAt(), 7);

        assertThrows(ConcurrentUpdate.class, () -> unitOfWork.write(() -> {
            requestLog.append(List.of(entry));
            return experiments.update(stale);
        }));

        assertEquals(Optional.empty(), unitOfWork.read(() -> requestLog.find(entry.id())));
        assertEquals(experiment, unitOfWork.read(() -> experiments.find(experiment.id())).orElseThrow());
    }

    private boolean endAfter(CyclicBarrier start, Run ended) throws Exception {
        start.await(30, TimeUnit.SECONDS);
        return unitOfWork.write(() -> runs.endIfRunning(ended));
    }

    /** Everything the ports tell about these rows and ids, read in one unit of work. */
    private List<Object> everything(List<RequestLogEntry> requests, List<Experiment> experimentRows, List<Run> runRows,
                                    List<UUID> ids) {
        return unitOfWork.read(() -> {
            List<Object> seen = new ArrayList<>();
            for (RequestLogEntry entry : requests) {
                seen.add(requestLog.find(entry.id()));
                seen.add(predictions.findByRequest(entry.id()));
            }
            seen.add(predictions.list(PredictionFilter.ALL, null, 1000));
            seen.add(predictions.tally(null, null, null));
            seen.add(experiments.list(ALL_EXPERIMENTS, null, 1000));
            for (Experiment experiment : experimentRows) {
                seen.add(experiments.find(experiment.id()));
                seen.add(runs.ofExperiment(experiment.id()));
            }
            for (Run run : runRows) {
                seen.add(runs.find(run.id()));
                seen.add(metrics.history(run.id(), null, null, 1000));
                seen.add(metrics.latest(run.id()));
            }
            for (UUID id : ids) {
                seen.add(List.of(requestLog.find(id), predictions.find(id), experiments.find(id), runs.find(id)));
            }
            return seen;
        });
    }

    private static Experiment experiment(String name, ExperimentStatus status) {
        return new Experiment(Ids.newId(), name, "alice", null, status, T0, 0);
    }

    private static MetricPoint point(String name, int step, double value) {
        return new MetricPoint(name, step, value, T0);
    }

    private static boolean await(CountDownLatch latch) {
        try {
            return latch.await(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private void write(Runnable work) {
        unitOfWork.write(() -> {
            work.run();
            return null;
        });
    }
}
