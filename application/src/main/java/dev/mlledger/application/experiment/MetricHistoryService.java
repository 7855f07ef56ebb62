package dev.mlledger.application.experiment;

import dev.mlledger.domain.experiment.MetricKey;
import dev.mlledger.domain.experiment.MetricPoint;
import dev.mlledger.domain.experiment.Metrics;
import dev.mlledger.domain.experiment.Runs;
import dev.mlledger.domain.paging.Page;
import dev.mlledger.domain.paging.PageLimit;
import dev.mlledger.domain.transaction.UnitOfWork;
import dev.mlledger.domain.validation.NotFound;

import java.util.UUID;

public final class MetricHistoryService implements MetricHistory {

    private final Runs runs;
    private final Metrics metrics;
    private final UnitOfWork unitOfWork;

    public MetricHistoryService(Runs runs, Metrics metrics, UnitOfWork unitOfWork) {
        this.runs = runs;
        this.metrics = metrics;
        this.unitOfWork = unitOfWork;
    }

    @Override
    public Page<MetricPoint> history(UUID runId, String name, MetricKey after, PageLimit limit) {
        return unitOfWork.read(() -> {
            if (runs.find(runId).isEmpty()) {
                throw new NotFound("run " + runId);
            }
            return metrics.history(runId, name, after, limit.value());
        });
    }
}
