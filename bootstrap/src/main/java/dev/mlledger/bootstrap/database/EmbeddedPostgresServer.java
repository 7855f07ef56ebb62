package dev.mlledger.bootstrap.database;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A PostgreSQL server that mlledger runs itself when no database URL is configured: the zero-setup default.
 * Its data directory is kept across restarts and has one owner at a time ({@link DataDirectoryLock}); commits are
 * durable, on disk before they are acknowledged ({@code synchronous_commit}, {@code fsync} and
 * {@code full_page_writes} on).
 */
public final class EmbeddedPostgresServer implements AutoCloseable {

    public static final String DATABASE = "mlledger";
    public static final String USER = "postgres";

    private static final Logger LOG = LoggerFactory.getLogger(EmbeddedPostgresServer.class);
    private static final Duration STALE_POSTMASTER_WAIT = Duration.ofSeconds(15);

    private final EmbeddedPostgres postgres;
    private final Path dataDirectory;
    private final DataDirectoryLock ownership;

    private EmbeddedPostgresServer(EmbeddedPostgres postgres, Path dataDirectory, DataDirectoryLock ownership) {
        this.postgres = postgres;
        this.dataDirectory = dataDirectory;
        this.ownership = ownership;
    }

    /**
     * Takes the data directory's lock, then starts PostgreSQL on {@code dataDirectory} (creating the cluster on first
     * use) and makes sure the {@value #DATABASE} database exists. The lock is held until {@link #close()}.
     *
     * @param port the TCP port on 127.0.0.1, or 0 for any free one
     * @throws DataDirectoryInUse when another live process owns the directory; nothing of it was touched
     */
    public static EmbeddedPostgresServer start(Path dataDirectory, int port) {
        Path directory = dataDirectory.toAbsolutePath().normalize();
        DataDirectoryLock ownership = DataDirectoryLock.acquire(directory);
        EmbeddedPostgres postgres = null;
        try {
            Files.createDirectories(directory);
            stopPostmasterLeftBehind(directory);
            EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                    .setDataDirectory(directory)
                    .setCleanDataDirectory(false)
                    // the service stops it after its own pool has closed, not in a JVM hook of its own
                    .setRegisterShutdownHook(false)
                    // the test-oriented defaults (-F, synchronous_commit=off) lose commits in a crash; a later -c wins
                    // over -F, so data accepted with a 2xx is on disk, whole, even after an OS crash or a power loss
                    .setServerConfig("fsync", "on")
                    .setServerConfig("full_page_writes", "on")
                    .setServerConfig("synchronous_commit", "on")
                    .setServerConfig("listen_addresses", "127.0.0.1")
                    .setServerConfig("max_connections", "100");
            if (port > 0) {
                builder.setPort(port);
            }
            postgres = builder.start();
            EmbeddedPostgresServer server = new EmbeddedPostgresServer(postgres, directory, ownership);
            server.createDatabaseIfMissing();
            return server;
        } catch (IOException e) {
            closeAfterFailedStart(postgres, ownership, e);
            throw new IllegalStateException("Could not start the embedded PostgreSQL in " + directory + ": "
                    + e.getMessage(), e);
        } catch (RuntimeException e) {
            closeAfterFailedStart(postgres, ownership, e);
            throw e;
        }
    }

    public String jdbcUrl() {
        return "jdbc:postgresql://127.0.0.1:" + postgres.getPort() + "/" + DATABASE;
    }

    public Path dataDirectory() {
        return dataDirectory;
    }

    /** Stops PostgreSQL, then gives up the data directory. */
    @Override
    public void close() {
        try {
            postgres.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            ownership.close();
        }
    }

    private static void closeAfterFailedStart(EmbeddedPostgres postgres, DataDirectoryLock ownership, Exception failure) {
        try {
            if (postgres != null) {
                postgres.close();
            }
        } catch (IOException | RuntimeException e) {
            failure.addSuppressed(e);
        } finally {
            ownership.close();
        }
    }

    private void createDatabaseIfMissing() {
        try (Connection connection = postgres.getPostgresDatabase().getConnection();
             PreparedStatement exists = connection.prepareStatement("SELECT 1 FROM pg_database WHERE datname = ?")) {
            exists.setString(1, DATABASE);
            try (ResultSet rows = exists.executeQuery()) {
                if (rows.next()) {
                    return;
                }
            }
            try (Statement create = connection.createStatement()) {
                create.execute("CREATE DATABASE " + DATABASE);
                LOG.info("Created database '{}' in the embedded PostgreSQL", DATABASE);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Could not create the '" + DATABASE + "' database in the embedded PostgreSQL: "
                    + e.getMessage(), e);
        }
    }

    /**
     * A service killed without its shutdown ({@code SIGKILL}) leaves its postgres running on the directory; a new
     * postgres would refuse the directory. Ask the old one to stop first. Called only while holding the directory's
     * lock: its owner is gone, so the postgres is nobody's.
     */
    private static void stopPostmasterLeftBehind(Path directory) throws IOException {
        Path pidFile = directory.resolve("postmaster.pid");
        if (!Files.exists(pidFile)) {
            return;
        }
        List<String> lines = Files.readAllLines(pidFile);
        if (lines.isEmpty()) {
            return;
        }
        long pid;
        try {
            pid = Long.parseLong(lines.getFirst().strip());
        } catch (NumberFormatException e) {
            return;
        }
        ProcessHandle.of(pid)
                .filter(process -> process.info().command().map(c -> c.endsWith("/postgres")).orElse(false))
                .ifPresent(process -> {
                    LOG.warn("Stopping PostgreSQL process {} left running on {} by an earlier run", pid, directory);
                    process.destroy();
                    try {
                        process.onExit().get(STALE_POSTMASTER_WAIT.toMillis(), TimeUnit.MILLISECONDS);
                    } catch (Exception e) {
                        throw new IllegalStateException("PostgreSQL process " + pid + " still holds " + directory
                                + "; stop it and start mlledger again", e);
                    }
                });
    }
}
