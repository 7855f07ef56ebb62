package dev.mlledger.adapters.persistence.memory;

import dev.mlledger.domain.storage.StorageHealth;
import dev.mlledger.domain.storage.StorageStatus;
import io.micronaut.context.annotation.Requires;
import jakarta.inject.Singleton;

/** The in-memory store lives in the service's own JVM: while the service answers, so does the store. */
@Singleton
@Requires(property = "mlledger.persistence.adapter", value = "memory")
public class MemoryStorageHealth implements StorageHealth {

    private static final StorageStatus UP = StorageStatus.up("in-memory store");

    public MemoryStorageHealth(MemoryStore store) {
        // built like every memory adapter, from the store, though it has nothing to ask it
    }

    @Override
    public StorageStatus check() {
        return UP;
    }
}
