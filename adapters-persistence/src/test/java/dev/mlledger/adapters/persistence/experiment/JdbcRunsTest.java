package dev.mlledger.adapters.persistence.experiment;

import dev.mlledger.adapters.persistence.testing.FreshDatabaseTest;
import dev.mlledger.domain.experiment.Experiment;
import dev.mlledger.domain.experiment.ExperimentStatus;
import dev.mlledger.domain.experiment.Experiments;
import dev.mlledger.domain.experiment.Lifecycle;
import dev.mlledger.domain.experiment.Run;
import dev.mlledger.domain.experiment.RunStatus;
import dev.mlledger.domain.experiment.Runs;
import dev.mlledger.domain.id.Ids;
import dev.mlledger.domain.transaction.UnitOfWork;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

@MicronautTest(transactional = false, startApplication = false)
class JdbcRunsTest extends FreshDatabaseTest {

    /** PostgreSQL orders uuids byte by byte, that is as two unsigned longs. */
    private static final Comparator<UUID> UUID_ORDER = Comparator
            .comparing(UUID::getMostSignificantBits, Long::compareUnsigned)
            .thenComparing(UUID::getLeastSignificantBits, Long::compareUnsigned);
    private static final Instant DAY_ONE = Instant.parse("2026-03-01T00:00:00Z");

    @Inject
    Experiments experiments;

    @Inject
    Runs runs;

    @Inject
    UnitOfWork unitOfWork;

    private Experiment experiment;

    @BeforeEach
    void anExperimentToRunIn() {
        experiment = newExperiment();
    }

    @Test
    void added_runs_are_found_with_every_field_as_they_were_given() {
        Run seeded = Run.started(Ids.newId(), experiment.id(), "run", "alice", Instant.parse("2026-03-01T10:15:30.123456789Z"), 42);
        Run unseeded = Run.started(Ids.newId(), experiment.id(), "run", "alice", DAY_ONE, null);
        Run negativeSeed = Run.started(Ids.newId(), experiment.id(), "run", "alice", DAY_ONE, Integer.MIN_VALUE);
        Run ended = new Run(Ids.newId(), experiment.id(), "run", "alice", RunStatus.FAILED, Lifecycle.ACTIVE, DAY_ONE,
                Instant.parse("2026-03-02T00:00:00.000001Z"), 0);

        write(() -> runs.addAll(List.of(seeded, unseeded, negativeSeed, ended)));

        for (Run run : List.of(seeded, unseeded, negativeSeed, ended)) {
            Run asStored = new Run(run.id(), run.experimentId(), "run", "alice", run.status(), Lifecycle.ACTIVE,
                    run.startedAt().truncatedTo(ChronoUnit.MICROS),
                    run.endedAt() == null ? null : run.endedAt().truncatedTo(ChronoUnit.MICROS), run.seed());
            assertEquals(asStored, unitOfWork.read(() -> runs.find(run.id())).orElseThrow());
        }
        assertEquals(Instant.parse("2026-03-01T10:15:30.123456Z"),
                unitOfWork.read(() -> runs.find(seeded.id())).orElseThrow().startedAt());
        assertEquals(Optional.empty(), unitOfWork.read(() -> runs.find(Ids.newId())));
    }

    @Test
    void adding_no_runs_stores_nothing_and_does_not_fail() {
        write(() -> runs.addAll(List.of()));

        assertEquals(List.of(), unitOfWork.read(() -> runs.ofExperiment(experiment.id())));
    }

    @Test
    void the_runs_of_an_experiment_come_in_the_order_they_started_and_only_its_own() {
        Experiment other = newExperiment();
        List<Run> started = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            // pairs of runs start at the same instant; the id orders each pair
            started.add(Run.started(Ids.newId(), experiment.id(), "run", "alice", DAY_ONE.plusSeconds(i / 2), i));
        }
        List<Run> shuffled = new ArrayList<>(started);
        Collections.shuffle(shuffled, new Random(3));
        Run otherRun = Run.started(Ids.newId(), other.id(), "run", "alice", DAY_ONE, 99);

        write(() -> {
            runs.addAll(shuffled.subList(0, 6));
            runs.addAll(List.of(otherRun));
            runs.addAll(shuffled.subList(6, 12));
        });

        List<Run> expected = started.stream()
                .sorted(Comparator.comparing(Run::startedAt).thenComparing(Run::id, UUID_ORDER)).toList();
        assertEquals(expected, unitOfWork.read(() -> runs.ofExperiment(experiment.id())));
        assertEquals(List.of(otherRun), unitOfWork.read(() -> runs.ofExperiment(other.id())));
        assertEquals(List.of(), unitOfWork.read(() -> runs.ofExperiment(Ids.newId())));
    }

    @Test
    void a_running_run_ends_once_and_a_second_end_neither_succeeds_nor_changes_it() {
        Run run = Run.started(Ids.newId(), experiment.id(), "run", "alice", DAY_ONE, 7);
        write(() -> runs.addAll(List.of(run)));
        Run completed = run.end(RunStatus.COMPLETED, DAY_ONE.plusSeconds(60));
        Run failedLater = run.end(RunStatus.FAILED, DAY_ONE.plusSeconds(120));

        assertTrue(unitOfWork.write(() -> runs.endIfRunning(completed)));
        assertFalse(unitOfWork.write(() -> runs.endIfRunning(failedLater)));

        assertEquals(completed, unitOfWork.read(() -> runs.find(run.id())).orElseThrow());
    }

    @Test
    void ending_a_run_that_does_not_exist_is_false_and_stores_nothing() {
        Run ghost = Run.started(Ids.newId(), experiment.id(), "run", "alice", DAY_ONE, null).end(RunStatus.COMPLETED, DAY_ONE);

        assertFalse(unitOfWork.write(() -> runs.endIfRunning(ghost)));
        assertEquals(Optional.empty(), unitOfWork.read(() -> runs.find(ghost.id())));
    }

    @Test
    void the_run_for_logging_is_running_until_it_ends_then_shows_its_outcome_and_is_empty_for_an_unknown_run() {
        Run run = Run.started(Ids.newId(), experiment.id(), "run", "alice", DAY_ONE, null);
        write(() -> runs.addAll(List.of(run)));

        assertEquals(Optional.of(RunStatus.RUNNING), unitOfWork.write(() -> runs.findForLogging(run.id()).map(Run::status)));
        write(() -> runs.endIfRunning(run.end(RunStatus.FAILED, DAY_ONE.plusSeconds(1))));
        assertEquals(Optional.of(RunStatus.FAILED), unitOfWork.write(() -> runs.findForLogging(run.id()).map(Run::status)));
        assertEquals(Optional.empty(), unitOfWork.write(() -> runs.findForLogging(Ids.newId())));
    }

    @Test
    void a_run_cannot_end_while_a_unit_of_work_that_checked_it_for_logging_is_still_open() throws Exception {
        Run run = Run.started(Ids.newId(), experiment.id(), "run", "alice", DAY_ONE, null);
        write(() -> runs.addAll(List.of(run)));
        CountDownLatch checked = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        ExecutorService threads = Executors.newFixedThreadPool(2);
        try {
            Future<Optional<RunStatus>> logger = threads.submit(() -> unitOfWork.write(() -> {
                Optional<RunStatus> status = runs.findForLogging(run.id()).map(Run::status);
                checked.countDown();
                await(release);
                return status;
            }));
            assertTrue(checked.await(30, TimeUnit.SECONDS));
            Future<Boolean> ender = threads.submit(() -> unitOfWork.write(
                    () -> runs.endIfRunning(run.end(RunStatus.COMPLETED, DAY_ONE.plusSeconds(1)))));

            assertThrows(TimeoutException.class, () -> ender.get(1, TimeUnit.SECONDS),
                    "the end went through while metrics of the run were still being logged");
            release.countDown();
            assertEquals(Optional.of(RunStatus.RUNNING), logger.get(30, TimeUnit.SECONDS));
            assertTrue(ender.get(30, TimeUnit.SECONDS));
        } finally {
            release.countDown();
            threads.shutdownNow();
        }
        assertEquals(RunStatus.COMPLETED, unitOfWork.read(() -> runs.find(run.id())).orElseThrow().status());
    }

    private Experiment newExperiment() {
        Experiment created = new Experiment(Ids.newId(), "runs", "alice", null, ExperimentStatus.RUNNING, DAY_ONE, 0);
        write(() -> experiments.add(created));
        return created;
    }

    private static void await(CountDownLatch latch) {
        try {
            if (!latch.await(30, TimeUnit.SECONDS)) {
                throw new IllegalStateException("never released");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private void write(Runnable work) {
        unitOfWork.write(() -> {
            work.run();
            return null;
        });
    }
}
