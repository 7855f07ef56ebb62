package dev.mlledger.application.testing;

import dev.mlledger.domain.experiment.Lifecycle;
import dev.mlledger.domain.experiment.Run;
import dev.mlledger.domain.experiment.RunStatus;
import dev.mlledger.domain.experiment.Runs;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** Runs in a map, in the order they were added; can let "another client" end a run just before this one does. */
public final class InMemoryRuns implements Runs {

    private final Map<UUID, Run> stored = new LinkedHashMap<>();
    private final List<UUID> lockedForLogging = new ArrayList<>();
    private Run endedByAnotherClient;

    @Override
    public void addAll(List<Run> runs) {
        for (Run run : runs) {
            if (stored.containsKey(run.id())) {
                throw new IllegalStateException("duplicate run id " + run.id());
            }
        }
        runs.forEach(run -> stored.put(run.id(), run));
    }

    @Override
    public Optional<Run> find(UUID id) {
        return Optional.ofNullable(stored.get(id));
    }

    @Override
    public List<Run> ofExperiment(UUID experimentId) {
        return stored.values().stream().filter(run -> run.experimentId().equals(experimentId)).toList();
    }

    @Override
    public boolean endIfRunning(Run ended) {
        if (endedByAnotherClient != null) {
            stored.put(endedByAnotherClient.id(), endedByAnotherClient);
            endedByAnotherClient = null;
        }
        Run current = stored.get(ended.id());
        if (current == null || current.status() != RunStatus.RUNNING) {
            return false;
        }
        stored.put(ended.id(), ended);
        return true;
    }

    @Override
    public Optional<Run> findForLogging(UUID runId) {
        lockedForLogging.add(runId);
        return find(runId);
    }

    @Override
    public boolean rename(UUID runId, String name) {
        return stored.computeIfPresent(runId, (id, run) -> run.withName(name)) != null;
    }

    @Override
    public boolean setLifecycle(UUID runId, Lifecycle lifecycle) {
        return stored.computeIfPresent(runId, (id, run) -> run.withLifecycle(lifecycle)) != null;
    }

    /** The next {@link #endIfRunning} finds this run ended already, as if another client had just ended it. */
    public void letAnotherClientEndFirst(Run endedByAnother) {
        this.endedByAnotherClient = endedByAnother;
    }

    /** The run ids read for logging, in order. */
    public List<UUID> lockedForLogging() {
        return List.copyOf(lockedForLogging);
    }

    public List<Run> all() {
        return List.copyOf(stored.values());
    }

    void removeOfExperiment(UUID experimentId) {
        stored.values().removeIf(run -> run.experimentId().equals(experimentId));
    }
}
