package dev.mlledger.bootstrap.database;

import io.micronaut.context.env.Environment;
import io.micronaut.context.env.PropertySource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/**
 * Chooses the database before any bean is made: none at all for the in-memory adapter (the data source and
 * Flyway are switched off), else the configured {@code datasources.default.url} when there is one, else an
 * embedded PostgreSQL whose URL is added to the environment.
 */
public final class DatabaseSelection {

    public static final String URL_PROPERTY = "datasources.default.url";
    public static final String EMBEDDED_DIR_PROPERTY = "mlledger.embedded-db.dir";
    public static final String EMBEDDED_PORT_PROPERTY = "mlledger.embedded-db.port";
    public static final String DEFAULT_EMBEDDED_DIR = "./.mlledger/pgdata";
    /** Set while the embedded PostgreSQL serves the context: the directory it keeps its data in. */
    public static final String EMBEDDED_DATA_DIRECTORY_PROPERTY = "mlledger.embedded-db.data-directory";
    /**
     * What the in-memory adapter adds to the configuration: no {@code DataSource} bean (micronaut-jdbc's
     * {@code JdbcDataSourceEnabled} condition reads {@code datasources.default.enabled}), hence no pool, no
     * transaction manager and nothing for Flyway to migrate, which is switched off as well.
     */
    public static final Map<String, Object> WITHOUT_DATABASE = Map.of(
            "datasources.default.enabled", false,
            "flyway.datasources.default.enabled", false);

    private static final Logger LOG = LoggerFactory.getLogger(DatabaseSelection.class);

    private DatabaseSelection() {
    }

    /**
     * @param environment a started environment, before its context starts
     * @return the embedded server that was started, which the caller must close after the context, or empty
     *         when a database URL is configured or the data is kept in memory
     * @throws IllegalArgumentException when {@code mlledger.persistence.adapter} names no adapter
     */
    public static Optional<EmbeddedPostgresServer> apply(Environment environment) {
        if (PersistenceAdapter.configured(environment) == PersistenceAdapter.MEMORY) {
            environment.addPropertySource(PropertySource.of("mlledger-in-memory-persistence", WITHOUT_DATABASE));
            LOG.info("Persistence: in memory (nothing is kept after the service stops)");
            return Optional.empty();
        }
        Optional<String> configuredUrl = environment.getProperty(URL_PROPERTY, String.class)
                .filter(url -> !url.isBlank());
        if (configuredUrl.isPresent()) {
            LOG.info("Database: PostgreSQL at {} (from datasources.default.url)", withoutParameters(configuredUrl.get()));
            return Optional.empty();
        }
        Path directory = Path.of(environment.getProperty(EMBEDDED_DIR_PROPERTY, String.class)
                .filter(dir -> !dir.isBlank())
                .orElse(DEFAULT_EMBEDDED_DIR));
        int port = environment.getProperty(EMBEDDED_PORT_PROPERTY, Integer.class).orElse(0);
        EmbeddedPostgresServer server = EmbeddedPostgresServer.start(directory, port);
        environment.addPropertySource(PropertySource.of("mlledger-embedded-postgres", Map.of(
                URL_PROPERTY, server.jdbcUrl(),
                "datasources.default.username", EmbeddedPostgresServer.USER,
                "datasources.default.password", "",
                EMBEDDED_DATA_DIRECTORY_PROPERTY, server.dataDirectory().toString())));
        LOG.info("Database: embedded PostgreSQL at {}, data in {} (no datasources.default.url given)",
                server.jdbcUrl(), server.dataDirectory());
        return Optional.of(server);
    }

    /** Query parameters may carry a password; the log gets the address only. */
    static String withoutParameters(String jdbcUrl) {
        int query = jdbcUrl.indexOf('?');
        return query < 0 ? jdbcUrl : jdbcUrl.substring(0, query);
    }
}
