package dev.mlledger.adapters.persistence.storage;

import dev.mlledger.adapters.persistence.testing.FreshDatabaseTest;
import dev.mlledger.adapters.persistence.testing.TestPostgres;
import dev.mlledger.domain.storage.StorageHealth;
import dev.mlledger.domain.storage.StorageStatus;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

@MicronautTest(transactional = false, startApplication = false)
class JdbcStorageHealthWhenDatabaseGoesAwayTest extends FreshDatabaseTest {

    @Inject
    StorageHealth storageHealth;

    @Override
    protected Map<String, String> settings() {
        return Map.of("datasources.default.connection-timeout", "1000");
    }

    @Test
    void a_database_that_went_away_is_down_with_a_reason_that_names_no_internals() {
        assertTrue(storageHealth.check().up());

        TestPostgres.get().execute("DROP DATABASE " + database.name() + " WITH (FORCE)");
        StorageStatus status = storageHealth.check();

        assertFalse(status.up());
        assertEquals("database unreachable", status.description());
    }
}
