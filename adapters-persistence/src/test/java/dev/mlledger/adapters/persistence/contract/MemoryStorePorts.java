package dev.mlledger.adapters.persistence.contract;

import dev.mlledger.adapters.persistence.memory.MemoryApiTokens;
import dev.mlledger.adapters.persistence.memory.MemoryExperiments;
import dev.mlledger.adapters.persistence.memory.MemoryIdempotencyKeys;
import dev.mlledger.adapters.persistence.memory.MemoryMetrics;
import dev.mlledger.adapters.persistence.memory.MemoryParams;
import dev.mlledger.adapters.persistence.memory.MemoryPredictions;
import dev.mlledger.adapters.persistence.memory.MemoryRequestLog;
import dev.mlledger.adapters.persistence.memory.MemoryRunSearch;
import dev.mlledger.adapters.persistence.memory.MemoryRuns;
import dev.mlledger.adapters.persistence.memory.MemoryStore;
import dev.mlledger.adapters.persistence.memory.MemoryTags;
import dev.mlledger.adapters.persistence.memory.MemoryUnitOfWork;
import dev.mlledger.domain.contract.StoragePorts;

/** The in-memory adapter's ports on a new, empty store, for the contract suites. */
final class MemoryStorePorts {

    private MemoryStorePorts() {
    }

    static StoragePorts empty() {
        MemoryStore store = new MemoryStore();
        return new StoragePorts(new MemoryUnitOfWork(store), new MemoryPredictions(store), new MemoryRequestLog(store),
                new MemoryExperiments(store), new MemoryRuns(store), new MemoryMetrics(store), new MemoryParams(store),
                new MemoryTags(store), new MemoryApiTokens(store), new MemoryIdempotencyKeys(store),
                new MemoryRunSearch(store));
    }
}
