package dev.mlledger.application.experiment;

import dev.mlledger.domain.experiment.Experiment;
import dev.mlledger.domain.experiment.ExperimentFilter;
import dev.mlledger.domain.experiment.ExperimentSummary;
import dev.mlledger.domain.experiment.Experiments;
import dev.mlledger.domain.experiment.Runs;
import dev.mlledger.domain.experiment.Tags;
import dev.mlledger.domain.paging.Keyset;
import dev.mlledger.domain.paging.Page;
import dev.mlledger.domain.paging.PageLimit;
import dev.mlledger.domain.transaction.UnitOfWork;
import dev.mlledger.domain.validation.NotFound;

import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;

public final class FindExperimentsService implements FindExperiments {

    private final Experiments experiments;
    private final Runs runs;
    private final Tags tags;
    private final UnitOfWork unitOfWork;

    public FindExperimentsService(Experiments experiments, Runs runs, Tags tags, UnitOfWork unitOfWork) {
        this.experiments = experiments;
        this.runs = runs;
        this.tags = tags;
        this.unitOfWork = unitOfWork;
    }

    @Override
    public Page<ExperimentSummary> list(ExperimentFilter filter, Keyset after, PageLimit limit) {
        return unitOfWork.read(() -> experiments.list(filter, after, limit.value()));
    }

    @Override
    public ExperimentWithRuns byId(UUID id) {
        return withRuns(() -> experiments.find(id), "experiment " + id);
    }

    @Override
    public ExperimentWithRuns byNumber(long number) {
        return withRuns(() -> experiments.findByNumber(number), "experiment number " + number);
    }

    @Override
    public ExperimentWithRuns byName(String name) {
        return withRuns(() -> experiments.findByName(name), "experiment named '" + name + "'");
    }

    /** Three statements whatever the number of runs: the experiment, its runs, its tags. */
    private ExperimentWithRuns withRuns(Supplier<Optional<Experiment>> lookup, String what) {
        return unitOfWork.read(() -> lookup.get().map(experiment -> new ExperimentWithRuns(experiment,
                        runs.ofExperiment(experiment.id()), tags.ofExperiment(experiment.id()))))
                .orElseThrow(() -> new NotFound(what));
    }
}
