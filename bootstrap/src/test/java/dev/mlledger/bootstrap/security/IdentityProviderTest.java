package dev.mlledger.bootstrap.security;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.PlainJWT;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpServer;
import dev.mlledger.adapters.persistence.testing.FreshDatabaseTest;
import dev.mlledger.bootstrap.RunningService;
import dev.mlledger.bootstrap.testing.RawHttp;
import dev.mlledger.bootstrap.testing.Rows;
import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import static dev.mlledger.bootstrap.security.SecurityApi.assertUnauthorized;
import static dev.mlledger.bootstrap.security.SecurityApi.issueToken;
import static dev.mlledger.bootstrap.testing.ProblemAssertions.assertProblem;
import static dev.mlledger.bootstrap.testing.TrackingApi.body;
import static dev.mlledger.bootstrap.testing.TrackingApi.expect;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Issue 11, identity providers: JWTs validated against a JWKS that this test serves itself (an RSA key pair of its
 * own), the role taken from the {@code roles} claim; API tokens keep working beside them.
 */
@MicronautTest(transactional = false)
class IdentityProviderTest extends FreshDatabaseTest {

    private static final String AUDIENCE = "mlledger";
    private static final String EMPLOYEE = "{\"employee_id\": \"E-9\", \"features\": {\"age\": 36.9, "
            + "\"monthly_income\": 6503, \"overtime\": false, \"job_satisfaction\": 2.73}}";

    private final RSAKey providerKey = rsaKey("provider-key");
    private final AtomicInteger jwksRequests = new AtomicInteger();
    private final HttpServer jwks = serveJwks(new JWKSet(providerKey.toPublicJWK()));

    @Inject
    EmbeddedServer server;

    private RawHttp http;

    @Override
    protected Map<String, String> settings() {
        Map<String, String> settings = oidc(jwksUrl(), AUDIENCE);
        // keys kept for a second only, so that a test can have them fetched again
        settings.put("micronaut.security.token.jwt.signatures.jwks.identity-provider.cache-expiration", "1");
        return settings;
    }

    @BeforeEach
    void client() {
        http = new RawHttp(server.getURL());
    }

    @AfterAll
    void stopJwks() {
        jwks.stop(0);
    }

    @Test
    void a_valid_token_of_the_provider_creates_an_experiment_owned_by_its_subject() {
        RawHttp alice = bearing(signed(providerKey, claims("alice@example").claim("roles", List.of("tracker"))));

        Map<String, Object> created = body(expect(201, alice.postJson("/api/v1/experiments", "{\"name\": \"from-idp\"}")));

        assertEquals("alice@example", created.get("owner"));
        assertEquals(Map.of("name", "alice@example", "role", "tracker"),
                body(expect(200, alice.get("/api/v1/whoami"))));
        // and she may change what she owns
        expect(200, alice.send("PATCH", "/api/v1/experiments/" + created.get("id"), "application/json",
                "{\"description\": \"mine\"}"));
        assertTrue(jwksRequests.get() >= 1, "the keys were fetched from the provider's JWKS address");
    }

    @Test
    void a_request_with_a_body_is_carried_out_when_the_keys_had_to_be_fetched_again_for_it() throws InterruptedException {
        String carol = signed(providerKey, claims("carol@example").claim("roles", List.of("tracker")));

        for (int i = 0; i < 3; i++) {
            Thread.sleep(1_500);   // the keys are stale
            int fetches = jwksRequests.get();

            expect(201, bearing(carol).postJson("/api/v1/experiments", "{\"name\": \"after-fetch-" + i + "\"}"));

            assertTrue(jwksRequests.get() > fetches, "the keys were fetched again for this request");
        }
    }

    @Test
    void the_request_log_names_the_subject_and_role_of_a_token() {
        RawHttp bob = bearing(signed(providerKey, claims("bob@example").claim("roles", List.of("reader"))));

        expect(200, bob.get("/api/v1/experiments?owner=logged-jwt"));

        assertEquals(List.of(Map.of("principal", "bob@example", "role", "reader")), Rows.await(database,
                Duration.ofSeconds(10), "SELECT principal, role FROM api_requests WHERE request_data ->> 'owner' = ?",
                "logged-jwt"));
    }

    @Test
    void a_token_signed_by_another_key_is_a_401() {
        RSAKey impostor = rsaKey(providerKey.getKeyID());   // claims the provider's key id
        RSAKey unknown = rsaKey("unknown-key");

        for (RSAKey key : List.of(impostor, unknown)) {
            String token = signed(key, claims("mallory@example").claim("roles", List.of("admin")));
            assertUnauthorized(bearing(token).get("/api/v1/whoami"), true);
            assertUnauthorized(bearing(token).send("DELETE", "/api/v1/retention?older_than_days=1", null, null), true);
        }
    }

    @Test
    void an_unsigned_token_alg_none_is_a_401() {
        String unsigned = new PlainJWT(claims("mallory@example").claim("roles", List.of("admin")).build()).serialize();

        assertUnauthorized(bearing(unsigned).get("/api/v1/whoami"), true);
        // the same claims signed by the provider are let in: the 401 is for the missing signature
        expect(200, bearing(signed(providerKey, claims("mallory@example").claim("roles", List.of("admin"))))
                .get("/api/v1/whoami"));
    }

    @Test
    void a_token_for_another_audience_is_a_401() {
        String otherAudience = signed(providerKey, claims("alice@example").audience("some-other-service")
                .claim("roles", List.of("admin")));
        String noAudience = signed(providerKey, claims("alice@example").audience((String) null)
                .claim("roles", List.of("admin")));

        assertUnauthorized(bearing(otherAudience).get("/api/v1/whoami"), true);
        assertUnauthorized(bearing(noAudience).get("/api/v1/whoami"), true);
    }

    @Test
    void an_expired_token_is_a_401() {
        String expired = signed(providerKey, claims("alice@example").claim("roles", List.of("admin"))
                .issueTime(Date.from(Instant.now().minus(Duration.ofHours(2))))
                .expirationTime(Date.from(Instant.now().minus(Duration.ofHours(1)))));

        assertUnauthorized(bearing(expired).get("/api/v1/whoami"), true);
    }

    @Test
    void a_reader_token_may_read_but_not_create_an_experiment_403() {
        RawHttp reader = bearing(signed(providerKey, claims("rita@example").claim("roles", List.of("reader"))));

        expect(200, reader.get("/api/v1/experiments"));
        assertProblem(reader.postJson("/api/v1/experiments", "{\"name\": \"not-allowed\"}"), 403);

        assertEquals(0, Rows.count(database, "SELECT count(*) FROM experiments WHERE name = 'not-allowed'"));
    }

    @Test
    void roles_given_as_one_space_separated_string_are_each_held() {
        RawHttp scorer = bearing(signed(providerKey, claims("svc-scoring").claim("roles", "scorer reader")));

        expect(200, scorer.postJson("/api/v1/predict", EMPLOYEE));
        assertEquals(Map.of("name", "svc-scoring", "role", "scorer"), body(expect(200, scorer.get("/api/v1/whoami"))));
        assertProblem(scorer.postJson("/api/v1/experiments", "{\"name\": \"scorers-cannot\"}"), 403);
    }

    @Test
    void a_token_without_a_known_role_is_let_in_nowhere_403() {
        for (Object roles : new Object[] {null, List.of(), List.of("superuser"), "root"}) {
            JWTClaimsSet.Builder claims = claims("nobody@example");
            if (roles != null) {
                claims.claim("roles", roles);
            }
            RawHttp nobody = bearing(signed(providerKey, claims));

            assertProblem(nobody.get("/api/v1/whoami"), 403);
            assertProblem(nobody.get("/prometheus"), 403);
        }
    }

    @Test
    void api_tokens_keep_working_beside_the_identity_provider() {
        String secret = issueToken(http, "ci-beside-idp", "scorer");

        assertEquals(Map.of("name", "admin", "role", "admin"), body(expect(200, http.get("/api/v1/whoami"))));
        assertEquals(Map.of("name", "ci-beside-idp", "role", "scorer"),
                body(expect(200, http.as(secret).get("/api/v1/whoami"))));
        expect(200, http.as(secret).postJson("/api/v1/predict", EMPLOYEE));
        assertUnauthorized(http.as("mll_" + "x".repeat(43)).get("/api/v1/whoami"), true);
    }

    @Test
    void switching_the_identity_provider_on_without_its_jwks_address_refuses_to_start_naming_the_property() {
        Map<String, String> withoutUrl = new HashMap<>(database.micronautProperties());
        withoutUrl.putAll(oidc(null, AUDIENCE));
        Map<String, String> withoutAudience = new HashMap<>(database.micronautProperties());
        withoutAudience.putAll(oidc(jwksUrl(), null));

        String noUrl = startupFailure(withoutUrl);
        String noAudience = startupFailure(withoutAudience);

        assertTrue(noUrl.contains("mlledger.security.oidc.jwks-url"), noUrl);
        assertTrue(noAudience.contains("mlledger.security.oidc.audience"), noAudience);
    }

    private static String startupFailure(Map<String, String> properties) {
        Map<String, Object> settings = new HashMap<>(properties);
        RuntimeException failure = assertThrows(RuntimeException.class, () -> {
            try (ApplicationContext context = ApplicationContext.run(settings, "test")) {
                context.getBean(EmbeddedServer.class);
            }
        });
        return RunningService.explain(failure);
    }

    private static Map<String, String> oidc(String jwksUrl, String audience) {
        Map<String, String> settings = new HashMap<>();
        settings.put("mlledger.security.oidc.enabled", "true");
        if (jwksUrl != null) {
            settings.put("mlledger.security.oidc.jwks-url", jwksUrl);
        }
        if (audience != null) {
            settings.put("mlledger.security.oidc.audience", audience);
        }
        return settings;
    }

    private String jwksUrl() {
        return "http://127.0.0.1:" + jwks.getAddress().getPort() + "/jwks";
    }

    private RawHttp bearing(String jwt) {
        return http.withAuthorization("Bearer " + jwt);
    }

    private static JWTClaimsSet.Builder claims(String subject) {
        Instant now = Instant.now();
        return new JWTClaimsSet.Builder()
                .issuer("https://idp.example/realms/test")
                .subject(subject)
                .audience(AUDIENCE)
                .issueTime(Date.from(now))
                .expirationTime(Date.from(now.plus(Duration.ofMinutes(5))));
    }

    private static String signed(RSAKey key, JWTClaimsSet.Builder claims) {
        try {
            SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.getKeyID()).build(),
                    claims.build());
            jwt.sign(new RSASSASigner(key));
            return jwt.serialize();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    private static RSAKey rsaKey(String keyId) {
        try {
            return new RSAKeyGenerator(2048).keyID(keyId).generate();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    private HttpServer serveJwks(JWKSet keys) {
        try {
            HttpServer jwksServer = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            byte[] document = keys.toString().getBytes(StandardCharsets.UTF_8);
            jwksServer.createContext("/jwks", exchange -> {
                jwksRequests.incrementAndGet();
                exchange.getResponseHeaders().add("Content-Type", "application/json");
                exchange.sendResponseHeaders(200, document.length);
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(document);
                }
            });
            jwksServer.start();
            return jwksServer;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
