package dev.mlledger.application.experiment;

import dev.mlledger.domain.experiment.ExperimentFilter;
import dev.mlledger.domain.experiment.ExperimentSummary;
import dev.mlledger.domain.experiment.Experiments;
import dev.mlledger.domain.experiment.Runs;
import dev.mlledger.domain.paging.Keyset;
import dev.mlledger.domain.paging.Page;
import dev.mlledger.domain.paging.PageLimit;
import dev.mlledger.domain.transaction.UnitOfWork;
import dev.mlledger.domain.validation.NotFound;

import java.util.UUID;

public final class FindExperimentsService implements FindExperiments {

    private final Experiments experiments;
    private final Runs runs;
    private final UnitOfWork unitOfWork;

    public FindExperimentsService(Experiments experiments, Runs runs, UnitOfWork unitOfWork) {
        this.experiments = experiments;
        this.runs = runs;
        this.unitOfWork = unitOfWork;
    }

    @Override
    public Page<ExperimentSummary> list(ExperimentFilter filter, Keyset after, PageLimit limit) {
        return unitOfWork.read(() -> experiments.list(filter, after, limit.value()));
    }

    @Override
    public ExperimentWithRuns byId(UUID id) {
        return unitOfWork.read(() -> experiments.find(id)
                        .map(experiment -> new ExperimentWithRuns(experiment, runs.ofExperiment(id))))
                .orElseThrow(() -> new NotFound("experiment " + id));
    }
}
