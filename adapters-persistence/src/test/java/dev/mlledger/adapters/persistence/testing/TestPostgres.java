package dev.mlledger.adapters.persistence.testing;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.containers.PostgreSQLContainer;
import org.testcontainers.utility.DockerImageName;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * The PostgreSQL server every database test of this JVM uses, found once:
 * <ol>
 *   <li>{@code TEST_JDBC_URL} (+ {@code TEST_JDBC_USER}, {@code TEST_JDBC_PASSWORD}) when set;</li>
 *   <li>else a Testcontainers {@code postgres:16-alpine} when a Docker engine answers;</li>
 *   <li>else an embedded PostgreSQL 15 (zonky).</li>
 * </ol>
 * Each test class asks for its own fresh database on it ({@link #createDatabase()}), so classes never see each
 * other's rows. If no server can be had, the tests fail with a message that says how to provide one.
 */
public final class TestPostgres {

    private static final Logger LOG = LoggerFactory.getLogger(TestPostgres.class);
    private static final String POSTGRES_IMAGE = "postgres:16-alpine";
    private static TestPostgres instance;

    private final String source;
    private final String adminUrl;
    private final String urlPrefix;
    private final String urlParameters;
    private final String user;
    private final String password;
    private final List<String> createdDatabases = new ArrayList<>();

    private TestPostgres(String source, String adminUrl, String user, String password) {
        this.source = source;
        this.adminUrl = adminUrl;
        this.user = user;
        this.password = password;
        int query = adminUrl.indexOf('?');
        String withoutQuery = query < 0 ? adminUrl : adminUrl.substring(0, query);
        this.urlParameters = query < 0 ? "" : adminUrl.substring(query);
        int hostStart = withoutQuery.indexOf("//") + 2;
        int slash = withoutQuery.indexOf('/', hostStart);
        this.urlPrefix = (slash < 0 ? withoutQuery + "/" : withoutQuery.substring(0, slash + 1));
    }

    /** The server for this JVM, found on first use. */
    public static synchronized TestPostgres get() {
        if (instance == null) {
            instance = find();
            Runtime.getRuntime().addShutdownHook(new Thread(instance::dropCreatedDatabases, "test-postgres-cleanup"));
            LOG.info("Tests use PostgreSQL from {}", instance.source);
        }
        return instance;
    }

    /** A new, empty database of its own (Flyway migrates it when a service starts on it). */
    public synchronized TestDatabase createDatabase() {
        String name = "mlledger_test_" + UUID.randomUUID().toString().replace("-", "").substring(0, 16);
        execute("CREATE DATABASE " + name);
        createdDatabases.add(name);
        return new TestDatabase(name, urlPrefix + name + urlParameters, user, password);
    }

    /** Runs one statement on the server's administrative database. */
    public void execute(String sql) {
        try (Connection connection = DriverManager.getConnection(adminUrl, user, password);
             Statement statement = connection.createStatement()) {
            statement.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException("Test PostgreSQL (" + source + ") refused: " + sql + ": " + e.getMessage(), e);
        }
    }

    private synchronized void dropCreatedDatabases() {
        for (String name : createdDatabases) {
            try {
                execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
            } catch (RuntimeException e) {
                LOG.debug("Could not drop test database {}", name, e);
            }
        }
        createdDatabases.clear();
    }

    private static TestPostgres find() {
        String url = System.getenv("TEST_JDBC_URL");
        if (url != null && !url.isBlank()) {
            return verified(new TestPostgres("TEST_JDBC_URL", url,
                    envOr("TEST_JDBC_USER", "postgres"), envOr("TEST_JDBC_PASSWORD", "")));
        }
        List<String> attempts = new ArrayList<>();
        if (dockerMayBeConfigured()) {
            try {
                if (DockerClientFactory.instance().isDockerAvailable()) {
                    return verified(fromContainer());
                }
                attempts.add("Docker: no engine answered");
            } catch (RuntimeException e) {
                attempts.add("Docker: " + e.getMessage());
            }
        } else {
            attempts.add("Docker: not configured on this machine");
        }
        try {
            return verified(fromEmbedded());
        } catch (RuntimeException e) {
            attempts.add("embedded PostgreSQL: " + e.getMessage());
            throw new IllegalStateException("""
                    No PostgreSQL for the tests (%s).
                    Provide one: set TEST_JDBC_URL (for example jdbc:postgresql://127.0.0.1:5432/postgres) with \
                    TEST_JDBC_USER and TEST_JDBC_PASSWORD for a user that may CREATE DATABASE, or start a Docker engine."""
                    .formatted(String.join("; ", attempts)), e);
        }
    }

    private static TestPostgres fromContainer() {
        PostgreSQLContainer<?> container = new PostgreSQLContainer<>(DockerImageName.parse(POSTGRES_IMAGE));
        container.start();
        return new TestPostgres("testcontainers (" + POSTGRES_IMAGE + ")", container.getJdbcUrl(),
                container.getUsername(), container.getPassword());
    }

    private static TestPostgres fromEmbedded() {
        try {
            EmbeddedPostgres postgres = EmbeddedPostgres.builder().start();
            return new TestPostgres("embedded PostgreSQL", postgres.getJdbcUrl("postgres", "postgres"), "postgres", "");
        } catch (Exception e) {
            throw new IllegalStateException(e.getMessage(), e);
        }
    }

    private static TestPostgres verified(TestPostgres server) {
        server.execute("SELECT 1");
        return server;
    }

    private static boolean dockerMayBeConfigured() {
        return System.getenv("DOCKER_HOST") != null
                || Files.exists(Path.of("/var/run/docker.sock"))
                || Files.exists(Path.of(System.getProperty("user.home"), ".testcontainers.properties"))
                || Files.exists(Path.of(System.getProperty("user.home"), ".docker", "run", "docker.sock"));
    }

    private static String envOr(String name, String fallback) {
        String value = System.getenv(name);
        return value == null ? fallback : value;
    }
}
