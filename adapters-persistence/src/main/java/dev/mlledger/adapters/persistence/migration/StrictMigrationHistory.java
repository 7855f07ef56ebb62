package dev.mlledger.adapters.persistence.migration;

import io.micronaut.context.annotation.Requires;
import io.micronaut.flyway.FlywayConfigurationCustomizer;
import jakarta.inject.Named;
import jakarta.inject.Singleton;
import org.flywaydb.core.api.configuration.FluentConfiguration;

/**
 * Flyway by default tolerates a database migrated by a newer build ("future" versions). mlledger does not: a
 * history that does not match this build's scripts, in any direction, stops the start-up.
 */
@Singleton
@Requires(property = "mlledger.persistence.adapter", value = "jdbc", defaultValue = "jdbc")
@Named("default")
public class StrictMigrationHistory implements FlywayConfigurationCustomizer {

    @Override
    public void customizeFluentConfiguration(FluentConfiguration configuration) {
        configuration.ignoreMigrationPatterns(new String[0]);
    }

    @Override
    public String getName() {
        return "default";
    }
}
