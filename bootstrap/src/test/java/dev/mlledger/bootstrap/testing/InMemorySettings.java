package dev.mlledger.bootstrap.testing;

import dev.mlledger.bootstrap.database.DatabaseSelection;
import dev.mlledger.bootstrap.database.PersistenceAdapter;

import java.util.HashMap;
import java.util.Map;

/** The settings of a test context on the in-memory adapter: what DatabaseSelection adds for it, and the choice. */
public final class InMemorySettings {

    private InMemorySettings() {
    }

    public static Map<String, String> properties() {
        Map<String, String> properties = new HashMap<>();
        DatabaseSelection.WITHOUT_DATABASE.forEach((name, value) -> properties.put(name, String.valueOf(value)));
        properties.put(PersistenceAdapter.PROPERTY, "memory");
        return properties;
    }
}
