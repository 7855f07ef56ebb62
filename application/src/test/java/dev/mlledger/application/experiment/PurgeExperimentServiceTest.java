package dev.mlledger.application.experiment;

import dev.mlledger.application.testing.FakeUnitOfWork;
import dev.mlledger.application.testing.InMemoryExperiments;
import dev.mlledger.application.testing.InMemoryRuns;
import dev.mlledger.domain.access.AccessDenied;
import dev.mlledger.domain.experiment.Experiment;
import dev.mlledger.domain.experiment.ExperimentStatus;
import dev.mlledger.domain.experiment.InvalidTransition;
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

class PurgeExperimentServiceTest {

    private static final Instant T0 = Instant.parse("2026-11-21T10:00:00Z");

    private final InMemoryRuns runs = new InMemoryRuns();
    private final InMemoryExperiments experiments = new InMemoryExperiments(runs);
    private final FakeUnitOfWork unitOfWork = new FakeUnitOfWork();
    private final PurgeExperiment purge = new PurgeExperimentService(experiments, unitOfWork);

    @Test
    void a_purged_experiment_is_gone_for_good_after_a_locked_read_in_one_unit_of_work() {
        Experiment kept = stored();
        Experiment purged = stored();

        purge.purge(ADMIN, purged.id());

        assertEquals(List.of(kept), experiments.all());
        assertEquals(List.of(purged.id()), experiments.lockedForUpdate());
        assertEquals(1, unitOfWork.writes());
        assertThrows(NotFound.class, () -> purge.purge(ADMIN, purged.id()));
    }

    @Test
    void the_default_experiment_is_never_purged_and_only_the_owner_or_an_admin_may_purge() {
        experiments.put(Experiment.defaultExperiment(T0));
        Experiment experiment = stored();

        assertThrows(InvalidTransition.class, () -> purge.purge(ADMIN, Experiment.DEFAULT_ID));
        assertThrows(AccessDenied.class, () -> purge.purge(MALLORY, experiment.id()));
        assertEquals(2, experiments.all().size());
        purge.purge(ALICE, experiment.id());
        assertEquals(List.of(Experiment.DEFAULT_ID), experiments.all().stream().map(Experiment::id).toList());
    }

    private Experiment stored() {
        Experiment experiment = new Experiment(UUID.randomUUID(), "baseline", "alice", null, ExperimentStatus.CREATED,
                T0, 0);
        experiments.put(experiment);
        return experiment;
    }
}
