package dev.mlledger.bootstrap.cli;

import dev.mlledger.bootstrap.database.DatabaseSelection;
import dev.mlledger.bootstrap.database.EmbeddedPostgresServer;
import dev.mlledger.bootstrap.database.PersistenceAdapter;
import io.micronaut.context.ApplicationContext;
import io.micronaut.context.env.Environment;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.MigrationVersion;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Optional;

/**
 * {@code java -jar mlledger.jar db <command>}: the database's migrations, with the service's own database
 * settings (an external PostgreSQL, or the embedded one) and no HTTP server.
 */
public final class DatabaseCli {

    static final String LOCATION = "db/migration";
    static final String HISTORY_TABLE = "flyway_schema_history";
    private static final String USAGE = """
            usage: java -jar mlledger.jar db <command> [options] [-<property>=<value> ...]
              migrate                 apply every pending migration
              info                    list the migrations: version, description, state, when applied
              validate                check that the applied migrations match this build's scripts
              baseline [--version V]  mark an existing schema as being at version V (default 1)
              repair                  remove failed entries from the history and realign checksums
              undo [--to V]           undo the newest applied version (with --to: every version above V)
            Database settings as for the service: DATASOURCES_DEFAULT_URL/_USERNAME/_PASSWORD, or none for the
            embedded PostgreSQL in mlledger.embedded-db.dir.""";

    private final PrintStream out;
    private final PrintStream err;

    public DatabaseCli(PrintStream out, PrintStream err) {
        this.out = out;
        this.err = err;
    }

    /** @return the process exit code: 0 done, 1 failed, 2 not understood */
    public int run(String... args) {
        CommandLine line = CommandLine.of(args);
        List<String> properties = line.properties();
        List<String> words = line.words();
        if (words.isEmpty()) {
            err.println(USAGE);
            return 2;
        }
        String command = words.getFirst();
        Optional<String> version = option(words, command.equals("undo") ? "--to" : "--version");
        if (!List.of("migrate", "info", "validate", "baseline", "repair", "undo").contains(command)
                || words.size() != (version.isPresent() ? 3 : 1)) {
            err.println(USAGE);
            return 2;
        }
        try (ApplicationContext settings = ApplicationContext.builder().args(properties.toArray(String[]::new)).build()) {
            Environment environment = settings.getEnvironment().start();
            if (PersistenceAdapter.configured(environment) == PersistenceAdapter.MEMORY) {
                err.println("db " + command + " refused: " + PersistenceAdapter.PROPERTY + " is memory, and the "
                        + "in-memory store has no database and no migrations");
                return 1;
            }
            Optional<EmbeddedPostgresServer> embedded = DatabaseSelection.apply(environment);
            try {
                Target target = new Target(environment.getRequiredProperty(DatabaseSelection.URL_PROPERTY, String.class),
                        environment.getProperty("datasources.default.username", String.class).orElse(null),
                        environment.getProperty("datasources.default.password", String.class).orElse(null));
                return execute(command, version, target);
            } finally {
                embedded.ifPresent(EmbeddedPostgresServer::close);
            }
        } catch (FlywayException | SQLException | IllegalArgumentException | IllegalStateException e) {
            err.println("db " + command + " failed: " + e.getMessage());
            return 1;
        }
    }

    private int execute(String command, Optional<String> version, Target target) throws SQLException {
        Flyway flyway = flyway(target, version.filter(v -> command.equals("baseline")).orElse("1"));
        switch (command) {
            case "migrate" -> out.println("Applied " + flyway.migrate().migrationsExecuted + " migration(s); now at "
                    + currentVersion(flyway));
            case "info" -> printInfo(flyway);
            case "validate" -> {
                flyway.validate();
                out.println("The applied migrations match this build's scripts; at " + currentVersion(flyway));
            }
            case "baseline" -> {
                flyway.baseline();
                out.println("Baselined at version " + version.orElse("1"));
            }
            case "repair" -> {
                flyway.repair();
                out.println("Repaired the migration history");
            }
            case "undo" -> undo(flyway, target, version.map(MigrationVersion::fromVersion));
            default -> throw new IllegalArgumentException("unknown command " + command);
        }
        return 0;
    }

    /** Undoes applied versions, newest first, each with its U script and its history row in one transaction. */
    private void undo(Flyway flyway, Target target, Optional<MigrationVersion> to) throws SQLException {
        MigrationVersion floor = to.orElse(null);
        int undone = 0;
        while (true) {
            MigrationInfo current = flyway.info().current();
            if (current == null || current.getVersion() == null || (floor != null && current.getVersion().compareTo(floor) <= 0)) {
                break;
            }
            String script = current.getScript();
            if (script == null || !script.startsWith("V")) {
                throw new IllegalStateException("version " + current.getVersion() + " was not applied from a V script ("
                        + script + "); it cannot be undone");
            }
            String undoScript = "U" + script.substring(1);
            String sql = read(LOCATION + "/" + undoScript);
            try (Connection connection = DriverManager.getConnection(target.url(), target.user(), target.password())) {
                connection.setAutoCommit(false);
                try (Statement statement = connection.createStatement();
                     PreparedStatement forget = connection.prepareStatement(
                             "DELETE FROM " + HISTORY_TABLE + " WHERE version = ?")) {
                    statement.execute(sql);
                    forget.setString(1, current.getVersion().getVersion());
                    forget.executeUpdate();
                    connection.commit();
                } catch (SQLException e) {
                    connection.rollback();
                    throw new SQLException("undoing version " + current.getVersion() + " with " + undoScript
                            + " failed, nothing was changed: " + e.getMessage(), e);
                }
            }
            out.println("Undid version " + current.getVersion() + " (" + current.getDescription() + ") with " + undoScript);
            undone++;
            if (floor == null) {
                break;
            }
        }
        out.println(undone == 0 ? "Nothing to undo; at " + currentVersion(flyway) : "Now at " + currentVersion(flyway));
    }

    private void printInfo(Flyway flyway) {
        String format = "%-8s | %-34s | %-8s | %-10s | %-25s%n";
        out.printf(format, "Version", "Description", "Type", "State", "Installed on");
        out.println("-".repeat(96));
        for (MigrationInfo info : flyway.info().all()) {
            out.printf(format, info.getVersion() == null ? "" : info.getVersion().getVersion(), info.getDescription(),
                    info.getType(), info.getState().getDisplayName(),
                    info.getInstalledOn() == null ? "" : info.getInstalledOn().toInstant().toString());
        }
        out.println("Current version: " + currentVersion(flyway));
    }

    private static String currentVersion(Flyway flyway) {
        MigrationInfo current = flyway.info().current();
        return current == null || current.getVersion() == null ? "empty (no version applied)"
                : "version " + current.getVersion().getVersion();
    }

    /** The service's own Flyway settings: its scripts, and a strict history (see StrictMigrationHistory). */
    static Flyway flyway(Target target, String baselineVersion) {
        return Flyway.configure()
                .dataSource(target.url(), target.user(), target.password())
                .locations("classpath:" + LOCATION)
                .ignoreMigrationPatterns(new String[0])
                .baselineVersion(baselineVersion)
                .load();
    }

    private static Optional<String> option(List<String> words, String name) {
        int at = words.indexOf(name);
        return at > 0 && at + 1 < words.size() ? Optional.of(words.get(at + 1)) : Optional.empty();
    }

    private static String read(String resource) {
        try (InputStream in = DatabaseCli.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("no undo script " + resource + " in this build");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException("cannot read " + resource + ": " + e.getMessage(), e);
        }
    }

    record Target(String url, String user, String password) {
    }
}
