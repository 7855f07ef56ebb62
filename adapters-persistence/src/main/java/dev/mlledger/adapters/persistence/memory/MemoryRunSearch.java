package dev.mlledger.adapters.persistence.memory;

import dev.mlledger.domain.experiment.MetricPoint;
import dev.mlledger.domain.experiment.Run;
import dev.mlledger.domain.experiment.search.FoundRun;
import dev.mlledger.domain.experiment.search.RunMatch;
import dev.mlledger.domain.experiment.search.RunPosition;
import dev.mlledger.domain.experiment.search.RunQuery;
import dev.mlledger.domain.experiment.search.RunSearch;
import dev.mlledger.domain.paging.Page;
import io.micronaut.context.annotation.Requires;
import jakarta.inject.Singleton;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.UUID;

/**
 * Run search over the {@link MemoryStore}: every run of the experiments is tested with the query's own definition
 * ({@link RunQuery#selects}, {@link RunQuery#order}), which the JDBC adapter's SQL must match (one contract suite).
 */
@Singleton
@Requires(property = "mlledger.persistence.adapter", value = "memory")
public class MemoryRunSearch implements RunSearch {

    private final MemoryStore store;
    private final KeyValueTable params;
    private final KeyValueTable tags;

    public MemoryRunSearch(MemoryStore store) {
        this.store = store;
        this.params = new KeyValueTable(store.params, store.paramsByRun);
        this.tags = new KeyValueTable(store.runTags, store.tagsByRun);
    }

    @Override
    public Page<RunMatch> search(Collection<UUID> experimentIds, RunQuery query) {
        store.reading();
        Comparator<RunPosition> order = query.order();
        List<RunMatch> matches = new ArrayList<>();
        for (UUID experimentId : new LinkedHashSet<>(experimentIds)) {
            for (Run run : store.runsByExperiment.of(experimentId).values()) {
                FoundRun found = new FoundRun(run, MemoryMetrics.latestPoints(store, run.id()), params.of(run.id()), tags.of(run.id()));
                if (!query.selects(found)) {
                    continue;
                }
                RunPosition position = RunPosition.of(found, query.orderBy());
                if (query.after() == null || order.compare(position, query.after()) > 0) {
                    matches.add(new RunMatch(run, position));
                }
            }
        }
        matches.sort(Comparator.comparing(RunMatch::position, order));
        return Page.ofOneExtra(matches.subList(0, Math.min(matches.size(), query.maxResults() + 1)),
                query.maxResults());
    }

    @Override
    public Map<UUID, SortedMap<String, MetricPoint>> latestMetrics(Collection<UUID> runIds) {
        store.reading();
        Map<UUID, SortedMap<String, MetricPoint>> latest = new HashMap<>();
        for (UUID runId : runIds) {
            SortedMap<String, MetricPoint> ofRun = MemoryMetrics.latestPoints(store, runId);
            if (!ofRun.isEmpty()) {
                latest.put(runId, ofRun);
            }
        }
        return latest;
    }
}
