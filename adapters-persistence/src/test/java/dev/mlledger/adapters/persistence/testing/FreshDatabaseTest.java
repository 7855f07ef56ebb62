package dev.mlledger.adapters.persistence.testing;

import io.micronaut.test.support.TestPropertyProvider;
import org.junit.jupiter.api.TestInstance;

import java.util.HashMap;
import java.util.Map;

/**
 * Base of a {@code @MicronautTest(transactional = false)} class that runs on a real PostgreSQL: the class gets a
 * fresh database of its own, migrated by Flyway when its context starts.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public abstract class FreshDatabaseTest implements TestPropertyProvider {

    protected final TestDatabase database = TestPostgres.get().createDatabase();

    @Override
    public final Map<String, String> getProperties() {
        Map<String, String> properties = new HashMap<>(database.micronautProperties());
        properties.putAll(settings());
        return properties;
    }

    /** The class's own settings, on top of its database's (none unless a class overrides this). */
    protected Map<String, String> settings() {
        return Map.of();
    }
}
