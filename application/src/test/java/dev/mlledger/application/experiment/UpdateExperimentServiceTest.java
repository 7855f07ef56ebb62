package dev.mlledger.application.experiment;

import dev.mlledger.application.testing.Callers;
import dev.mlledger.domain.access.AccessDenied;
import dev.mlledger.application.testing.FakeUnitOfWork;
import dev.mlledger.application.testing.InMemoryExperiments;
import dev.mlledger.application.testing.InMemoryRuns;
import dev.mlledger.domain.experiment.Experiment;
import dev.mlledger.domain.experiment.ExperimentStatus;
import dev.mlledger.domain.experiment.InvalidTransition;
import dev.mlledger.domain.validation.InvalidInput;
import dev.mlledger.domain.validation.NotFound;
import dev.mlledger.domain.experiment.ExperimentNameTaken;
import dev.mlledger.domain.experiment.ExperimentDeleted;
import dev.mlledger.domain.experiment.Lifecycle;
import java.util.List;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.UUID;

import static dev.mlledger.application.testing.Callers.ADMIN;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

class UpdateExperimentServiceTest {

    private static final Instant T0 = Instant.parse("2026-11-21T10:00:00Z");

    private final InMemoryExperiments experiments = new InMemoryExperiments(new InMemoryRuns());
    private final FakeUnitOfWork unitOfWork = new FakeUnitOfWork();
    private final UpdateExperiment update = new UpdateExperimentService(experiments, unitOfWork);
    private final Experiment running = new Experiment(UUID.randomUUID(), "baseline", "alice", "notes",
            ExperimentStatus.RUNNING, T0, 3);

    @Test
    void a_status_change_by_the_rules_is_stored_with_the_next_version() {
        experiments.put(running);

        Experiment changed = update.update(ADMIN, running.id(), new ExperimentChanges(false, null, ExperimentStatus.COMPLETED));

        Experiment expected = new Experiment(running.id(), "baseline", "alice", "notes", ExperimentStatus.COMPLETED, T0, 4);
        assertEquals(expected, changed);
        assertEquals(expected, experiments.find(running.id()).orElseThrow());
        assertEquals(1, unitOfWork.writes());
    }

    @Test
    void a_description_change_keeps_the_status() {
        experiments.put(running);

        Experiment changed = update.update(ADMIN, running.id(), new ExperimentChanges(true, "better notes", null));

        assertEquals("better notes", changed.description());
        assertEquals(ExperimentStatus.RUNNING, changed.status());
        assertEquals(4, changed.version());
    }

    @Test
    void a_description_given_as_null_clears_it() {
        experiments.put(running);

        assertEquals(null, update.update(ADMIN, running.id(), new ExperimentChanges(true, null, null)).description());
    }

    @Test
    void status_and_description_change_together() {
        experiments.put(running);

        Experiment changed = update.update(ADMIN, running.id(),
                new ExperimentChanges(true, "it diverged", ExperimentStatus.FAILED));

        assertEquals(ExperimentStatus.FAILED, changed.status());
        assertEquals("it diverged", changed.description());
        assertEquals(1, experiments.updates());
    }

    @Test
    void a_change_to_what_it_already_is_stores_nothing() {
        experiments.put(running);

        Experiment same = update.update(ADMIN, running.id(), new ExperimentChanges(true, "notes", ExperimentStatus.RUNNING));

        assertSame(running, same);
        assertEquals(0, experiments.updates());
    }

    @Test
    void a_status_change_against_the_rules_is_an_invalid_transition_and_stores_nothing() {
        experiments.put(running);

        assertThrows(InvalidTransition.class, () -> update.update(ADMIN, running.id(),
                new ExperimentChanges(true, "back", ExperimentStatus.CREATED)));
        assertEquals(running, experiments.find(running.id()).orElseThrow());
    }

    @Test
    void changing_an_experiment_that_does_not_exist_is_not_found() {
        assertThrows(NotFound.class, () -> update.update(ADMIN, UUID.randomUUID(), new ExperimentChanges(true, "x", null)));
    }

    @Test
    void a_change_must_change_something_and_a_new_description_follows_the_rules() {
        assertThrows(InvalidInput.class, () -> new ExperimentChanges(false, null, null));
        assertThrows(InvalidInput.class, () -> new ExperimentChanges(true, "\u0000", null));
        assertThrows(InvalidInput.class,
                () -> new ExperimentChanges(true, "d".repeat(Experiment.DESCRIPTION_MAX + 1), ExperimentStatus.FAILED));
    }

    @Test
    void only_the_owner_or_an_admin_may_change_an_experiment() {
        experiments.put(running);

        assertThrows(AccessDenied.class,
                () -> update.update(Callers.MALLORY, running.id(), new ExperimentChanges(true, "mine now", null)));
        assertEquals(running, experiments.find(running.id()).orElseThrow());
        assertEquals("hers", update.update(Callers.ALICE, running.id(), new ExperimentChanges(true, "hers", null))
                .description());
    }

    @Test
    void a_rename_claims_the_new_name_and_is_refused_when_an_experiment_has_it() {
        experiments.put(running);
        experiments.put(new Experiment(UUID.randomUUID(), "taken", "bob", null, ExperimentStatus.CREATED, T0, 0));

        assertThrows(ExperimentNameTaken.class,
                () -> update.update(ADMIN, running.id(), ExperimentChanges.rename("taken")));
        Experiment renamed = update.update(ADMIN, running.id(), ExperimentChanges.rename("better"));

        assertEquals("better", renamed.name());
        assertEquals(renamed, experiments.find(running.id()).orElseThrow());
        assertEquals(List.of("taken", "better"), experiments.claimedNames());
        assertEquals(renamed, update.update(ADMIN, running.id(), ExperimentChanges.rename("better")),
                "keeping the name claims nothing");
    }

    @Test
    void a_deleted_experiment_takes_no_changes() {
        experiments.put(running.withLifecycle(Lifecycle.DELETED));

        assertThrows(ExperimentDeleted.class,
                () -> update.update(ADMIN, running.id(), new ExperimentChanges(true, "x", null)));
    }
}
