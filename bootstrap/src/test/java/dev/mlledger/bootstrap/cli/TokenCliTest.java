package dev.mlledger.bootstrap.cli;

import dev.mlledger.adapters.persistence.testing.TestDatabase;
import dev.mlledger.adapters.persistence.testing.TestPostgres;
import dev.mlledger.domain.access.TokenSecret;
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
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code token} commands on a real PostgreSQL, with no server: create, list, revoke, secret. */
class TokenCliTest {

    private TestDatabase database;
    private ByteArrayOutputStream out;
    private ByteArrayOutputStream err;

    @BeforeEach
    void freshDatabase() {
        database = TestPostgres.get().createDatabase();
    }

    @Test
    void create_prints_only_the_secret_on_standard_output_and_stores_only_its_hash() throws SQLException {
        assertEquals(0, token("create", "--name", "ci", "--role", "scorer", "--expires", "90d"), err());

        String secret = out().strip();
        assertTrue(TokenSecret.looksLikeOne(secret), secret);
        assertTrue(err().contains("Issued token ci (role scorer, expires "), err());
        assertEquals(TokenSecret.hash(secret), single("SELECT secret_hash FROM api_tokens WHERE name = 'ci'").strip());
        assertEquals("scorer", single("SELECT role FROM api_tokens WHERE name = 'ci'"));
    }

    @Test
    void list_shows_every_token_with_its_state_and_never_a_secret() {
        token("create", "--name", "keep", "--role", "reader");
        String kept = out().strip();
        token("create", "--name", "gone", "--role", "admin");
        String gone = out().strip();
        assertEquals(0, token("revoke", "gone"), err());

        assertEquals(0, token("list"), err());

        String listing = out();
        assertTrue(listing.lines().anyMatch(line -> line.startsWith("keep ") && line.contains(" reader ")
                && line.contains(" active ")), listing);
        assertTrue(listing.lines().anyMatch(line -> line.startsWith("gone ") && line.contains(" revoked ")), listing);
        assertFalse(listing.contains(kept) || listing.contains(gone), "no secret in the list");
    }

    @Test
    void refusals_exit_1_with_the_reason_and_misuse_exits_2_with_the_usage() {
        token("create", "--name", "ci", "--role", "scorer");

        assertEquals(1, token("create", "--name", "ci", "--role", "reader"));
        assertTrue(err().contains("refused") && err().contains("ci"), err());
        assertEquals(1, token("revoke", "nobody"));
        assertTrue(err().contains("nobody"), err());
        assertEquals(1, token("create", "--name", "bad name", "--role", "reader"));
        assertEquals(2, token("create", "--name", "x", "--role", "superuser"));
        assertTrue(err().contains("usage: java -jar mlledger.jar token"), err());
        assertEquals(2, token("create", "--name", "x", "--role", "reader", "--expires", "soon"));
        assertEquals(2, token("frobnicate"));
        assertEquals(2, token());
    }

    @Test
    void secret_prints_a_new_secret_that_an_admin_token_may_be_seeded_with_without_a_database() {
        TokenCli cli = new TokenCli(new PrintStream(out = new ByteArrayOutputStream(), true, StandardCharsets.UTF_8),
                new PrintStream(err = new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));

        assertEquals(0, cli.run("secret", "-datasources.default.url=jdbc:postgresql://127.0.0.1:1/nowhere"));
        String first = out().strip();
        cli.run("secret");

        assertTrue(TokenSecret.looksLikeOne(first), first);
        assertFalse(out().contains(first));
    }

    private int token(String... command) {
        out = new ByteArrayOutputStream();
        err = new ByteArrayOutputStream();
        List<String> args = new ArrayList<>(List.of(command));
        args.addAll(database.commandLineSettings());
        return new TokenCli(new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8)).run(args.toArray(String[]::new));
    }

    private String out() {
        String text = out.toString(StandardCharsets.UTF_8);
        out.reset();
        return text;
    }

    private String err() {
        return err.toString(StandardCharsets.UTF_8);
    }

    private String single(String sql) throws SQLException {
        try (Connection connection = database.connect(); Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery(sql)) {
            assertTrue(rows.next(), sql);
            return rows.getString(1);
        }
    }
}
