package dev.mlledger.application.experiment;

import dev.mlledger.application.testing.FakeUnitOfWork;
import dev.mlledger.application.testing.InMemoryExperiments;
import dev.mlledger.application.testing.InMemoryRuns;
import dev.mlledger.domain.access.AccessDenied;
import dev.mlledger.domain.experiment.Experiment;
import dev.mlledger.domain.experiment.ExperimentStatus;
import dev.mlledger.domain.experiment.InvalidTransition;
import dev.mlledger.domain.experiment.Lifecycle;
import dev.mlledger.domain.validation.NotFound;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import static dev.mlledger.application.testing.Callers.ADMIN;
import static dev.mlledger.application.testing.Callers.ALICE;
import static dev.mlledger.application.testing.Callers.MALLORY;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class DeleteExperimentServiceTest {

    private final InMemoryRuns runs = new InMemoryRuns();
    private final InMemoryExperiments experiments = new InMemoryExperiments(runs);
    private final FakeUnitOfWork unitOfWork = new FakeUnitOfWork();
    private final DeleteExperiment delete = new DeleteExperimentService(experiments, unitOfWork);

    @Test
    void deleting_moves_the_experiment_to_the_bin_and_restoring_brings_it_back_each_in_a_unit_of_work() {
        Experiment experiment = stored();

        Experiment deleted = delete.delete(ADMIN, experiment.id());

        assertEquals(Lifecycle.DELETED, deleted.lifecycle());
        assertEquals(deleted, experiments.find(experiment.id()).orElseThrow());
        Experiment restored = delete.restore(ADMIN, experiment.id());
        assertEquals(Lifecycle.ACTIVE, restored.lifecycle());
        assertEquals(restored, experiments.find(experiment.id()).orElseThrow());
        assertEquals(2, unitOfWork.writes());
        assertEquals(2, experiments.updates());
    }

    @Test
    void deleting_or_restoring_twice_changes_nothing_the_second_time() {
        Experiment experiment = stored();
        delete.delete(ADMIN, experiment.id());

        delete.delete(ADMIN, experiment.id());
        delete.restore(ADMIN, experiment.id());
        delete.restore(ADMIN, experiment.id());

        assertEquals(2, experiments.updates());
    }

    @Test
    void deleting_an_experiment_that_does_not_exist_is_not_found_and_the_default_one_cannot_be_deleted() {
        experiments.put(Experiment.defaultExperiment(Instant.parse("2026-11-21T10:00:00Z")));

        assertThrows(NotFound.class, () -> delete.delete(ADMIN, UUID.randomUUID()));
        assertThrows(InvalidTransition.class, () -> delete.delete(ADMIN, Experiment.DEFAULT_ID));
    }

    @Test
    void only_the_owner_or_an_admin_may_delete_or_restore_an_experiment() {
        Experiment experiment = stored();

        assertThrows(AccessDenied.class, () -> delete.delete(MALLORY, experiment.id()));
        assertEquals(List.of(experiment), experiments.all());
        delete.delete(ALICE, experiment.id());
        assertThrows(AccessDenied.class, () -> delete.restore(MALLORY, experiment.id()));
        assertEquals(Lifecycle.ACTIVE, delete.restore(ALICE, experiment.id()).lifecycle());
    }

    private Experiment stored() {
        Experiment experiment = new Experiment(UUID.randomUUID(), 7, "baseline", "alice", null, ExperimentStatus.CREATED,
                Lifecycle.ACTIVE, Instant.parse("2026-11-21T10:00:00Z"), 0);
        experiments.put(experiment);
        return experiment;
    }
}
