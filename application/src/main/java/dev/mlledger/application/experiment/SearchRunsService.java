package dev.mlledger.application.experiment;

import dev.mlledger.domain.experiment.Params;
import dev.mlledger.domain.experiment.Tags;
import dev.mlledger.domain.experiment.search.FoundRun;
import dev.mlledger.domain.experiment.search.RunPage;
import dev.mlledger.domain.experiment.search.RunMatch;
import dev.mlledger.domain.experiment.search.RunQuery;
import dev.mlledger.domain.experiment.search.RunSearch;
import dev.mlledger.domain.paging.Page;
import dev.mlledger.domain.transaction.UnitOfWork;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.UUID;

/** A page of runs, then their latest metrics, params and tags: four statements whatever the page's size. */
public final class SearchRunsService implements SearchRuns {

    private final RunSearch runSearch;
    private final Params params;
    private final Tags tags;
    private final UnitOfWork unitOfWork;

    public SearchRunsService(RunSearch runSearch, Params params, Tags tags, UnitOfWork unitOfWork) {
        this.runSearch = runSearch;
        this.params = params;
        this.tags = tags;
        this.unitOfWork = unitOfWork;
    }

    @Override
    public RunPage search(Collection<UUID> experimentIds, RunQuery query) {
        if (experimentIds.isEmpty()) {
            return new RunPage(List.of(), null);
        }
        return unitOfWork.read(() -> {
            Page<RunMatch> page = runSearch.search(List.copyOf(experimentIds), query);
            List<UUID> ids = page.items().stream().map(match -> match.run().id()).toList();
            if (ids.isEmpty()) {
                return new RunPage(List.of(), null);
            }
            var latest = runSearch.latestMetrics(ids);
            Map<UUID, SortedMap<String, String>> paramsOfRuns = params.ofRuns(ids);
            Map<UUID, SortedMap<String, String>> tagsOfRuns = tags.ofRuns(ids);
            List<FoundRun> found = page.items().stream().map(RunMatch::run).map(run -> new FoundRun(run,
                    latest.getOrDefault(run.id(), new TreeMap<>()),
                    paramsOfRuns.getOrDefault(run.id(), new TreeMap<>()),
                    tagsOfRuns.getOrDefault(run.id(), new TreeMap<>()))).toList();
            // the position the search saw, not one read again from what the page shows (it may have changed since)
            return new RunPage(found, page.hasMore() ? page.items().getLast().position() : null);
        });
    }
}
