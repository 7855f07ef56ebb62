package dev.mlledger.bootstrap.security;

import dev.mlledger.adapters.persistence.testing.FreshDatabaseTest;
import dev.mlledger.bootstrap.testing.RawHttp;
import dev.mlledger.bootstrap.testing.Rows;
import dev.mlledger.domain.access.TokenSecret;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import static dev.mlledger.bootstrap.security.SecurityApi.assertUnauthorized;
import static dev.mlledger.bootstrap.security.SecurityApi.basic;
import static dev.mlledger.bootstrap.security.SecurityApi.issueToken;
import static dev.mlledger.bootstrap.testing.ProblemAssertions.assertProblem;
import static dev.mlledger.bootstrap.testing.ProblemAssertions.parse;
import static dev.mlledger.bootstrap.testing.TrackingApi.body;
import static dev.mlledger.bootstrap.testing.TrackingApi.expect;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Issue 11, bad input: a malformed {@code Authorization} header, an unknown, expired or revoked token, Basic with a
 * wrong password: 401 problem+json with the Bearer challenge, never a 500, and a request-log row (status 401, no
 * principal) for every attempt. Basic whose password is an API token is let in as that token.
 */
@MicronautTest(transactional = false)
class CredentialProblemsTest extends FreshDatabaseTest {

    /** Each attempt asks for the experiments of an owner named after it, so that its request-log row is found. */
    private static final String PATH = "/api/v1/experiments?owner=";
    private static final AtomicInteger ATTEMPTS = new AtomicInteger();

    @Inject
    EmbeddedServer server;

    private RawHttp http;

    @BeforeEach
    void client() {
        http = new RawHttp(server.getURL());
    }

    @ParameterizedTest(name = "Authorization: {0}")
    @ValueSource(strings = {"Bearer", "Bearer  ", "Bearer mll_", "Basic !!!", "Basic", "Basic Og==", "Token x",
            "Bearer a.b.c", "Bearer eyJhbGciOiJub25lIn0.eyJzdWIiOiJldmUifQ.", "mll_test-admin-token-of-the-mlledger-test-suite",
            "Bearer mll_test-admin-token-of-the-mlledger-test-suit", "bearer\tx"})
    void a_malformed_authorization_header_is_a_401_and_a_logged_attempt_without_principal(String header) {
        assertRefusedAndLogged(header);
    }

    @Test
    void a_ten_kilobyte_authorization_header_is_refused_as_too_large_without_a_500() {
        String attempt = attempt();
        String header = "Bearer " + "a".repeat(10 * 1024);

        HttpResponse<String> response = http.withAuthorization(header).get(PATH + attempt);

        // over the server's header limit (8 kB): refused before any filter, so neither checked nor logged
        assertProblem(response, 413);
        assertFalse(response.body().contains("aaaaaaaa"), response::body);
        loggedAttempt(attempt + "-after", http.get(PATH + attempt + "-after"));   // the log has caught up
        assertEquals(List.of(), Rows.query(database, "SELECT id FROM api_requests WHERE request_data ->> 'owner' = ?",
                attempt));
    }

    @Test
    void a_non_ascii_authorization_header_is_a_401_and_a_logged_attempt() {
        String attempt = attempt();
        byte[] header = ("Bearer mll_" + "é€🔑".repeat(10)).getBytes(StandardCharsets.UTF_8);

        RawSocketHttp.Answer answer = RawSocketHttp.get(server.getURL(), PATH + attempt, header);

        assertEquals(401, answer.status(), answer::body);
        assertEquals("application/problem+json", answer.header("Content-Type"));
        assertTrue(answer.header("WWW-Authenticate").startsWith("Bearer realm=\"mlledger\""),
                () -> answer.headers().toString());
        assertEquals(401, ((Number) parse(answer.body()).get("status")).intValue());
        assertLoggedAsUnauthenticated(attempt);
    }

    @Test
    void no_credentials_at_all_is_a_401_with_a_plain_challenge_and_a_logged_attempt() {
        String attempt = attempt();

        assertUnauthorized(http.anonymous().get(PATH + attempt), false);

        assertLoggedAsUnauthenticated(attempt);
    }

    @Test
    void a_well_formed_token_nobody_issued_is_a_401() {
        assertRefusedAndLogged("Bearer " + TokenSecret.generate());
        assertRefusedAndLogged(basic("ci", TokenSecret.generate()));
    }

    @Test
    void an_expired_token_is_a_401_as_bearer_and_as_basic_password() {
        String secret = TokenSecret.generate();
        Rows.update(database, """
                INSERT INTO api_tokens (id, name, role, secret_hash, created_at, expires_at)
                VALUES (?, 'expired-ci', 'admin', ?, now() - interval '2 days', now() - interval '1 second')""",
                UUID.randomUUID(), TokenSecret.hash(secret));

        assertRefusedAndLogged("Bearer " + secret);
        assertRefusedAndLogged(basic("expired-ci", secret));
    }

    @Test
    void a_revoked_token_is_refused_at_once_on_the_instance_that_revoked_it() {
        String secret = issueToken(http, "soon-revoked", "reader");
        assertEquals("soon-revoked", body(expect(200, http.as(secret).get("/api/v1/whoami"))).get("name"));
        assertEquals(200, http.withAuthorization(basic("x", secret)).get("/api/v1/whoami").statusCode());

        expect(200, http.send("DELETE", "/api/v1/tokens/soon-revoked", null, null));

        assertRefusedAndLogged("Bearer " + secret);
        assertRefusedAndLogged(basic("x", secret));
    }

    @Test
    void basic_with_an_api_token_as_password_is_let_in_as_that_token_whatever_the_user_name() {
        String secret = issueToken(http, "mlflow-client", "scorer");

        for (String user : List.of("mlflow", "", "admin", "someone@example")) {
            String attempt = attempt();
            RawHttp client = http.withAuthorization(basic(user, secret));

            Map<String, Object> whoami = body(expect(200, client.get("/api/v1/whoami")));
            expect(200, client.get(PATH + attempt));

            assertEquals(Map.of("name", "mlflow-client", "role", "scorer"), whoami, user);
            List<Map<String, Object>> rows = loggedAttempt(attempt);
            assertEquals(List.of(Map.of("http_status", 200, "principal", "mlflow-client", "role", "scorer")), rows);
        }
    }

    @Test
    void the_first_request_of_a_token_not_looked_up_yet_may_carry_a_body() {
        // a lookup that missed the cache used to go on off the event loop, and the body was then read re-entrantly
        for (int i = 0; i < 5; i++) {
            String bearer = issueToken(http, "first-body-bearer-" + i, "tracker");
            String basic = issueToken(http, "first-body-basic-" + i, "tracker");

            expect(201, http.as(bearer).postJson("/api/v1/experiments", "{\"name\": \"first-bearer-" + i + "\"}"));
            expect(201, http.withAuthorization(basic("mlflow", basic))
                    .postJson("/api/v1/experiments", "{\"name\": \"first-basic-" + i + "\"}"));
        }
    }

    @Test
    void basic_with_a_wrong_password_is_a_401() {
        String secret = issueToken(http, "basic-user", "reader");

        String oneCharacterOff = secret.substring(0, secret.length() - 1) + (secret.endsWith("A") ? "B" : "A");
        assertRefusedAndLogged(basic("basic-user", oneCharacterOff));
        assertRefusedAndLogged(basic("basic-user", "hunter2"));
        assertRefusedAndLogged(basic("basic-user", ""));
        assertRefusedAndLogged(basic(secret, ""));
    }

    private void assertRefusedAndLogged(String authorization) {
        String attempt = attempt();

        HttpResponse<String> response = http.withAuthorization(authorization).get(PATH + attempt);

        assertUnauthorized(response, true);
        assertLoggedAsUnauthenticated(attempt);
    }

    private void assertLoggedAsUnauthenticated(String attempt) {
        List<Map<String, Object>> rows = loggedAttempt(attempt);
        assertEquals(1, rows.size(), () -> "request-log rows of attempt " + attempt + ": " + rows);
        assertEquals(401, rows.getFirst().get("http_status"));
        assertNull(rows.getFirst().get("principal"));
        assertNull(rows.getFirst().get("role"));
    }

    private List<Map<String, Object>> loggedAttempt(String attempt, HttpResponse<String> answered) {
        expect(200, answered);
        return loggedAttempt(attempt);
    }

    private List<Map<String, Object>> loggedAttempt(String attempt) {
        return Rows.await(database, Duration.ofSeconds(10),
                "SELECT http_status, principal, role FROM api_requests WHERE request_data ->> 'owner' = ?", attempt);
    }

    private static String attempt() {
        return "attempt-" + ATTEMPTS.incrementAndGet();
    }
}
