package dev.mlledger.adapters.persistence.storage;

import dev.mlledger.adapters.persistence.testing.FreshDatabaseTest;
import dev.mlledger.domain.storage.StorageHealth;
import dev.mlledger.domain.storage.StorageStatus;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertTrue;

@MicronautTest(transactional = false, startApplication = false)
class JdbcStorageHealthTest extends FreshDatabaseTest {

    @Inject
    StorageHealth storageHealth;

    @Test
    void a_reachable_database_is_up_and_named_with_its_version() {
        StorageStatus status = storageHealth.check();

        assertTrue(status.up(), status::toString);
        assertTrue(status.description().matches("PostgreSQL \\d+.*"), status.description());
    }
}
