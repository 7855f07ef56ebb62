package dev.mlledger.application.health;

import dev.mlledger.domain.storage.StorageStatus;

import java.util.Objects;

/**
 * The service's health: up when every dependency it needs is up.
 *
 * @param storage what the data store said
 */
public record HealthReport(StorageStatus storage) {

    public HealthReport {
        Objects.requireNonNull(storage, "storage");
    }

    public boolean up() {
        return storage.up();
    }
}
