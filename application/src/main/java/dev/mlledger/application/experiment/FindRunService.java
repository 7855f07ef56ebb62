package dev.mlledger.application.experiment;

import dev.mlledger.domain.experiment.Metrics;
import dev.mlledger.domain.experiment.Params;
import dev.mlledger.domain.experiment.Runs;
import dev.mlledger.domain.experiment.Tags;
import dev.mlledger.domain.transaction.UnitOfWork;
import dev.mlledger.domain.validation.NotFound;

import java.util.UUID;

public final class FindRunService implements FindRun {

    private final Runs runs;
    private final Metrics metrics;
    private final Params params;
    private final Tags tags;
    private final UnitOfWork unitOfWork;

    public FindRunService(Runs runs, Metrics metrics, Params params, Tags tags, UnitOfWork unitOfWork) {
        this.runs = runs;
        this.metrics = metrics;
        this.params = params;
        this.tags = tags;
        this.unitOfWork = unitOfWork;
    }

    @Override
    public RunDetails byId(UUID id) {
        return unitOfWork.read(() -> runs.find(id).map(run -> new RunDetails(run, metrics.latest(id),
                        params.ofRun(id), tags.ofRun(id))))
                .orElseThrow(() -> new NotFound("run " + id));
    }
}
