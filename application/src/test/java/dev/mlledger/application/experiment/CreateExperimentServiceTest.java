package dev.mlledger.application.experiment;

import dev.mlledger.application.testing.Callers;
import dev.mlledger.domain.access.AccessDenied;
import dev.mlledger.application.testing.FakeUnitOfWork;
import dev.mlledger.application.testing.InMemoryExperiments;
import dev.mlledger.application.testing.InMemoryRuns;
import dev.mlledger.application.testing.InMemoryTags;
import dev.mlledger.domain.experiment.ExperimentStatus;
import dev.mlledger.domain.experiment.Run;
import dev.mlledger.domain.experiment.RunStatus;
import dev.mlledger.domain.validation.InvalidInput;
import dev.mlledger.domain.experiment.Tag;
import dev.mlledger.domain.experiment.ExperimentNameTaken;
import java.util.Map;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;

import static dev.mlledger.application.testing.Callers.ADMIN;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CreateExperimentServiceTest {

    private static final Instant NOW = Instant.parse("2026-11-21T10:00:00Z");

    private final InMemoryRuns runs = new InMemoryRuns();
    private final InMemoryExperiments experiments = new InMemoryExperiments(runs);
    private final FakeUnitOfWork unitOfWork = new FakeUnitOfWork();
    private final InMemoryTags tags = new InMemoryTags();
    private final CreateExperiment create = new CreateExperimentService(experiments, runs, tags, unitOfWork,
            Clock.fixed(NOW, ZoneOffset.UTC));

    @Test
    void an_experiment_without_runs_is_created_as_created_and_stored_in_one_unit_of_work() {
        ExperimentWithRuns created = create.create(ADMIN, new NewExperiment("baseline", "alice", "first try", null));

        assertEquals(ExperimentStatus.CREATED, created.experiment().status());
        assertEquals("baseline", created.experiment().name());
        assertEquals("alice", created.experiment().owner());
        assertEquals("first try", created.experiment().description());
        assertEquals(NOW, created.experiment().createdAt());
        assertEquals(0, created.experiment().version());
        assertEquals(List.of(), created.runs());
        assertEquals(List.of(created.experiment()), experiments.all());
        assertEquals(1, unitOfWork.writes());
    }

    @Test
    void an_experiment_created_with_runs_is_running_and_its_runs_start_with_it_with_their_seeds() {
        ExperimentWithRuns created = create.create(ADMIN, 
                new NewExperiment("sweep", "bob", null, Arrays.asList(7, null, 42)));

        assertEquals(ExperimentStatus.RUNNING, created.experiment().status());
        assertEquals(Arrays.asList(7, null, 42), created.runs().stream().map(Run::seed).toList());
        for (Run run : created.runs()) {
            assertEquals(created.experiment().id(), run.experimentId());
            assertEquals(RunStatus.RUNNING, run.status());
            assertEquals(NOW, run.startedAt());
        }
        assertEquals(created.runs(), runs.ofExperiment(created.experiment().id()));
        assertEquals(1, unitOfWork.writes(), "the experiment and its runs in one unit of work");
    }

    @Test
    void every_run_gets_an_id_of_its_own() {
        ExperimentWithRuns created = create.create(ADMIN, new NewExperiment("sweep", "bob", null, List.of(1, 2, 3)));

        assertEquals(3, created.runs().stream().map(Run::id).distinct().count());
        assertTrue(created.runs().stream().noneMatch(run -> run.id().equals(created.experiment().id())));
    }

    @Test
    void a_new_experiment_breaking_the_rules_is_refused_before_anything_is_stored() {
        assertThrows(InvalidInput.class, () -> create.create(ADMIN, new NewExperiment("", "alice", null, null)));
        assertThrows(InvalidInput.class, () -> create.create(ADMIN, new NewExperiment("baseline", "alice", "\u0000", null)));
        assertThrows(InvalidInput.class, () -> create.create(ADMIN, new NewExperiment("baseline", "alice", null,
                Collections.nCopies(NewExperiment.MAX_RUNS + 1, null))));

        assertEquals(List.of(), experiments.all());
        assertEquals(0, unitOfWork.writes());
    }

    @Test
    void up_to_a_thousand_runs_may_start_with_an_experiment() {
        ExperimentWithRuns created = create.create(ADMIN, new NewExperiment("wide", "carol", null,
                Collections.nCopies(NewExperiment.MAX_RUNS, 1)));

        assertEquals(NewExperiment.MAX_RUNS, created.runs().size());
        assertNull(created.experiment().description());
    }

    @Test
    void an_experiment_without_a_named_owner_belongs_to_the_caller() {
        ExperimentWithRuns created = create.create(Callers.ALICE, new NewExperiment("baseline", null, null, null));

        assertEquals("alice", created.experiment().owner());
    }

    @Test
    void only_an_admin_may_create_an_experiment_for_another_owner_and_a_refusal_stores_nothing() {
        assertThrows(AccessDenied.class,
                () -> create.create(Callers.MALLORY, new NewExperiment("baseline", "alice", null, List.of(1))));
        ExperimentWithRuns byAdmin = create.create(ADMIN, new NewExperiment("baseline", "alice", null, null));
        ExperimentWithRuns byHerself = create.create(Callers.ALICE, new NewExperiment("mine", "alice", null, null));

        assertEquals(List.of(byAdmin.experiment(), byHerself.experiment()), experiments.all());
        assertEquals(List.of(), runs.all());
    }

    @Test
    void an_experiment_is_created_with_its_tags_in_the_same_unit_of_work() {
        ExperimentWithRuns created = create.create(ADMIN, new NewExperiment("tagged", null, null, null,
                List.of(new Tag("team", "a"), new Tag("team", "b"), new Tag("stage", "dev"))));

        assertEquals(Map.of("team", "b", "stage", "dev"), created.tags());
        assertEquals(created.tags(), tags.ofExperiment(created.experiment().id()));
        assertTrue(created.experiment().number() > 0);
        assertEquals(1, unitOfWork.writes());
    }

    @Test
    void a_unique_name_create_refuses_a_name_any_experiment_has_and_a_plain_create_does_not() {
        create.create(ADMIN, new NewExperiment("taken", null, null, null));

        assertThrows(ExperimentNameTaken.class,
                () -> create.createWithUniqueName(ADMIN, new NewExperiment("taken", null, null, List.of(1))));
        assertEquals(1, experiments.all().size());
        assertEquals(List.of(), runs.all());
        assertEquals("fresh", create.createWithUniqueName(ADMIN, new NewExperiment("fresh", null, null, null))
                .experiment().name());
        create.create(ADMIN, new NewExperiment("taken", null, null, null));
        assertEquals(3, experiments.all().size());
        assertEquals(List.of("taken", "fresh"), experiments.claimedNames());
    }
}
