package dev.mlledger.application.access;

import dev.mlledger.application.testing.FakeUnitOfWork;
import dev.mlledger.application.testing.InMemoryApiTokens;
import dev.mlledger.domain.access.ApiToken;
import dev.mlledger.domain.access.Role;
import dev.mlledger.domain.access.TokenSecret;
import dev.mlledger.domain.validation.Conflict;
import dev.mlledger.domain.validation.InvalidInput;
import dev.mlledger.domain.validation.NotFound;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ApiTokenServiceTest {

    private static final Instant NOW = Instant.parse("2026-12-01T10:00:00Z");

    private final InMemoryApiTokens tokens = new InMemoryApiTokens();
    private final ApiTokenService service = new ApiTokenService(tokens, new FakeUnitOfWork(),
            Clock.fixed(NOW, ZoneOffset.UTC));

    @Test
    void an_issued_token_has_a_prefixed_256_bit_secret_that_is_stored_only_as_its_hash() {
        IssuedToken issued = service.issue(new NewApiToken("ci", Role.SCORER, 90));

        assertTrue(issued.secret().startsWith("mll_"));
        assertEquals(47, issued.secret().length());
        ApiToken stored = tokens.list().getFirst();
        assertEquals(TokenSecret.hash(issued.secret()), stored.secretHash());
        assertNotEquals(issued.secret(), stored.secretHash());
        assertEquals(NOW.plus(Duration.ofDays(90)), stored.expiresAt());
        assertFalse(issued.toString().contains(issued.secret()), "the secret is never in a log line by accident");
    }

    @Test
    void two_tokens_never_share_a_secret() {
        IssuedToken first = service.issue(new NewApiToken("a", Role.READER, null));
        IssuedToken second = service.issue(new NewApiToken("b", Role.READER, null));

        assertNotEquals(first.secret(), second.secret());
    }

    @Test
    void a_secret_finds_its_token_and_text_that_is_no_secret_finds_nothing() {
        IssuedToken issued = service.issue(new NewApiToken("ci", Role.SCORER, null));

        assertEquals(issued.token(), service.tokenOf(issued.secret()).orElseThrow());
        assertTrue(service.tokenOf("mll_" + "A".repeat(43)).isEmpty());
        assertTrue(service.tokenOf("not a token").isEmpty());
        assertTrue(service.tokenOf(null).isEmpty());
    }

    @Test
    void a_live_name_cannot_be_issued_twice_but_a_revoked_one_can() {
        service.issue(new NewApiToken("ci", Role.SCORER, null));

        assertThrows(Conflict.class, () -> service.issue(new NewApiToken("ci", Role.ADMIN, null)));
        ApiToken revoked = service.revoke("ci");
        service.issue(new NewApiToken("ci", Role.SCORER, null));

        assertEquals("ci", revoked.name());
        assertEquals(2, tokens.list().size());
        assertThrows(NotFound.class, () -> service.revoke("nobody"));
    }

    @Test
    void a_bad_name_or_validity_is_invalid_input() {
        assertThrows(InvalidInput.class, () -> new NewApiToken("", Role.READER, null));
        assertThrows(InvalidInput.class, () -> new NewApiToken("with space", Role.READER, null));
        assertThrows(InvalidInput.class, () -> new NewApiToken("x".repeat(51), Role.READER, null));
        assertThrows(InvalidInput.class, () -> new NewApiToken("ci", null, null));
        assertThrows(InvalidInput.class, () -> new NewApiToken("ci", Role.READER, 0));
        assertThrows(InvalidInput.class, () -> new NewApiToken("ci", Role.READER, 3651));
    }

    @Test
    void a_first_start_without_a_configured_secret_issues_an_admin_token_once() {
        Optional<IssuedToken> first = service.seed(Optional.empty());
        Optional<IssuedToken> second = service.seed(Optional.empty());

        assertEquals(Role.ADMIN, first.orElseThrow().token().role());
        assertEquals("admin", first.orElseThrow().token().name());
        assertTrue(second.isEmpty());
        assertEquals(1, tokens.list().size());
    }

    @Test
    void a_configured_secret_becomes_the_admin_token_and_replaces_an_earlier_one() {
        String configured = TokenSecret.generate();
        Optional<IssuedToken> generated = service.seed(Optional.empty());

        assertTrue(service.seed(Optional.of(configured)).isEmpty());
        service.seed(Optional.of(configured));

        ApiToken admin = service.tokenOf(configured).orElseThrow();
        assertEquals(Role.ADMIN, admin.role());
        assertTrue(admin.isValidAt(NOW));
        assertFalse(service.tokenOf(generated.orElseThrow().secret()).orElseThrow().isValidAt(NOW),
                "the generated token gave way to the configured one");
        assertEquals(2, tokens.list().size());
    }

    @Test
    void a_configured_secret_too_weak_to_be_a_token_is_refused() {
        InvalidInput refused = assertThrows(InvalidInput.class, () -> service.seed(Optional.of("admin")));

        assertTrue(refused.getMessage().contains("mll_"), refused.getMessage());
        assertTrue(tokens.list().isEmpty());
    }
}
