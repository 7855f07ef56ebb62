package dev.mlledger.application.experiment;

import dev.mlledger.application.testing.FakeUnitOfWork;
import dev.mlledger.application.testing.InMemoryExperiments;
import dev.mlledger.application.testing.InMemoryRuns;
import dev.mlledger.application.testing.InMemoryTags;
import dev.mlledger.domain.access.AccessDenied;
import dev.mlledger.domain.experiment.Experiment;
import dev.mlledger.domain.experiment.ExperimentDeleted;
import dev.mlledger.domain.experiment.ExperimentStatus;
import dev.mlledger.domain.experiment.Lifecycle;
import dev.mlledger.domain.experiment.Run;
import dev.mlledger.domain.experiment.Tag;
import dev.mlledger.domain.validation.InvalidInput;
import dev.mlledger.domain.validation.NotFound;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static dev.mlledger.application.testing.Callers.ADMIN;
import static dev.mlledger.application.testing.Callers.ALICE;
import static dev.mlledger.application.testing.Callers.MALLORY;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Tags of experiments, and deleting a tag of a run. */
class TagExperimentServiceTest {

    private static final Instant T0 = Instant.parse("2026-11-21T10:00:00Z");

    private final InMemoryRuns runs = new InMemoryRuns();
    private final InMemoryExperiments experiments = new InMemoryExperiments(runs);
    private final InMemoryTags tags = new InMemoryTags();
    private final FakeUnitOfWork unitOfWork = new FakeUnitOfWork();
    private final TagExperiment tag = new TagExperimentService(experiments, tags, unitOfWork);
    private final UntagRun untagRun = new UntagRunService(runs, experiments, tags, unitOfWork);
    private final Experiment experiment = new Experiment(UUID.randomUUID(), "e", "alice", null,
            ExperimentStatus.RUNNING, T0, 0);

    @Test
    void the_owner_sets_replaces_and_deletes_tags_of_an_experiment() {
        experiments.put(experiment);

        tag.tag(ALICE, experiment.id(), List.of(new Tag("team", "a"), new Tag("stage", "dev"), new Tag("team", "b")));
        tag.tag(ALICE, experiment.id(), List.of(new Tag("stage", "prod")));

        assertEquals(Map.of("team", "b", "stage", "prod"), tags.ofExperiment(experiment.id()));
        assertTrue(tag.untag(ALICE, experiment.id(), "stage"));
        assertFalse(tag.untag(ALICE, experiment.id(), "stage"));
        assertEquals(Map.of("team", "b"), tags.ofExperiment(experiment.id()));
    }

    @Test
    void a_stranger_a_deleted_experiment_and_a_missing_one_are_refused() {
        experiments.put(experiment);
        Experiment deleted = new Experiment(UUID.randomUUID(), 3, "d", "alice", null, ExperimentStatus.RUNNING,
                Lifecycle.DELETED, T0, 0);
        experiments.put(deleted);
        List<Tag> one = List.of(new Tag("k", "v"));

        assertThrows(AccessDenied.class, () -> tag.tag(MALLORY, experiment.id(), one));
        assertThrows(ExperimentDeleted.class, () -> tag.tag(ALICE, deleted.id(), one));
        assertThrows(NotFound.class, () -> tag.tag(ADMIN, UUID.randomUUID(), one));
        assertThrows(InvalidInput.class, () -> tag.tag(ADMIN, experiment.id(), List.of()));
        assertThrows(InvalidInput.class, () -> tag.tag(ADMIN, experiment.id(), Collections.nCopies(101, new Tag("k", "v"))));
        assertThrows(InvalidInput.class, () -> tag.untag(ADMIN, experiment.id(), ""));
        assertEquals(Map.of(), tags.ofExperiment(experiment.id()));
    }

    @Test
    void a_tag_of_a_run_is_deleted_by_who_may_change_the_run() {
        experiments.put(experiment);
        Run run = Run.started(UUID.randomUUID(), experiment.id(), "r", "bob", T0, null);
        runs.addAll(List.of(run));
        tags.setOnRun(run.id(), List.of(new Tag("k", "v")));

        assertThrows(AccessDenied.class, () -> untagRun.untag(MALLORY, run.id(), "k"));
        assertTrue(untagRun.untag(ALICE, run.id(), "k"));
        assertFalse(untagRun.untag(ALICE, run.id(), "k"));
        assertThrows(NotFound.class, () -> untagRun.untag(ALICE, UUID.randomUUID(), "k"));
    }
}
