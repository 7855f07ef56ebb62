package dev.mlledger.adapters.web.security;

import dev.mlledger.domain.access.ApiToken;
import dev.mlledger.domain.access.Role;
import dev.mlledger.domain.access.TokenSecret;
import io.micronaut.security.authentication.Authentication;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ApiTokenAuthenticatorTest {

    private static final Instant NOW = Instant.parse("2026-12-01T12:00:00Z");

    private final Map<String, ApiToken> stored = new HashMap<>();
    private final AtomicInteger lookups = new AtomicInteger();
    private final ExecutorService blocking = Executors.newSingleThreadExecutor();
    private Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);

    @AfterEach
    void stopExecutor() {
        blocking.shutdownNow();
    }

    @Test
    void a_token_presented_again_is_answered_without_reading_the_store_again() {
        String secret = store("ci", Role.SCORER, null);
        ApiTokenAuthenticator authenticator = authenticator(Duration.ofSeconds(10));

        for (int i = 0; i < 5; i++) {
            assertEquals("ci", authenticate(authenticator, secret).getName());
        }

        assertEquals(1, lookups.get());
    }

    @Test
    void a_secret_differing_from_a_remembered_one_in_its_last_character_is_not_taken_for_it() {
        String secret = store("ci", Role.SCORER, null);
        ApiTokenAuthenticator authenticator = authenticator(Duration.ofSeconds(10));
        authenticate(authenticator, secret);
        String almost = secret.substring(0, secret.length() - 1) + (secret.endsWith("A") ? "B" : "A");

        assertNull(authenticate(authenticator, almost));
        assertNull(authenticate(authenticator, almost));
        assertEquals(2, lookups.get(), "the unknown secret was read once, then answered from the cache");
    }

    @Test
    void a_revoked_token_is_refused_at_once_once_the_cache_is_forgotten() {
        String secret = store("ci", Role.SCORER, null);
        ApiTokenAuthenticator authenticator = authenticator(Duration.ofSeconds(10));
        authenticate(authenticator, secret);
        authenticate(authenticator, secret);

        ApiToken token = stored.get(secret);
        stored.put(secret, new ApiToken(token.id(), token.name(), token.role(), token.secretHash(),
                token.createdAt(), token.expiresAt(), NOW));
        authenticator.forgetCachedTokens();

        assertNull(authenticate(authenticator, secret));
    }

    @Test
    void a_remembered_token_is_refused_from_the_moment_it_expires() {
        String secret = store("ci", Role.SCORER, NOW.plusSeconds(5));
        ApiTokenAuthenticator authenticator = authenticator(Duration.ofSeconds(10));
        assertEquals("ci", authenticate(authenticator, secret).getName());
        assertEquals("ci", authenticate(authenticator, secret).getName());

        clock = Clock.fixed(NOW.plusSeconds(5), ZoneOffset.UTC);

        assertNull(authenticate(authenticator, secret));
    }

    @Test
    void a_lookup_is_kept_no_longer_than_the_time_to_keep_lookups() throws InterruptedException {
        String secret = store("ci", Role.SCORER, null);
        ApiTokenAuthenticator authenticator = authenticator(Duration.ofMillis(200));
        for (int i = 0; i < 3; i++) {   // read, then from the cache, then from what the thread remembers
            authenticate(authenticator, secret);
        }
        assertEquals(1, lookups.get());

        Thread.sleep(250);
        authenticate(authenticator, secret);

        assertEquals(2, lookups.get(), "read again once the time had passed");
    }

    @Test
    void with_no_time_to_keep_lookups_every_request_reads_the_store() {
        String secret = store("ci", Role.SCORER, null);
        ApiTokenAuthenticator authenticator = authenticator(Duration.ZERO);

        for (int i = 0; i < 3; i++) {
            assertEquals("ci", authenticate(authenticator, secret).getName());
        }

        assertEquals(3, lookups.get());
    }

    @Test
    void several_clients_tokens_are_each_answered_as_their_own() {
        ApiTokenAuthenticator authenticator = authenticator(Duration.ofSeconds(10));
        Map<String, String> names = new HashMap<>();
        for (int i = 0; i < 7; i++) {   // more than a thread remembers
            names.put(store("client-" + i, Role.READER, null), "client-" + i);
        }

        for (int round = 0; round < 3; round++) {
            names.forEach((secret, name) -> assertEquals(name, authenticate(authenticator, secret).getName()));
        }

        assertEquals(7, lookups.get(), "each read once, then kept");
    }

    @Test
    void secrets_are_compared_whole() {
        assertTrue(TokenSecret.sameSecret("mll_abc", "mll_abc"));
        assertFalse(TokenSecret.sameSecret("mll_abc", "mll_abd"));
        assertFalse(TokenSecret.sameSecret("mll_abc", "mll_ab"));
        assertFalse(TokenSecret.sameSecret("xll_abc", "mll_abc"));
    }

    private ApiTokenAuthenticator authenticator(Duration ttl) {
        return new ApiTokenAuthenticator(secret -> {
            lookups.incrementAndGet();
            return Optional.ofNullable(stored.get(secret));
        }, new Clock() {
            @Override
            public ZoneOffset getZone() {
                return ZoneOffset.UTC;
            }

            @Override
            public Clock withZone(java.time.ZoneId zone) {
                return this;
            }

            @Override
            public Instant instant() {
                return clock.instant();
            }
        }, blocking, ttl, 100);
    }

    private String store(String name, Role role, Instant expiresAt) {
        String secret = TokenSecret.generate();
        stored.put(secret, new ApiToken(UUID.randomUUID(), name, role, TokenSecret.hash(secret),
                NOW.minusSeconds(60), expiresAt, null));
        return secret;
    }

    private static Authentication authenticate(ApiTokenAuthenticator authenticator, String secret) {
        return authenticator.authenticate(secret).block(Duration.ofSeconds(5));
    }
}
