package dev.mlledger.bootstrap.http;

import dev.mlledger.adapters.persistence.testing.FreshDatabaseTest;
import dev.mlledger.bootstrap.testing.Json;
import dev.mlledger.bootstrap.testing.RawHttp;
import dev.mlledger.domain.access.TokenSecret;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static dev.mlledger.bootstrap.testing.Json.assertJson;
import static dev.mlledger.bootstrap.testing.Json.errorFields;
import static dev.mlledger.bootstrap.testing.ProblemAssertions.assertProblem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code /api/v1/tokens} and {@code /api/v1/whoami}: tokens issued once, listed without secrets, revoked at once. */
@MicronautTest(transactional = false)
class TokenEndpointTest extends FreshDatabaseTest {

    @Inject
    EmbeddedServer server;

    private RawHttp http() {
        return new RawHttp(server.getURL());
    }

    private Map<String, Object> issue(String json) {
        return assertJson(http().postJson("/api/v1/tokens", json), 201);
    }

    @Test
    void an_issued_token_is_shown_once_works_at_once_and_is_stored_only_as_its_hash() throws SQLException {
        Map<String, Object> issued = issue("{\"name\": \"ci-pipeline\", \"role\": \"scorer\", \"expires_in_days\": 90}");
        String secret = (String) issued.get("token");

        assertTrue(TokenSecret.looksLikeOne(secret), secret);
        assertEquals("scorer", issued.get("role"));
        assertEquals("active", issued.get("state"));
        Instant expires = Instant.parse((String) issued.get("expires_at"));
        assertTrue(Duration.between(Instant.now(), expires).toDays() >= 89, expires.toString());
        assertEquals(Map.of("name", "ci-pipeline", "role", "scorer"),
                assertJson(http().as(secret).get("/api/v1/whoami"), 200));
        try (Connection connection = database.connect(); Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("SELECT secret_hash FROM api_tokens WHERE name = 'ci-pipeline'")) {
            assertTrue(rows.next());
            assertEquals(TokenSecret.hash(secret), rows.getString(1).strip());
        }
        List<Map<String, Object>> listed = Json.list(Json.parseAny(http().get("/api/v1/tokens").body()));
        assertTrue(listed.stream().allMatch(token -> token.get("token") == null), "no secret in the list");
        assertTrue(listed.stream().anyMatch(token -> "ci-pipeline".equals(token.get("name"))), listed.toString());
    }

    @Test
    void a_revoked_token_is_refused_at_once_and_listed_as_revoked() {
        String secret = (String) issue("{\"name\": \"short-lived\", \"role\": \"reader\"}").get("token");
        assertEquals(200, http().as(secret).get("/api/v1/model").statusCode());

        Map<String, Object> revoked = assertJson(http().send("DELETE", "/api/v1/tokens/short-lived", null, null), 200);

        assertEquals("revoked", revoked.get("state"));
        assertNull(revoked.get("token"));
        HttpResponse<String> refused = http().as(secret).get("/api/v1/model");
        assertProblem(refused, 401);
        assertTrue(refused.headers().firstValue("WWW-Authenticate").orElse("").startsWith("Bearer"));
        assertProblem(http().send("DELETE", "/api/v1/tokens/short-lived", null, null), 404);
    }

    @Test
    void a_second_live_token_of_a_name_is_a_409_and_bad_fields_are_400s_naming_them() {
        issue("{\"name\": \"twin\", \"role\": \"reader\"}");

        assertProblem(http().postJson("/api/v1/tokens", "{\"name\": \"twin\", \"role\": \"admin\"}"), 409);
        assertEquals(List.of("role"), errorFields(assertProblem(
                http().postJson("/api/v1/tokens", "{\"name\": \"x\", \"role\": \"superuser\"}"), 400)));
        assertEquals(List.of("name"), errorFields(assertProblem(
                http().postJson("/api/v1/tokens", "{\"name\": \"has space\", \"role\": \"reader\"}"), 400)));
        assertEquals(List.of("expires_in_days"), errorFields(assertProblem(
                http().postJson("/api/v1/tokens", "{\"name\": \"x\", \"role\": \"reader\", \"expires_in_days\": 0}"), 400)));
    }

    @Test
    void only_an_admin_manages_tokens() {
        String tracker = (String) issue("{\"name\": \"tracker-1\", \"role\": \"tracker\"}").get("token");

        assertProblem(http().as(tracker).postJson("/api/v1/tokens", "{\"name\": \"mine\", \"role\": \"admin\"}"), 403);
        assertProblem(http().as(tracker).get("/api/v1/tokens"), 403);
        assertProblem(http().anonymous().get("/api/v1/tokens"), 401);
        assertFalse(http().get("/api/v1/tokens").body().contains("\"mine\""));
    }

    @Test
    void predictions_and_analytics_filter_by_the_principal_whose_requests_made_them() {
        String scorer = (String) issue("{\"name\": \"scorer-1\", \"role\": \"scorer\"}").get("token");
        String body = "{\"features\": {\"age\": 30, \"monthly_income\": 4000, \"overtime\": true, \"job_satisfaction\": 3}}";
        assertEquals(200, http().as(scorer).postJson("/api/v1/predict", body).statusCode());
        assertEquals(200, http().as(scorer).postJson("/api/v1/predict", body).statusCode());
        assertEquals(200, http().postJson("/api/v1/predict", body).statusCode());

        Map<String, Object> ofScorer = assertJson(http().get("/api/v1/predictions?principal=scorer-1"), 200);
        Map<String, Object> summary = assertJson(http().get("/api/v1/analytics/summary?principal=scorer-1"), 200);
        Map<String, Object> distribution = assertJson(http().get("/api/v1/analytics/risk-distribution?principal=admin"), 200);

        assertEquals(2, Json.list(ofScorer.get("items")).size());
        assertEquals(2, ((Number) summary.get("total")).intValue(), summary.toString());
        assertEquals(1, distribution.values().stream().mapToInt(count -> ((Number) count).intValue()).sum());
    }
}
