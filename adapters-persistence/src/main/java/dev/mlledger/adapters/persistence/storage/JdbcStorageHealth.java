package dev.mlledger.adapters.persistence.storage;

import dev.mlledger.domain.storage.StorageHealth;
import dev.mlledger.domain.storage.StorageStatus;
import io.micronaut.context.annotation.Requires;
import io.micronaut.data.connection.jdbc.advice.DelegatingDataSource;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.SQLException;

/** Asks PostgreSQL, through the pool, whether it answers. */
@Singleton
@Requires(property = "mlledger.persistence.adapter", value = "jdbc", defaultValue = "jdbc")
public class JdbcStorageHealth implements StorageHealth {

    private static final Logger LOG = LoggerFactory.getLogger(JdbcStorageHealth.class);
    private static final int VALIDATION_TIMEOUT_SECONDS = 2;

    private final DataSource dataSource;

    public JdbcStorageHealth(DataSource dataSource) {
        // the injected DataSource only hands out the current transaction's connection; health runs outside one
        this.dataSource = DelegatingDataSource.unwrapDataSource(dataSource);
    }

    @Override
    public StorageStatus check() {
        try (Connection connection = dataSource.getConnection()) {
            if (!connection.isValid(VALIDATION_TIMEOUT_SECONDS)) {
                return StorageStatus.down("database did not answer");
            }
            DatabaseMetaData meta = connection.getMetaData();
            return StorageStatus.up(meta.getDatabaseProductName() + " " + meta.getDatabaseProductVersion());
        } catch (SQLException | RuntimeException e) {
            LOG.warn("Database health check failed: {}", e.getMessage());
            return StorageStatus.down("database unreachable");
        }
    }
}
