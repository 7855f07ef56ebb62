package dev.mlledger.bootstrap;

import dev.mlledger.adapters.persistence.testing.TestDatabase;
import dev.mlledger.adapters.persistence.testing.TestPostgres;
import dev.mlledger.bootstrap.testing.ServiceProcess;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static dev.mlledger.bootstrap.testing.ProblemAssertions.assertProblem;
import static dev.mlledger.bootstrap.testing.ProblemAssertions.parse;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The packaged jar, started from {@code Application.main} the way the README tells users to start it. */
class ServiceJarIT {

    private static final Pattern EMBEDDED_URL = Pattern.compile("embedded PostgreSQL at (jdbc:postgresql://\\S+),");

    @TempDir
    Path work;

    @Test
    void on_an_empty_external_database_the_jar_migrates_it_answers_health_and_speaks_problem_json() throws SQLException {
        TestDatabase database = TestPostgres.get().createDatabase();

        try (ServiceProcess service = ServiceProcess.startHealthy(work, Map.of(
                "DATASOURCES_DEFAULT_URL", database.jdbcUrl(),
                "DATASOURCES_DEFAULT_USERNAME", database.user(),
                "DATASOURCES_DEFAULT_PASSWORD", database.password()))) {

            HttpResponse<String> health = service.http().get("/health");
            assertEquals(200, health.statusCode());
            assertTrue(health.body().contains("\"status\":\"UP\""), health.body());
            assertProblem(service.http().get("/api/v1/no-such-thing"), 404);
            assertProblem(service.http().postJson("/api/v1/predict", "{\"features\": {\"age\": "), 400);
            assertProblem(service.http().send("POST", "/health", "application/json", "{\"broken\": "), 405);
            assertTrue(service.log().contains("from datasources.default.url"), service.log());

            service.stop();
            assertTrue(service.log().contains("mlledger stopped"), service.log());
        }
        try (Connection connection = database.connect(); Statement statement = connection.createStatement();
             ResultSet history = statement.executeQuery("SELECT count(*) FROM flyway_schema_history")) {
            assertTrue(history.next(), "Flyway's history table exists");
        }
    }

    @Test
    void with_no_database_url_the_jar_runs_an_embedded_postgres_whose_data_survives_a_restart() {
        Path dataDirectory = work.resolve("pgdata");
        String[] arguments = {"-mlledger.embedded-db.dir=" + dataDirectory};

        String predictionId;
        try (ServiceProcess first = ServiceProcess.startHealthy(work, Map.of(), arguments)) {
            HttpResponse<String> recorded = first.http().postJson("/api/v1/predictions",
                    "{\"employee_id\": \"E-restart\", \"attrition_prob\": 0.7, \"model_version\": \"m-1\"}");
            assertEquals(201, recorded.statusCode(), recorded.body());
            predictionId = (String) parse(recorded.body()).get("prediction_id");
            first.stop();
            assertTrue(first.log().contains("mlledger stopped"), first.log());
        }
        assertFalse(Files.exists(dataDirectory.resolve("postmaster.pid")), "the embedded PostgreSQL stopped with the service");

        try (ServiceProcess second = ServiceProcess.startHealthy(work, Map.of(), arguments)) {
            assertFalse(second.log().contains("Created database"), second.log());
            assertTrue(EMBEDDED_URL.matcher(second.log()).find(), "the log says which database is in use:\n" + second.log());
            HttpResponse<String> found = second.http().get("/api/v1/predictions/" + predictionId);
            assertEquals(200, found.statusCode(), found.body());
            assertEquals("E-restart", parse(found.body()).get("employee_id"));
        }
    }

    @Test
    void a_first_start_without_an_admin_token_prints_one_once_and_keeps_it_for_its_owner_only() throws Exception {
        Path dataDirectory = work.resolve("pgdata");
        String[] arguments = {"-mlledger.embedded-db.dir=" + dataDirectory};
        Map<String, String> noAdminToken = Map.of("MLLEDGER_SECURITY_ADMIN_TOKEN", "");
        Path tokenFile = work.resolve("admin-token");

        String secret;
        try (ServiceProcess first = ServiceProcess.startHealthy(work, noAdminToken, arguments)) {
            secret = Files.readString(tokenFile).strip();
            assertTrue(first.log().contains(secret), "printed on standard output:\n" + first.log());
            assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(tokenFile)));
            assertEquals(401, first.http().anonymous().get("/api/v1/model").statusCode());
            assertEquals(200, first.http().as(secret).get("/api/v1/model").statusCode());
            first.stop();
        }
        try (ServiceProcess second = ServiceProcess.startHealthy(work, noAdminToken, arguments)) {
            assertFalse(second.log().contains("mll_"), "no new token, none printed:\n" + second.log());
            assertEquals(200, second.http().as(secret).get("/api/v1/model").statusCode());
        }
    }

    @Test
    void with_security_switched_off_every_start_warns_and_anyone_may_call_every_route() {
        try (ServiceProcess service = ServiceProcess.startHealthy(work,
                Map.of("MLLEDGER_SECURITY_ENABLED", "false", "MLLEDGER_PERSISTENCE_ADAPTER", "memory"))) {
            assertTrue(service.log().contains("Security is OFF"), service.log());
            HttpResponse<String> created = service.http().anonymous().postJson("/api/v1/experiments", "{\"name\": \"open\"}");
            assertEquals(201, created.statusCode(), created.body());
            assertEquals("anonymous", parse(created.body()).get("owner"));
        }
    }

    @Test
    void a_second_service_on_the_same_data_directory_is_refused_naming_the_owner_and_the_first_keeps_serving()
            throws Exception {
        Path dataDirectory = work.resolve("pgdata");
        String[] arguments = {"-mlledger.embedded-db.dir=" + dataDirectory};

        try (ServiceProcess first = ServiceProcess.startHealthy(work, Map.of(), arguments)) {
            long postmaster = postmasterPid(dataDirectory);

            try (ServiceProcess second = ServiceProcess.launch(work, Map.of(), arguments)) {
                assertEquals(1, second.awaitExit(), second.log());
                assertTrue(second.log().contains("mlledger did not start: data directory " + dataDirectory
                        + " is in use by pid " + first.pid()), second.log());
                assertFalse(second.log().contains("left running"), second.log());
            }

            assertStillServing(first, dataDirectory, postmaster);
        }
    }

    @Test
    void a_db_command_beside_a_running_service_stops_nothing_and_exits_1_naming_the_owner() throws Exception {
        Path dataDirectory = work.resolve("pgdata");
        String directoryArgument = "-mlledger.embedded-db.dir=" + dataDirectory;

        try (ServiceProcess service = ServiceProcess.startHealthy(work, Map.of(), directoryArgument)) {
            long postmaster = postmasterPid(dataDirectory);

            try (ServiceProcess info = ServiceProcess.launch(work, Map.of(), "db", "info", directoryArgument)) {
                assertEquals(1, info.awaitExit(), info.log());
                assertTrue(info.log().contains("db info failed: data directory " + dataDirectory + " is in use by pid "
                        + service.pid()), info.log());
            }

            assertStillServing(service, dataDirectory, postmaster);
            service.stop();
        }
        // the lock went with its owner: the same command now runs
        try (ServiceProcess info = ServiceProcess.launch(work, Map.of(), "db", "info", directoryArgument)) {
            assertEquals(0, info.awaitExit(), info.log());
            assertTrue(info.log().contains("Current version: version "), info.log());
        }
    }

    @Test
    void a_postgres_left_running_by_a_killed_service_is_stopped_by_the_next_start_which_serves_the_same_data()
            throws IOException {
        Path dataDirectory = work.resolve("pgdata");
        String[] arguments = {"-mlledger.embedded-db.dir=" + dataDirectory};
        long orphan;
        String predictionId;
        try (ServiceProcess killed = ServiceProcess.startHealthy(work, Map.of(), arguments)) {
            HttpResponse<String> recorded = killed.http().postJson("/api/v1/predictions",
                    "{\"employee_id\": \"E-killed\", \"attrition_prob\": 0.2, \"model_version\": \"m-1\"}");
            assertEquals(201, recorded.statusCode(), recorded.body());
            predictionId = (String) parse(recorded.body()).get("prediction_id");
            orphan = postmasterPid(dataDirectory);

            killed.kill();
        }
        assertTrue(isAlive(orphan), "the killed service's PostgreSQL runs on without an owner");

        try (ServiceProcess next = ServiceProcess.startHealthy(work, Map.of(), arguments)) {
            assertTrue(next.log().contains("Stopping PostgreSQL process " + orphan + " left running on " + dataDirectory),
                    next.log());
            assertFalse(isAlive(orphan), "the orphan was stopped");
            HttpResponse<String> found = next.http().get("/api/v1/predictions/" + predictionId);
            assertEquals(200, found.statusCode(), found.body());
        }
    }

    @Test
    void a_database_whose_migration_history_does_not_match_the_scripts_makes_the_jar_refuse_to_start() {
        TestDatabase database = TestPostgres.get().createDatabase();
        Flyway.configure()
                .dataSource(database.jdbcUrl(), database.user(), database.password())
                .locations("classpath:db/migration", "classpath:db/mismatch")
                .load()
                .migrate();

        try (ServiceProcess service = ServiceProcess.launch(work, Map.of(
                "DATASOURCES_DEFAULT_URL", database.jdbcUrl(),
                "DATASOURCES_DEFAULT_USERNAME", database.user(),
                "DATASOURCES_DEFAULT_PASSWORD", database.password()))) {

            assertEquals(1, service.awaitExit(), service.log());
            assertTrue(service.log().contains("migration history does not match"), service.log());
            assertTrue(service.log().contains("9999"), "names the version that does not match:\n" + service.log());
        }
    }

    @Test
    void the_jar_runs_database_commands_without_starting_a_server_and_exits_with_their_status() {
        TestDatabase database = TestPostgres.get().createDatabase();
        Map<String, String> environment = Map.of(
                "DATASOURCES_DEFAULT_URL", database.jdbcUrl(),
                "DATASOURCES_DEFAULT_USERNAME", database.user(),
                "DATASOURCES_DEFAULT_PASSWORD", database.password());

        int migrated;
        try (ServiceProcess migrate = ServiceProcess.launch(work, environment, "db", "migrate")) {
            assertEquals(0, migrate.awaitExit(), migrate.log());
            migrated = versionIn(migrate.log(), "now at version (\\d+)");
            assertTrue(migrated >= 6, "at least the experiments of migration 6:\n" + migrate.log());
            assertFalse(migrate.log().contains("listening on"), "no HTTP server for a CLI command:\n" + migrate.log());
        }
        try (ServiceProcess info = ServiceProcess.launch(work, environment, "db", "info")) {
            assertEquals(0, info.awaitExit(), info.log());
            assertEquals(migrated, versionIn(info.log(), "Current version: version (\\d+)"), info.log());
        }
        try (ServiceProcess unknown = ServiceProcess.launch(work, environment, "db", "downgrade")) {
            assertEquals(2, unknown.awaitExit(), unknown.log());
        }
    }

    /** The version a CLI log names, found by {@code pattern}'s group; fails when the log names none. */
    private static int versionIn(String log, String pattern) {
        java.util.regex.Matcher matcher = java.util.regex.Pattern.compile(pattern).matcher(log);
        assertTrue(matcher.find(), "no version in:\n" + log);
        return Integer.parseInt(matcher.group(1));
    }

    /** The service answers, writes, and its PostgreSQL is the same process, still taking new connections. */
    private static void assertStillServing(ServiceProcess service, Path dataDirectory, long postmaster)
            throws IOException, SQLException {
        assertEquals(postmaster, postmasterPid(dataDirectory), "the same PostgreSQL runs on the directory");
        assertTrue(isAlive(postmaster));
        Matcher url = EMBEDDED_URL.matcher(service.log());
        assertTrue(url.find(), service.log());
        // a PostgreSQL asked to stop keeps its open connections but refuses new ones
        try (Connection fresh = DriverManager.getConnection(url.group(1), "postgres", "");
             Statement statement = fresh.createStatement(); ResultSet one = statement.executeQuery("SELECT 1")) {
            assertTrue(one.next());
        }
        assertEquals(200, service.http().get("/health").statusCode());
        HttpResponse<String> recorded = service.http().postJson("/api/v1/predictions",
                "{\"employee_id\": \"E-still\", \"attrition_prob\": 0.5, \"model_version\": \"m-1\"}");
        assertEquals(201, recorded.statusCode(), recorded.body());
    }

    private static long postmasterPid(Path dataDirectory) throws IOException {
        return Long.parseLong(Files.readAllLines(dataDirectory.resolve("postmaster.pid")).getFirst().strip());
    }

    private static boolean isAlive(long pid) {
        return ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false);
    }
}
