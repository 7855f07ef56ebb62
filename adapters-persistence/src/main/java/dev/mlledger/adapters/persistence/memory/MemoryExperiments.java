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
    public Experiment add(Experiment experiment) {
        MemoryTransaction transaction = store.writing();
        Experiment numbered = experiment.numbered(store.nextExperimentNumber++);
        store.experiments.insert(transaction, numbered);
        return numbered;
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

    @Override
    public Optional<Experiment> findByNumber(long number) {
        store.reading();
        return Optional.ofNullable(store.experimentsByNumber.rows().get(number));
    }

    /** Newest first: the first active one of the name, else the first deleted one. */
    @Override
    public Optional<Experiment> findByName(String name) {
        store.reading();
        Experiment newestDeleted = null;
        for (Experiment experiment : store.experimentsByCreation.rows().descendingMap().values()) {
            if (experiment.name().equals(name)) {
                if (!experiment.isDeleted()) {
                    return Optional.of(experiment);
                }
                newestDeleted = newestDeleted == null ? experiment : newestDeleted;
            }
        }
        return Optional.ofNullable(newestDeleted);
    }

    /** A writing unit of work runs alone: no other one can add the name before this one ends. */
    @Override
    public boolean claimName(String name) {
        store.writing();
        return store.experimentsByCreation.rows().values().stream().anyMatch(e -> e.name().equals(name));
    }

    /** Changes name, description, status and lifecycle only, as the JDBC adapter's UPDATE does in effect. */
    @Override
    public Experiment update(Experiment changed) {
        MemoryTransaction transaction = store.writing();
        Experiment stored = store.experiments.find(changed.id())
                .filter(experiment -> experiment.version() == changed.version())
                .orElseThrow(() -> new ConcurrentUpdate("experiment " + changed.id()));
        Experiment updated = new Experiment(stored.id(), stored.number(), changed.name(), stored.owner(),
                changed.description(), changed.status(), changed.lifecycle(), stored.createdAt(), stored.version() + 1);
        store.experiments.replace(transaction, updated);
        return updated;
    }

    @Override
    public boolean delete(UUID id) {
        MemoryTransaction transaction = store.writing();
        if (!store.experiments.contains(id)) {
            return false;
        }
        // the cascade of the foreign keys: the experiment's tags, its runs, and their points, params and tags
        for (String key : List.copyOf(store.tagsByExperiment.of(id).keySet())) {
            store.experimentTags.delete(transaction, new StoredValue.Key(id, key));
        }
        for (Run run : List.copyOf(store.runsByExperiment.of(id).values())) {
            for (MetricKey point : List.copyOf(store.metricsByRun.of(run.id()).keySet())) {
                store.metrics.delete(transaction, new StoredMetric.Key(run.id(), point.name(), point.step()));
            }
            for (String key : List.copyOf(store.paramsByRun.of(run.id()).keySet())) {
                store.params.delete(transaction, new StoredValue.Key(run.id(), key));
            }
            for (String key : List.copyOf(store.tagsByRun.of(run.id()).keySet())) {
                store.runTags.delete(transaction, new StoredValue.Key(run.id(), key));
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
            if (filter.selects(experiment)) {
                fetched.add(new ExperimentSummary(experiment, store.runsByExperiment.of(experiment.id()).size()));
                if (fetched.size() > limit) {
                    break;
                }
            }
        }
        return Page.ofOneExtra(fetched, limit);
    }
}
