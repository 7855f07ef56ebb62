package dev.mlledger.application.experiment;

import dev.mlledger.domain.experiment.MetricKey;
import dev.mlledger.domain.experiment.MetricPoint;
import dev.mlledger.domain.paging.Page;
import dev.mlledger.domain.paging.PageLimit;

import java.util.UUID;

/** Use case: a run's metric points, ordered by name then step, a page at a time. */
public interface MetricHistory {

    int DEFAULT_LIMIT = 10_000;
    int MAX_LIMIT = 25_000;

    /** @throws dev.mlledger.domain.validation.NotFound when there is no such run */
    Page<MetricPoint> history(UUID runId, String name, MetricKey after, PageLimit limit);
}
