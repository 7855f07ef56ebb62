package dev.mlledger.application.experiment;

import dev.mlledger.application.testing.FakeUnitOfWork;
import dev.mlledger.application.testing.InMemoryExperiments;
import dev.mlledger.application.testing.InMemoryRuns;
import dev.mlledger.domain.access.AccessDenied;
import dev.mlledger.domain.experiment.Experiment;
import dev.mlledger.domain.experiment.ExperimentStatus;
import dev.mlledger.domain.experiment.Lifecycle;
import dev.mlledger.domain.experiment.Run;
import dev.mlledger.domain.validation.NotFound;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import static dev.mlledger.application.testing.Callers.ALICE;
import static dev.mlledger.application.testing.Callers.MALLORY;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class DeleteRunServiceTest {

    private static final Instant T0 = Instant.parse("2026-11-21T10:00:00Z");

    private final InMemoryRuns runs = new InMemoryRuns();
    private final InMemoryExperiments experiments = new InMemoryExperiments(runs);
    private final FakeUnitOfWork unitOfWork = new FakeUnitOfWork();
    private final DeleteRun delete = new DeleteRunService(runs, experiments, unitOfWork);

    @Test
    void a_run_goes_to_the_bin_and_back_and_twice_is_no_change() {
        Run run = stored("bob");

        assertEquals(run.withLifecycle(Lifecycle.DELETED), delete.delete(ALICE, run.id()));
        assertEquals(run.withLifecycle(Lifecycle.DELETED), delete.delete(ALICE, run.id()));
        assertEquals(Lifecycle.DELETED, runs.find(run.id()).orElseThrow().lifecycle());
        assertEquals(run, delete.restore(ALICE, run.id()));
        assertEquals(run, runs.find(run.id()).orElseThrow());
        assertEquals(3, unitOfWork.writes());
    }

    @Test
    void a_stranger_may_not_delete_a_run_and_a_missing_run_is_not_found() {
        Run run = stored("bob");

        assertThrows(AccessDenied.class, () -> delete.delete(MALLORY, run.id()));
        assertEquals(Lifecycle.ACTIVE, runs.find(run.id()).orElseThrow().lifecycle());
        assertThrows(NotFound.class, () -> delete.delete(ALICE, UUID.randomUUID()));
    }

    private Run stored(String runOwner) {
        Experiment experiment = new Experiment(UUID.randomUUID(), "e", "alice", null, ExperimentStatus.RUNNING, T0, 0);
        experiments.put(experiment);
        Run run = Run.started(UUID.randomUUID(), experiment.id(), "r", runOwner, T0, null);
        runs.addAll(List.of(run));
        return run;
    }
}
