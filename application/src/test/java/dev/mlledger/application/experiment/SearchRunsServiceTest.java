package dev.mlledger.application.experiment;

import dev.mlledger.application.testing.FakeUnitOfWork;
import dev.mlledger.application.testing.InMemoryParams;
import dev.mlledger.application.testing.InMemoryTags;
import dev.mlledger.domain.experiment.MetricPoint;
import dev.mlledger.domain.experiment.Param;
import dev.mlledger.domain.experiment.Run;
import dev.mlledger.domain.experiment.Tag;
import dev.mlledger.domain.experiment.search.FoundRun;
import dev.mlledger.domain.experiment.search.RunMatch;
import dev.mlledger.domain.experiment.search.RunPage;
import dev.mlledger.domain.experiment.search.RunPosition;
import dev.mlledger.domain.experiment.search.RunQuery;
import dev.mlledger.domain.experiment.search.RunSearch;
import dev.mlledger.domain.experiment.search.SortValue;
import dev.mlledger.domain.paging.Page;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

class SearchRunsServiceTest {

    private static final Instant T0 = Instant.parse("2026-12-01T10:00:00Z");
    private static final UUID EXPERIMENT = UUID.randomUUID();

    /** Answers a fixed page and records what it was asked. */
    private static final class StubSearch implements RunSearch {
        private final Page<RunMatch> page;
        private final Map<UUID, SortedMap<String, MetricPoint>> latest;
        final List<Collection<UUID>> searched = new ArrayList<>();
        final List<Collection<UUID>> latestAsked = new ArrayList<>();

        StubSearch(Page<RunMatch> page, Map<UUID, SortedMap<String, MetricPoint>> latest) {
            this.page = page;
            this.latest = latest;
        }

        @Override
        public Page<RunMatch> search(Collection<UUID> experimentIds, RunQuery query) {
            searched.add(List.copyOf(experimentIds));
            return page;
        }

        @Override
        public Map<UUID, SortedMap<String, MetricPoint>> latestMetrics(Collection<UUID> runIds) {
            latestAsked.add(List.copyOf(runIds));
            return latest;
        }
    }

    private final InMemoryParams params = new InMemoryParams();
    private final InMemoryTags tags = new InMemoryTags();
    private final FakeUnitOfWork unitOfWork = new FakeUnitOfWork();

    private static Run run(String name, int second) {
        return Run.started(UUID.randomUUID(), EXPERIMENT, name, "alice", T0.plusSeconds(second), null);
    }

    private static RunMatch match(Run run, double loss) {
        return new RunMatch(run, new RunPosition(List.of(new SortValue.Number(loss)), run.startedAt(), run.id()));
    }

    private static RunQuery byLoss() {
        return RunQuery.of("metrics.loss < 1", List.of("metrics.loss"), null, 2, null);
    }

    @Test
    void each_run_of_the_page_comes_with_its_latest_metrics_params_and_tags_in_the_searchs_order() {
        Run first = run("first", 1);
        Run second = run("second", 0);
        MetricPoint loss = new MetricPoint("loss", 3, 0.2, T0);
        params.addAll(first.id(), List.of(new Param("lr", "0.1")));
        tags.setOnRun(second.id(), List.of(new Tag("team", "vision")));
        StubSearch search = new StubSearch(new Page<>(List.of(match(first, 0.2), match(second, 0.4)), false),
                Map.of(first.id(), new TreeMap<>(Map.of("loss", loss))));

        RunPage page = new SearchRunsService(search, params, tags, unitOfWork).search(List.of(EXPERIMENT), byLoss());

        assertEquals(List.of(
                new FoundRun(first, new TreeMap<>(Map.of("loss", loss)), new TreeMap<>(Map.of("lr", "0.1")), new TreeMap<>()),
                new FoundRun(second, new TreeMap<>(), new TreeMap<>(), new TreeMap<>(Map.of("team", "vision")))),
                page.runs());
        assertNull(page.next());
        assertEquals(List.of(List.of(first.id(), second.id())), search.latestAsked);
        assertEquals(1, unitOfWork.reads());
    }

    @Test
    void when_more_follow_the_next_page_starts_at_the_position_the_search_saw_for_the_last_run() {
        Run first = run("first", 1);
        Run second = run("second", 0);
        RunMatch last = match(second, 0.4);
        StubSearch search = new StubSearch(new Page<>(List.of(match(first, 0.2), last), true), Map.of());

        RunPage page = new SearchRunsService(search, params, tags, unitOfWork).search(List.of(EXPERIMENT), byLoss());

        // the run has no loss now: the position is still the one the page was ordered by
        assertEquals(last.position(), page.next());
    }

    @Test
    void no_experiments_have_no_runs_and_nothing_is_read() {
        StubSearch search = new StubSearch(new Page<>(List.of(), false), Map.of());

        RunPage page = new SearchRunsService(search, params, tags, unitOfWork).search(List.of(), byLoss());

        assertEquals(List.of(), page.runs());
        assertNull(page.next());
        assertEquals(List.of(), search.searched);
        assertEquals(0, unitOfWork.reads());
    }

    @Test
    void an_empty_page_asks_for_nothing_more() {
        StubSearch search = new StubSearch(new Page<>(List.of(), false), Map.of());

        RunPage page = new SearchRunsService(search, params, tags, unitOfWork).search(List.of(EXPERIMENT), byLoss());

        assertEquals(List.of(), page.runs());
        assertEquals(List.of(), search.latestAsked);
        assertEquals(0, params.calls());
    }
}
