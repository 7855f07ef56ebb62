package dev.mlledger.adapters.persistence.memory;

import dev.mlledger.domain.experiment.Param;
import dev.mlledger.domain.experiment.ParamAlreadyLogged;
import dev.mlledger.domain.experiment.Params;
import io.micronaut.context.annotation.Requires;
import jakarta.inject.Singleton;

import java.util.Collection;
import java.util.Map;
import java.util.SortedMap;
import java.util.UUID;

/** Params in the {@link MemoryStore}, one per run and key, never changed once written. */
@Singleton
@Requires(property = "mlledger.persistence.adapter", value = "memory")
public class MemoryParams implements Params {

    private final MemoryStore store;
    private final KeyValueTable params;

    public MemoryParams(MemoryStore store) {
        this.store = store;
        this.params = new KeyValueTable(store.params, store.paramsByRun);
    }

    @Override
    public void addAll(UUID runId, Collection<Param> given) {
        MemoryTransaction transaction = store.writing();
        if (!store.runs.contains(runId)) {
            throw transaction.refuse("params name run " + runId + ", which does not exist");
        }
        KeyValueTable.requireDistinct(transaction, given.stream().map(Param::key).toList(), "param");
        for (Param param : given) {
            String stored = params.valueOf(runId, param.key());
            if (stored == null) {
                params.put(transaction, new StoredValue(runId, param.key(), param.value()));
            } else if (!stored.equals(param.value())) {
                throw new ParamAlreadyLogged(runId, param.key());
            }
        }
    }

    @Override
    public SortedMap<String, String> ofRun(UUID runId) {
        store.reading();
        return params.of(runId);
    }

    @Override
    public Map<UUID, SortedMap<String, String>> ofRuns(Collection<UUID> runIds) {
        store.reading();
        return params.ofAll(runIds);
    }
}
