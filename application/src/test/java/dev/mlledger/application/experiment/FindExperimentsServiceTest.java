package dev.mlledger.application.experiment;

import dev.mlledger.application.testing.FakeUnitOfWork;
import dev.mlledger.application.testing.InMemoryExperiments;
import dev.mlledger.application.testing.InMemoryRuns;
import dev.mlledger.application.testing.InMemoryTags;
import dev.mlledger.domain.experiment.Experiment;
import dev.mlledger.domain.experiment.ExperimentFilter;
import dev.mlledger.domain.experiment.ExperimentStatus;
import dev.mlledger.domain.experiment.ExperimentSummary;
import dev.mlledger.domain.experiment.Run;
import dev.mlledger.domain.paging.Keyset;
import dev.mlledger.domain.paging.Page;
import dev.mlledger.domain.paging.PageLimit;
import dev.mlledger.domain.validation.NotFound;
import dev.mlledger.domain.experiment.Tag;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class FindExperimentsServiceTest {

    private static final Instant T0 = Instant.parse("2026-11-21T10:00:00Z");

    private final InMemoryRuns runs = new InMemoryRuns();
    private final InMemoryExperiments experiments = new InMemoryExperiments(runs);
    private final FakeUnitOfWork unitOfWork = new FakeUnitOfWork();
    private final InMemoryTags tags = new InMemoryTags();
    private final FindExperiments find = new FindExperimentsService(experiments, runs, tags, unitOfWork);

    @Test
    void an_experiment_is_read_with_its_runs_in_a_reading_unit_of_work() {
        Experiment experiment = stored("baseline", "alice", 0);
        Run first = Run.started(UUID.randomUUID(), experiment.id(), "run", "alice", T0, 1);
        Run second = Run.started(UUID.randomUUID(), experiment.id(), "run", "alice", T0.plusSeconds(1), 2);
        runs.addAll(List.of(first, second, Run.started(UUID.randomUUID(), stored("other", "bob", 1).id(), "run", "alice", T0, 3)));

        ExperimentWithRuns found = find.byId(experiment.id());

        assertEquals(new ExperimentWithRuns(experiment, List.of(first, second)), found);
        assertEquals(1, unitOfWork.reads());
        assertEquals(0, unitOfWork.writes());
    }

    @Test
    void an_experiment_that_does_not_exist_is_not_found() {
        assertThrows(NotFound.class, () -> find.byId(UUID.randomUUID()));
    }

    @Test
    void a_list_is_the_stores_page_for_the_filter_and_limit_asked_for() {
        Experiment older = stored("a", "alice", 0);
        stored("b", "bob", 1);
        Experiment newer = stored("c", "alice", 2);
        Experiment newest = stored("d", "alice", 3);
        runs.addAll(List.of(Run.started(UUID.randomUUID(), newer.id(), "run", "alice", T0, null)));

        Page<ExperimentSummary> first = find.list(new ExperimentFilter("alice", null, null), null, new PageLimit(2));

        assertEquals(List.of(new ExperimentSummary(newest, 0), new ExperimentSummary(newer, 1)), first.items());
        assertTrue(first.hasMore());
        assertEquals(1, unitOfWork.reads());

        Page<ExperimentSummary> rest = find.list(new ExperimentFilter("alice", null, null),
                new Keyset(newer.createdAt(), newer.id()), new PageLimit(2));

        assertEquals(List.of(new ExperimentSummary(older, 0)), rest.items());
        assertFalse(rest.hasMore());
    }

    @Test
    void a_list_can_be_filtered_by_status() {
        stored("a", "alice", 0);
        Experiment completed = experiments.all().getFirst().withStatus(ExperimentStatus.RUNNING)
                .withStatus(ExperimentStatus.COMPLETED);
        experiments.put(completed);
        stored("b", "alice", 1);

        Page<ExperimentSummary> page = find.list(new ExperimentFilter(null, ExperimentStatus.COMPLETED, null), null,
                new PageLimit(10));

        assertEquals(List.of(new ExperimentSummary(completed, 0)), page.items());
    }

    private Experiment stored(String name, String owner, int minutesAfterT0) {
        Experiment experiment = new Experiment(UUID.randomUUID(), name, owner, null, ExperimentStatus.CREATED,
                T0.plusSeconds(60L * minutesAfterT0), 0);
        experiments.put(experiment);
        return experiment;
    }

    @Test
    void an_experiment_is_found_by_number_and_by_name_with_its_runs_and_tags() {
        Experiment older = experiments.add(new Experiment(UUID.randomUUID(), "twin", "alice", null,
                ExperimentStatus.CREATED, T0, 0));
        Experiment newer = experiments.add(new Experiment(UUID.randomUUID(), "twin", "bob", null,
                ExperimentStatus.CREATED, T0.plusSeconds(1), 0));
        tags.setOnExperiment(older.id(), List.of(new Tag("team", "a")));

        ExperimentWithRuns byNumber = find.byNumber(older.number());

        assertEquals(new ExperimentWithRuns(older, List.of(), new TreeMap<>(Map.of("team", "a"))), byNumber);
        assertEquals(newer, find.byName("twin").experiment());
        assertThrows(NotFound.class, () -> find.byNumber(newer.number() + 1));
        assertThrows(NotFound.class, () -> find.byName("nobody"));
        assertEquals(4, unitOfWork.reads(), "one reading unit of work per lookup");
    }

    @Test
    void an_experiment_is_found_by_number_and_by_name_with_its_tags_alone() {
        Experiment tagged = experiments.add(new Experiment(UUID.randomUUID(), "tagged", "alice", null,
                ExperimentStatus.CREATED, T0, 0));
        tags.setOnExperiment(tagged.id(), List.of(new Tag("team", "a")));

        ExperimentWithTags byNumber = find.taggedByNumber(tagged.number());
        ExperimentWithTags byName = find.taggedByName("tagged");

        assertEquals(new ExperimentWithTags(tagged, new TreeMap<>(Map.of("team", "a"))), byNumber);
        assertEquals(byNumber, byName);
        assertThrows(NotFound.class, () -> find.taggedByNumber(tagged.number() + 1));
        assertThrows(NotFound.class, () -> find.taggedByName("nobody"));
    }

    @Test
    void experiments_are_found_by_their_ids_in_one_reading_unit_of_work_leaving_out_ids_of_none() {
        Experiment first = stored("first", "alice", 0);
        Experiment second = stored("second", "bob", 1);
        UUID none = UUID.randomUUID();

        Map<UUID, Experiment> found = find.byIds(List.of(first.id(), second.id(), first.id(), none));

        assertEquals(Map.of(first.id(), first, second.id(), second), found);
        assertEquals(1, unitOfWork.reads());
    }
}
