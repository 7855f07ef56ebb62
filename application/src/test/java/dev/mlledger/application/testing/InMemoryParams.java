package dev.mlledger.application.testing;

import dev.mlledger.domain.experiment.Param;
import dev.mlledger.domain.experiment.ParamAlreadyLogged;
import dev.mlledger.domain.experiment.Params;

import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.UUID;

/** Params per run in maps; a key logged again with another value is refused, as the real stores refuse it. */
public final class InMemoryParams implements Params {

    private final Map<UUID, SortedMap<String, String>> stored = new HashMap<>();
    private int calls;

    @Override
    public void addAll(UUID runId, Collection<Param> params) {
        calls++;
        SortedMap<String, String> ofRun = stored.computeIfAbsent(runId, id -> new TreeMap<>());
        for (Param param : params) {
            String earlier = ofRun.get(param.key());
            if (earlier != null && !earlier.equals(param.value())) {
                throw new ParamAlreadyLogged(runId, param.key());
            }
        }
        params.forEach(param -> ofRun.put(param.key(), param.value()));
    }

    @Override
    public SortedMap<String, String> ofRun(UUID runId) {
        return new TreeMap<>(stored.getOrDefault(runId, new TreeMap<>()));
    }

    @Override
    public Map<UUID, SortedMap<String, String>> ofRuns(Collection<UUID> runIds) {
        Map<UUID, SortedMap<String, String>> found = new HashMap<>();
        runIds.stream().filter(id -> stored.containsKey(id) && !stored.get(id).isEmpty())
                .forEach(id -> found.put(id, ofRun(id)));
        return found;
    }

    /** How many times {@link #addAll} was called: a batch is one call whatever its size. */
    public int calls() {
        return calls;
    }
}
