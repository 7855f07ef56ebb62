package dev.mlledger.bootstrap;

import dev.mlledger.adapters.persistence.testing.TestDatabase;
import dev.mlledger.adapters.persistence.testing.TestPostgres;
import dev.mlledger.bootstrap.testing.ServiceProcess;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
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

        try (ServiceProcess migrate = ServiceProcess.launch(work, environment, "db", "migrate")) {
            assertEquals(0, migrate.awaitExit(), migrate.log());
            assertTrue(migrate.log().contains("now at version 3"), migrate.log());
            assertFalse(migrate.log().contains("listening on"), "no HTTP server for a CLI command:\n" + migrate.log());
        }
        try (ServiceProcess info = ServiceProcess.launch(work, environment, "db", "info")) {
            assertEquals(0, info.awaitExit(), info.log());
            assertTrue(info.log().contains("Current version: version 3"), info.log());
        }
        try (ServiceProcess unknown = ServiceProcess.launch(work, environment, "db", "downgrade")) {
            assertEquals(2, unknown.awaitExit(), unknown.log());
        }
    }
}
