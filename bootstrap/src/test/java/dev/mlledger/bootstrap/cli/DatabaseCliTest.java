package dev.mlledger.bootstrap.cli;

import dev.mlledger.adapters.persistence.testing.TestDatabase;
import dev.mlledger.adapters.persistence.testing.TestPostgres;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code db} commands on a real PostgreSQL: all the way up, all the way down, and up again, schema compared. */
class DatabaseCliTest {

    /** Tables, columns with types, constraints and indexes of the public schema, Flyway's history left out. */
    private static final String SCHEMA = """
            SELECT 'table ' || table_name FROM information_schema.tables
             WHERE table_schema = 'public' AND table_name <> 'flyway_schema_history'
            UNION ALL
            SELECT 'column ' || table_name || '.' || column_name || ' ' || data_type || coalesce('(' || character_maximum_length || ')', '')
                   || ' null=' || is_nullable || ' default=' || coalesce(column_default, '')
              FROM information_schema.columns WHERE table_schema = 'public' AND table_name <> 'flyway_schema_history'
            UNION ALL
            SELECT 'constraint ' || conrelid::regclass || ' ' || conname || ' ' || pg_get_constraintdef(oid)
              FROM pg_constraint WHERE connamespace = 'public'::regnamespace AND conrelid::regclass::text <> 'flyway_schema_history'
            UNION ALL
            SELECT 'index ' || indexdef FROM pg_indexes WHERE schemaname = 'public' AND tablename <> 'flyway_schema_history'
            UNION ALL
            SELECT 'trigger ' || tgrelid::regclass || ' ' || tgname FROM pg_trigger WHERE NOT tgisinternal
            UNION ALL
            SELECT 'function ' || proname FROM pg_proc WHERE pronamespace = 'public'::regnamespace
            ORDER BY 1""";

    private TestDatabase database;
    private ByteArrayOutputStream out;
    private ByteArrayOutputStream err;

    @BeforeEach
    void freshDatabase() {
        database = TestPostgres.get().createDatabase();
    }

    @Test
    void migrating_up_down_and_up_again_restores_exactly_the_same_schema_at_every_step() throws SQLException {
        List<String> empty = schema();

        assertEquals(0, db("migrate"), err());
        List<String> atSeven = schema();
        assertEquals(0, db("undo"), err());
        List<String> atSix = schema();
        assertEquals(0, db("undo"), err());
        List<String> atFive = schema();
        assertEquals(0, db("undo"), err());
        List<String> atFour = schema();
        assertEquals(0, db("undo"), err());
        List<String> atThree = schema();
        assertEquals(0, db("undo"), err());
        List<String> atTwo = schema();
        assertEquals(0, db("undo"), err());
        List<String> atOne = schema();
        assertEquals(0, db("undo"), err());
        List<String> downAgain = schema();
        assertEquals(0, db("migrate", "-flyway.unused=1"), err());
        List<String> upAgain = schema();
        assertEquals(0, db("undo", "--to", "1"), err());
        List<String> atOneAgain = schema();

        assertTrue(empty.isEmpty(), "a fresh database has no tables: " + empty);
        assertTrue(atSeven.contains("table latest_metrics") && atSeven.contains("trigger metrics metrics_inserted")
                && atSeven.contains("function keep_latest_metrics"), atSeven.toString());
        assertTrue(atSix.stream().noneMatch(line -> line.contains("latest_metrics")), atSix.toString());
        assertTrue(atSix.contains("table run_params") && atSix.contains("table experiment_tags"), atSix.toString());
        assertTrue(atSix.stream().anyMatch(line -> line.startsWith("column experiments.number bigint")), atSix.toString());
        assertTrue(atFive.stream().noneMatch(line -> line.contains("run_params") || line.contains("lifecycle")
                || line.contains("experiments.number")), atFive.toString());
        assertTrue(atFive.contains("table idempotency_keys"), atFive.toString());
        assertTrue(atFive.stream().anyMatch(line -> line.startsWith("index CREATE INDEX idempotency_keys_by_expiry")),
                atFive.toString());
        assertTrue(atFour.stream().noneMatch(line -> line.contains("idempotency")), atFour.toString());
        assertTrue(atFour.stream().anyMatch(line -> line.equals("table api_tokens")), atFour.toString());
        assertTrue(atFour.stream().anyMatch(line -> line.startsWith("column api_requests.principal ")), atFour.toString());
        assertTrue(atThree.stream().noneMatch(line -> line.contains("api_tokens") || line.contains("principal")),
                atThree.toString());
        assertTrue(atThree.stream().anyMatch(line -> line.startsWith("column experiments.run_count bigint")),
                atThree.toString());
        assertTrue(atThree.stream().anyMatch(line -> line.equals("trigger runs runs_added")), atThree.toString());
        assertTrue(atTwo.stream().noneMatch(line -> line.contains("run_count") || line.startsWith("trigger ")
                || line.startsWith("function ")), atTwo.toString());
        assertTrue(atTwo.stream().anyMatch(line -> line.equals("table metrics")), atTwo.toString());
        assertTrue(atOne.stream().anyMatch(line -> line.equals("table predictions")), atOne.toString());
        assertTrue(atOne.stream().noneMatch(line -> line.equals("table experiments")), atOne.toString());
        assertNotEquals(atTwo, atOne);
        assertEquals(empty, downAgain, "all the way down is the empty schema again");
        assertEquals(atSeven, upAgain, "up again is the same schema as the first time up");
        assertEquals(atOne, atOneAgain, "undo --to 1 stops at version 1");
    }

    @Test
    void the_run_count_migration_counts_the_runs_a_database_already_has_and_keeps_counting() throws SQLException {
        assertEquals(0, db("migrate"), err());
        assertEquals(0, db("undo", "--to", "2"), err());
        execute("""
                INSERT INTO experiments (id, name, owner) VALUES
                    ('00000000-0000-0000-0000-00000000000a', 'three runs', 'o'),
                    ('00000000-0000-0000-0000-00000000000b', 'no runs', 'o');
                INSERT INTO runs (id, experiment_id) SELECT gen_random_uuid(), '00000000-0000-0000-0000-00000000000a'
                    FROM generate_series(1, 3);
                """);

        assertEquals(0, db("migrate"), err());
        assertEquals(List.of("Default 0", "no runs 0", "three runs 3"), runCounts());

        execute("""
                INSERT INTO runs (id, experiment_id, name, owner) SELECT gen_random_uuid(), e.id, 'r', 'o'
                    FROM experiments e, generate_series(1, 2);
                DELETE FROM runs WHERE id IN (SELECT id FROM runs WHERE experiment_id = '00000000-0000-0000-0000-00000000000a'
                    LIMIT 4);
                """);
        assertEquals(List.of("Default 2", "no runs 2", "three runs 1"), runCounts());
    }

    @Test
    void migration_6_numbers_existing_experiments_in_creation_order_and_gives_existing_runs_a_name_and_an_owner()
            throws SQLException {
        assertEquals(0, db("migrate"), err());
        assertEquals(0, db("undo", "--to", "5"), err());
        execute("""
                INSERT INTO experiments (id, name, owner, created_at) VALUES
                    ('00000000-0000-0000-0000-00000000000a', 'second', 'bob', '2026-01-02T00:00:00Z'),
                    ('00000000-0000-0000-0000-00000000000b', 'first', 'alice', '2026-01-01T00:00:00Z');
                INSERT INTO runs (id, experiment_id) VALUES
                    ('00000000-0000-0000-0000-0000000000c1', '00000000-0000-0000-0000-00000000000a');
                """);

        assertEquals(0, db("migrate"), err());

        assertEquals(List.of("Default 0 admin", "first 1 alice", "second 2 bob"),
                rows("SELECT name || ' ' || number || ' ' || owner FROM experiments ORDER BY number"));
        assertEquals(List.of("bob active true"), rows("SELECT owner || ' ' || lifecycle || ' ' || (name LIKE 'run-%') FROM runs"));
        execute("INSERT INTO experiments (id, name, owner) VALUES ('00000000-0000-0000-0000-00000000000d', 'third', 'o')");
        assertEquals(List.of("3"), rows("SELECT number::text FROM experiments WHERE name = 'third'"));
    }

    @Test
    void info_lists_every_version_with_its_state_and_validate_accepts_a_matching_history() {
        assertEquals(0, db("migrate"), err());

        assertEquals(0, db("info"), err());
        String info = out();
        assertTrue(info.contains("request log and predictions") && info.contains("experiments runs metrics"), info);
        assertTrue(info.contains("Success"), info);
        assertTrue(info.contains("Current version: version 7"), info);
        assertEquals(0, db("validate"), err());
    }

    @Test
    void validate_fails_with_a_message_and_exit_code_1_on_a_history_the_scripts_do_not_match() throws SQLException {
        assertEquals(0, db("migrate"), err());
        execute("UPDATE flyway_schema_history SET checksum = checksum + 1 WHERE version = '1'");

        assertEquals(1, db("validate"));
        assertTrue(err().contains("db validate failed") && err().contains("checksum"), err());
        assertEquals(0, db("repair"), err());
        assertEquals(0, db("validate"), err());
    }

    @Test
    void baseline_marks_an_existing_schema_so_that_migrate_applies_only_what_comes_after() throws SQLException {
        execute("CREATE TABLE legacy (id integer)");

        assertEquals(0, db("baseline", "--version", "0"), err());
        assertEquals(0, db("migrate"), err());

        assertTrue(schema().contains("table legacy"));
        assertTrue(schema().contains("table metrics"));
    }

    @Test
    void an_unknown_command_prints_the_usage_and_exits_with_2() {
        assertEquals(2, db("downgrade"));
        assertTrue(err().contains("usage: java -jar mlledger.jar db"), err());
    }

    @Test
    void an_unreachable_database_exits_with_1_and_says_so() {
        int code = new DatabaseCli(new PrintStream(out = new ByteArrayOutputStream()),
                new PrintStream(err = new ByteArrayOutputStream())).run("info",
                "-datasources.default.url=jdbc:postgresql://127.0.0.1:1/nothing", "-datasources.default.username=x");

        assertEquals(1, code);
        assertTrue(err().startsWith("db info failed"), err());
    }

    @Test
    void with_the_memory_adapter_every_command_refuses_with_exit_code_1_and_says_why() throws SQLException {
        for (String command : List.of("migrate", "info", "undo")) {
            assertEquals(1, db(command, "-mlledger.persistence.adapter=memory"), err());
            assertTrue(err().startsWith("db " + command + " refused: mlledger.persistence.adapter is memory")
                    && err().contains("no database and no migrations"), err());
        }

        assertEquals(List.of(), schema(), "nothing was migrated");
    }

    @Test
    void an_unknown_persistence_adapter_exits_with_1_and_names_the_choices() throws SQLException {
        assertEquals(1, db("migrate", "-mlledger.persistence.adapter=mongodb"));

        assertTrue(err().contains("unknown persistence adapter 'mongodb'") && err().contains("jdbc, memory"), err());
        assertEquals(List.of(), schema(), "nothing was migrated");
    }

    private int db(String... command) {
        out = new ByteArrayOutputStream();
        err = new ByteArrayOutputStream();
        List<String> args = new ArrayList<>(List.of(command));
        args.addAll(database.commandLineSettings());
        return new DatabaseCli(new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8)).run(args.toArray(String[]::new));
    }

    private String out() {
        return out.toString(StandardCharsets.UTF_8);
    }

    private String err() {
        return err.toString(StandardCharsets.UTF_8);
    }

    private List<String> schema() throws SQLException {
        List<String> lines = new ArrayList<>();
        try (Connection connection = database.connect(); Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery(SCHEMA)) {
            while (rows.next()) {
                lines.add(rows.getString(1));
            }
        }
        return lines;
    }

    private List<String> rows(String query) throws SQLException {
        List<String> rows = new ArrayList<>();
        try (Connection connection = database.connect(); Statement statement = connection.createStatement();
             ResultSet result = statement.executeQuery(query)) {
            while (result.next()) {
                rows.add(result.getString(1));
            }
        }
        return rows;
    }

    private List<String> runCounts() throws SQLException {
        List<String> counts = new ArrayList<>();
        try (Connection connection = database.connect(); Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("SELECT name || ' ' || run_count FROM experiments ORDER BY name")) {
            while (rows.next()) {
                counts.add(rows.getString(1));
            }
        }
        return counts;
    }

    private void execute(String sql) throws SQLException {
        try (Connection connection = database.connect(); Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }
}
