package dev.mlledger.application.testing;

import dev.mlledger.domain.experiment.ConcurrentUpdate;
import dev.mlledger.domain.experiment.Experiment;
import dev.mlledger.domain.experiment.ExperimentFilter;
import dev.mlledger.domain.experiment.ExperimentStatus;
import dev.mlledger.domain.experiment.ExperimentSummary;
import dev.mlledger.domain.experiment.Experiments;
import dev.mlledger.domain.paging.Keyset;
import dev.mlledger.domain.paging.Page;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** Experiments in a map; versions checked on update like the real stores do; run counts from an {@link InMemoryRuns}. */
public final class InMemoryExperiments implements Experiments {

    private static final Comparator<Experiment> NEWEST_FIRST = Comparator.comparing(Experiment::createdAt)
            .thenComparing(Experiment::id).reversed();

    private final Map<UUID, Experiment> stored = new LinkedHashMap<>();
    private final InMemoryRuns runs;
    private final List<UUID> lockedForUpdate = new ArrayList<>();
    private final List<String> claimedNames = new ArrayList<>();
    private int updates;
    private long nextNumber = Experiment.DEFAULT_NUMBER + 1;

    public InMemoryExperiments(InMemoryRuns runs) {
        this.runs = runs;
    }

    @Override
    public Experiment add(Experiment experiment) {
        Experiment numbered = experiment.numbered(nextNumber++);
        if (stored.putIfAbsent(experiment.id(), numbered) != null) {
            throw new IllegalStateException("duplicate experiment id " + experiment.id());
        }
        return numbered;
    }

    @Override
    public Optional<Experiment> findByNumber(long number) {
        return stored.values().stream().filter(e -> e.number() == number).findFirst();
    }

    @Override
    public Optional<Experiment> findByName(String name) {
        return stored.values().stream().filter(e -> e.name().equals(name))
                .min(Comparator.comparing(Experiment::isDeleted).thenComparing(NEWEST_FIRST));
    }

    @Override
    public boolean claimName(String name) {
        claimedNames.add(name);
        return stored.values().stream().anyMatch(e -> e.name().equals(name));
    }

    @Override
    public Optional<Experiment> find(UUID id) {
        return Optional.ofNullable(stored.get(id));
    }

    @Override
    public Optional<Experiment> findForUpdate(UUID id) {
        lockedForUpdate.add(id);
        return find(id);
    }

    @Override
    public Experiment update(Experiment changed) {
        Experiment current = stored.get(changed.id());
        if (current == null || current.version() != changed.version()) {
            throw new ConcurrentUpdate("experiment " + changed.id());
        }
        Experiment next = new Experiment(changed.id(), current.number(), changed.name(), current.owner(),
                changed.description(), changed.status(), changed.lifecycle(), current.createdAt(),
                changed.version() + 1);
        stored.put(next.id(), next);
        updates++;
        return next;
    }

    @Override
    public boolean delete(UUID id) {
        if (stored.remove(id) == null) {
            return false;
        }
        runs.removeOfExperiment(id);
        return true;
    }

    @Override
    public Page<ExperimentSummary> list(ExperimentFilter filter, Keyset after, int limit) {
        List<ExperimentSummary> fetched = stored.values().stream()
                .filter(filter::selects)
                .filter(e -> after == null || NEWEST_FIRST.compare(e, keyOf(after)) > 0)
                .sorted(NEWEST_FIRST)
                .limit(limit + 1L)
                .map(e -> new ExperimentSummary(e, runs.ofExperiment(e.id()).size()))
                .toList();
        return Page.ofOneExtra(fetched, limit);
    }

    /** Stores an experiment as it is, version included (a fixture, not a use of the port). */
    public void put(Experiment experiment) {
        stored.put(experiment.id(), experiment);
    }

    /** The names claimed with {@link #claimName}, in order. */
    public List<String> claimedNames() {
        return List.copyOf(claimedNames);
    }

    /** The ids asked for with {@link #findForUpdate}, in order. */
    public List<UUID> lockedForUpdate() {
        return List.copyOf(lockedForUpdate);
    }

    /** How many updates were stored. */
    public int updates() {
        return updates;
    }

    public List<Experiment> all() {
        return List.copyOf(stored.values());
    }

    private static Experiment keyOf(Keyset keyset) {
        return new Experiment(keyset.id(), "key", "key", null, ExperimentStatus.CREATED, keyset.createdAt(), 0);
    }
}
