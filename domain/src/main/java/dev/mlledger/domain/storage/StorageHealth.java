package dev.mlledger.domain.storage;

/**
 * Driven port: tells whether the store that keeps mlledger's data answers right now.
 * Implementations must answer quickly and never throw.
 */
public interface StorageHealth {

    StorageStatus check();
}
