package dev.mlledger.bootstrap.security;

import dev.mlledger.bootstrap.testing.RawHttp;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;

import static dev.mlledger.bootstrap.testing.ProblemAssertions.assertProblem;
import static dev.mlledger.bootstrap.testing.TrackingApi.body;
import static dev.mlledger.bootstrap.testing.TrackingApi.expect;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** What the security tests share: tokens issued through the API, and the checks of a refused request. */
final class SecurityApi {

    private SecurityApi() {
    }

    /** Issues a token as the tests' admin; @return its secret, shown this once */
    static String issueToken(RawHttp admin, String name, String role) {
        Map<String, Object> issued = body(expect(201, admin.postJson("/api/v1/tokens",
                "{\"name\": \"" + name + "\", \"role\": \"" + role + "\"}")));
        String secret = (String) issued.get("token");
        assertTrue(secret != null && secret.startsWith("mll_"), issued::toString);
        return secret;
    }

    /** {@code Basic base64(user:password)}. */
    static String basic(String user, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    /** A 401 problem with the Bearer challenge; {@code invalid_token} exactly when credentials were sent. */
    static void assertUnauthorized(HttpResponse<String> response, boolean sentCredentials) {
        assertProblem(response, 401);
        String challenge = response.headers().firstValue("WWW-Authenticate").orElse("");
        assertTrue(challenge.startsWith("Bearer realm=\"mlledger\""), () -> "WWW-Authenticate: " + challenge);
        assertTrue(challenge.contains("error=\"invalid_token\"") == sentCredentials,
                () -> "WWW-Authenticate: " + challenge + (sentCredentials ? " (credentials sent)" : " (none sent)"));
    }
}
