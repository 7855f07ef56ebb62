package dev.mlledger.application.experiment;

import dev.mlledger.domain.experiment.search.RunPage;
import dev.mlledger.domain.experiment.search.RunQuery;

import java.util.Collection;
import java.util.UUID;

/**
 * Use case: search the runs of some experiments with MLflow's filter grammar, a page at a time, each run with its
 * latest metrics, params and tags. Experiments that do not exist have no runs to find.
 */
public interface SearchRuns {

    /** The page size of /api/v1 when none is asked for (MLflow's clients ask for theirs). */
    int DEFAULT_LIMIT = 100;

    RunPage search(Collection<UUID> experimentIds, RunQuery query);
}
