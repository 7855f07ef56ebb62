package dev.mlledger.bootstrap.database;

import io.micronaut.core.value.PropertyResolver;

import java.util.Arrays;
import java.util.stream.Collectors;

/**
 * Where the service keeps its data: {@code mlledger.persistence.adapter} (environment
 * {@code MLLEDGER_PERSISTENCE_ADAPTER}), read before any bean is made. The adapters' beans are chosen by
 * {@code @Requires} on the same property, so the names here are exactly the values they require.
 */
public enum PersistenceAdapter {

    /** PostgreSQL through JDBC: the one at {@code datasources.default.url}, or an embedded one. */
    JDBC("jdbc"),
    /** Plain collections in the service's own memory: no database at all, and nothing kept after it stops. */
    MEMORY("memory");

    public static final String PROPERTY = "mlledger.persistence.adapter";

    private final String configName;

    PersistenceAdapter(String configName) {
        this.configName = configName;
    }

    /** @throws IllegalArgumentException for a name that is not one of the adapters' */
    public static PersistenceAdapter configured(PropertyResolver configuration) {
        String name = configuration.getProperty(PROPERTY, String.class).orElse(JDBC.configName);
        for (PersistenceAdapter adapter : values()) {
            if (adapter.configName.equals(name)) {
                return adapter;
            }
        }
        throw new IllegalArgumentException("unknown persistence adapter '" + name + "' in " + PROPERTY
                + " (environment MLLEDGER_PERSISTENCE_ADAPTER); choose one of: "
                + Arrays.stream(values()).map(adapter -> adapter.configName).collect(Collectors.joining(", ")));
    }
}
