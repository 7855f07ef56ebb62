package dev.mlledger.adapters.persistence.memory;

import dev.mlledger.domain.experiment.Lifecycle;
import dev.mlledger.domain.experiment.Run;
import dev.mlledger.domain.experiment.RunStatus;
import dev.mlledger.domain.experiment.Runs;
import io.micronaut.context.annotation.Requires;
import jakarta.inject.Singleton;

import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.UnaryOperator;

/** Runs in the {@link MemoryStore}. */
@Singleton
@Requires(property = "mlledger.persistence.adapter", value = "memory")
public class MemoryRuns implements Runs {

    private final MemoryStore store;

    public MemoryRuns(MemoryStore store) {
        this.store = store;
    }

    @Override
    public void addAll(List<Run> runs) {
        MemoryTransaction transaction = store.writing();
        for (Run run : runs) {
            if (!store.experiments.contains(run.experimentId())) {
                throw transaction.refuse("run " + run.id() + " names experiment " + run.experimentId()
                        + ", which does not exist");
            }
            store.runs.insert(transaction, run);
        }
    }

    @Override
    public Optional<Run> find(UUID id) {
        store.reading();
        return store.runs.find(id);
    }

    @Override
    public List<Run> ofExperiment(UUID experimentId) {
        store.reading();
        return List.copyOf(store.runsByExperiment.of(experimentId).values());
    }

    /**
     * Sets status and end time only, as the JDBC adapter's conditional UPDATE does. Writing units of work run one at
     * a time, so of two that end the same run the second finds it ended already.
     */
    @Override
    public boolean endIfRunning(Run ended) {
        MemoryTransaction transaction = store.writing();
        Optional<Run> stored = store.runs.find(ended.id()).filter(run -> run.status() == RunStatus.RUNNING);
        stored.ifPresent(run -> store.runs.replace(transaction, new Run(run.id(), run.experimentId(), run.name(),
                run.owner(), ended.status(), run.lifecycle(), run.startedAt(), ended.endedAt(), run.seed())));
        return stored.isPresent();
    }

    /** A writing unit of work runs alone, so the run cannot end before this one does. */
    @Override
    public Optional<Run> findForLogging(UUID runId) {
        store.writing();
        return store.runs.find(runId);
    }

    @Override
    public boolean rename(UUID runId, String name) {
        return change(runId, run -> run.withName(name));
    }

    @Override
    public boolean setLifecycle(UUID runId, Lifecycle lifecycle) {
        return change(runId, run -> run.withLifecycle(lifecycle));
    }

    private boolean change(UUID runId, UnaryOperator<Run> change) {
        MemoryTransaction transaction = store.writing();
        Optional<Run> stored = store.runs.find(runId);
        stored.ifPresent(run -> store.runs.replace(transaction, change.apply(run)));
        return stored.isPresent();
    }
}
