package dev.mlledger.bootstrap;

import dev.mlledger.application.health.CheckHealth;
import dev.mlledger.application.health.CheckHealthService;
import dev.mlledger.domain.storage.StorageHealth;
import io.micronaut.context.annotation.Factory;
import jakarta.inject.Singleton;

/** Builds the application's use cases from the driven ports, so domain and application stay annotation-free. */
@Factory
public class UseCaseFactory {

    @Singleton
    CheckHealth checkHealth(StorageHealth storageHealth) {
        return new CheckHealthService(storageHealth);
    }
}
