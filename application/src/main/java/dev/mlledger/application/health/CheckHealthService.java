package dev.mlledger.application.health;

import dev.mlledger.domain.storage.StorageHealth;

import java.util.Objects;

public final class CheckHealthService implements CheckHealth {

    private final StorageHealth storage;

    public CheckHealthService(StorageHealth storage) {
        this.storage = Objects.requireNonNull(storage, "storage");
    }

    @Override
    public HealthReport check() {
        return new HealthReport(storage.check());
    }
}
