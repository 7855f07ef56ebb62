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

import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
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

    @Override
    public ExperimentWithTags taggedByNumber(long number) {
        return tagged(() -> experiments.findByNumber(number), "experiment number " + number);
    }

    @Override
    public ExperimentWithTags taggedByName(String name) {
        return tagged(() -> experiments.findByName(name), "experiment named '" + name + "'");
    }

    @Override
    public Map<UUID, Experiment> byIds(Collection<UUID> ids) {
        return unitOfWork.read(() -> {
            Map<UUID, Experiment> found = new HashMap<>();
            for (UUID id : new HashSet<>(ids)) {
                experiments.find(id).ifPresent(experiment -> found.put(id, experiment));
            }
            return found;
        });
    }

    private ExperimentWithTags tagged(Supplier<Optional<Experiment>> lookup, String what) {
        return unitOfWork.read(() -> lookup.get()
                        .map(experiment -> new ExperimentWithTags(experiment, tags.ofExperiment(experiment.id()))))
                .orElseThrow(() -> new NotFound(what));
    }

    /** Three statements whatever the number of runs: the experiment, its runs, its tags. */
    private ExperimentWithRuns withRuns(Supplier<Optional<Experiment>> lookup, String what) {
        return unitOfWork.read(() -> lookup.get().map(experiment -> new ExperimentWithRuns(experiment,
                        runs.ofExperiment(experiment.id()), tags.ofExperiment(experiment.id()))))
                .orElseThrow(() -> new NotFound(what));
    }
}
