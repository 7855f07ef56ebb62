package dev.mlledger.application.experiment;

import dev.mlledger.domain.access.Role;
import dev.mlledger.domain.access.Caller;
import dev.mlledger.domain.access.AccessDenied;
import dev.mlledger.application.testing.FakeUnitOfWork;
import dev.mlledger.application.testing.InMemoryExperiments;
import dev.mlledger.application.testing.InMemoryRuns;
import dev.mlledger.domain.experiment.Experiment;
import dev.mlledger.domain.experiment.ExperimentStatus;
import dev.mlledger.domain.validation.NotFound;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import static dev.mlledger.application.testing.Callers.ADMIN;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class DeleteExperimentServiceTest {

    private final InMemoryRuns runs = new InMemoryRuns();
    private final InMemoryExperiments experiments = new InMemoryExperiments(runs);
    private final FakeUnitOfWork unitOfWork = new FakeUnitOfWork();
    private final DeleteExperiment delete = new DeleteExperimentService(experiments, unitOfWork);

    @Test
    void an_existing_experiment_is_deleted_in_a_unit_of_work() {
        Experiment kept = experiment();
        Experiment deleted = experiment();
        experiments.put(kept);
        experiments.put(deleted);

        delete.delete(ADMIN, deleted.id());

        assertEquals(List.of(kept), experiments.all());
        assertEquals(1, unitOfWork.writes());
    }

    @Test
    void deleting_an_experiment_that_does_not_exist_is_not_found() {
        UUID missing = UUID.randomUUID();

        assertThrows(NotFound.class, () -> delete.delete(ADMIN, missing));
    }

    @Test
    void deleting_twice_finds_nothing_the_second_time() {
        Experiment experiment = experiment();
        experiments.put(experiment);
        delete.delete(ADMIN, experiment.id());

        assertThrows(NotFound.class, () -> delete.delete(ADMIN, experiment.id()));
    }

    private static Experiment experiment() {
        return new Experiment(UUID.randomUUID(), "baseline", "alice", null, ExperimentStatus.CREATED,
                Instant.parse("2026-11-21T10:00:00Z"), 0);
    }

    @Test
    void only_the_owner_or_an_admin_may_delete_an_experiment() {
        Experiment experiment = experiment();
        experiments.put(experiment);

        assertThrows(AccessDenied.class, () -> delete.delete(new Caller("mallory", Role.TRACKER), experiment.id()));
        assertEquals(List.of(experiment), experiments.all());
        delete.delete(new Caller(experiment.owner(), Role.TRACKER), experiment.id());
        assertEquals(List.of(), experiments.all());
    }
}
