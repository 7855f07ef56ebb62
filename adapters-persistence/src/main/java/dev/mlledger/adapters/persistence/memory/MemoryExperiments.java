package dev.mlledger.adapters.persistence.memory;

import dev.mlledger.domain.experiment.ConcurrentUpdate;
import dev.mlledger.domain.experiment.Experiment;
import dev.mlledger.domain.experiment.ExperimentFilter;
import dev.mlledger.domain.experiment.ExperimentSummary;
import dev.mlledger.domain.experiment.Experiments;
import dev.mlledger.domain.experiment.MetricKey;
import dev.mlledger.domain.experiment.Run;
import dev.mlledger.domain.paging.Keyset;
import dev.mlledger.domain.paging.Page;
import io.micronaut.context.annotation.Requires;
import jakarta.inject.Singleton;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Experiments in the {@link MemoryStore}. */
@Singleton
@Requires(property = "mlledger.persistence.adapter", value = "memory")
public class MemoryExperiments implements Experiments {

    private final MemoryStore store;

    public MemoryExperiments(MemoryStore store) {
        this.store = store;
    }

    @Override
    public void add(Experiment experiment) {
        store.experiments.insert(store.writing(), experiment);
    }

    @Override
    public Optional<Experiment> find(UUID id) {
        store.reading();
        return store.experiments.find(id);
    }

    /** A writing unit of work runs alone, so what it read stays as it was until it ends. */
    @Override
    public Optional<Experiment> findForUpdate(UUID id) {
        store.writing();
        return store.experiments.find(id);
    }

    /** Changes description and status only, as the JDBC adapter's UPDATE does. */
    @Override
    public Experiment update(Experiment changed) {
        MemoryTransaction transaction = store.writing();
        Experiment stored = store.experiments.find(changed.id())
                .filter(experiment -> experiment.version() == changed.version())
                .orElseThrow(() -> new ConcurrentUpdate("experiment " + changed.id()));
        store.experiments.replace(transaction, new Experiment(stored.id(), stored.name(), stored.owner(),
                changed.description(), changed.status(), stored.createdAt(), stored.version() + 1));
        return new Experiment(changed.id(), changed.name(), changed.owner(), changed.description(), changed.status(),
                changed.createdAt(), changed.version() + 1);
    }

    @Override
    public boolean delete(UUID id) {
        MemoryTransaction transaction = store.writing();
        if (!store.experiments.contains(id)) {
            return false;
        }
        // the cascade of the foreign keys: the experiment's runs, and their metric points
        for (Run run : List.copyOf(store.runsByExperiment.of(id).values())) {
            for (MetricKey point : List.copyOf(store.metricsByRun.of(run.id()).keySet())) {
                store.metrics.delete(transaction, new StoredMetric.Key(run.id(), point.name(), point.step()));
            }
            store.runs.delete(transaction, run.id());
        }
        store.experiments.delete(transaction, id);
        return true;
    }

    @Override
    public Page<ExperimentSummary> list(ExperimentFilter filter, Keyset after, int limit) {
        store.reading();
        List<ExperimentSummary> fetched = new ArrayList<>();
        for (Experiment experiment : TimeKey.between(store.experimentsByCreation.rows(), null,
                after == null ? null : TimeKey.of(after)).descendingMap().values()) {
            if ((filter.owner() == null || filter.owner().equals(experiment.owner()))
                    && (filter.status() == null || filter.status() == experiment.status())) {
                fetched.add(new ExperimentSummary(experiment, store.runsByExperiment.of(experiment.id()).size()));
                if (fetched.size() > limit) {
                    break;
                }
            }
        }
        return Page.ofOneExtra(fetched, limit);
    }
}
