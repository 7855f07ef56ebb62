package dev.mlledger.application.experiment;

import dev.mlledger.domain.experiment.Metrics;
import dev.mlledger.domain.experiment.Runs;
import dev.mlledger.domain.transaction.UnitOfWork;
import dev.mlledger.domain.validation.NotFound;

import java.util.UUID;

public final class FindRunService implements FindRun {

    private final Runs runs;
    private final Metrics metrics;
    private final UnitOfWork unitOfWork;

    public FindRunService(Runs runs, Metrics metrics, UnitOfWork unitOfWork) {
        this.runs = runs;
        this.metrics = metrics;
        this.unitOfWork = unitOfWork;
    }

    @Override
    public RunWithLatestMetrics byId(UUID id) {
        return unitOfWork.read(() -> runs.find(id).map(run -> new RunWithLatestMetrics(run, metrics.latest(id))))
                .orElseThrow(() -> new NotFound("run " + id));
    }
}
