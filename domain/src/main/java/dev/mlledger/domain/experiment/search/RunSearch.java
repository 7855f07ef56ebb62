package dev.mlledger.domain.experiment.search;

import dev.mlledger.domain.experiment.MetricPoint;
import dev.mlledger.domain.paging.Page;

import java.util.Collection;
import java.util.Map;
import java.util.SortedMap;
import java.util.UUID;

/**
 * Driven port: run search in MLflow's grammar. Call it inside a {@code UnitOfWork}. What a query selects and how it
 * orders is defined once, by {@link RunQuery#selects} and {@link RunQuery#order}; a store answers exactly that.
 */
public interface RunSearch {

    /**
     * The runs of the experiments that the query selects, in its order, starting strictly after its position: at
     * most {@code maxResults} of them and whether more follow, each with its position as the statement that found
     * it saw it (so the next page starts exactly there, whatever changes meanwhile).
     */
    Page<RunMatch> search(Collection<UUID> experimentIds, RunQuery query);

    /**
     * For each of the runs, its point at the highest step of each of its metrics, by name (a run without
     * metrics is left out); in one statement.
     */
    Map<UUID, SortedMap<String, MetricPoint>> latestMetrics(Collection<UUID> runIds);
}
