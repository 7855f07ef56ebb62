package dev.mlledger.domain.contract;

import dev.mlledger.domain.access.ApiToken;
import dev.mlledger.domain.access.Role;
import dev.mlledger.domain.access.TokenSecret;
import dev.mlledger.domain.id.Ids;
import dev.mlledger.domain.validation.Conflict;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import static dev.mlledger.domain.contract.ContractData.T0;
import static dev.mlledger.domain.contract.ContractData.T0_FINE;
import static dev.mlledger.domain.contract.ContractData.micros;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** API tokens: found by the hash of their secret, names unique among live tokens, revocation kept. */
public abstract class ApiTokensContract extends StorageContract {

    private static ApiToken token(String name, Role role, Instant createdAt, Instant expiresAt) {
        return new ApiToken(Ids.newId(), name, role, TokenSecret.hash(TokenSecret.generate()), createdAt, expiresAt,
                null);
    }

    @Test
    void a_token_is_found_by_the_hash_of_its_secret_with_everything_it_was_given() {
        ApiToken token = token("ci-pipeline", Role.SCORER, T0_FINE, T0_FINE.plus(Duration.ofDays(90)));
        writing(() -> store.apiTokens().add(token));

        ApiToken found = read(() -> store.apiTokens().findBySecretHash(token.secretHash())).orElseThrow();

        assertEquals(token.id(), found.id());
        assertEquals("ci-pipeline", found.name());
        assertEquals(Role.SCORER, found.role());
        assertEquals(token.secretHash(), found.secretHash());
        assertEquals(micros(token.createdAt()), micros(found.createdAt()));
        assertEquals(micros(token.expiresAt()), micros(found.expiresAt()));
        assertEquals(null, found.revokedAt());
    }

    @Test
    void an_unknown_hash_finds_nothing() {
        writing(() -> store.apiTokens().add(token("a", Role.READER, T0, null)));

        assertTrue(read(() -> store.apiTokens().findBySecretHash(TokenSecret.hash("mll_other"))).isEmpty());
    }

    @Test
    void a_second_live_token_of_the_same_name_is_a_conflict_and_is_not_stored() {
        writing(() -> store.apiTokens().add(token("ci", Role.READER, T0, null)));
        ApiToken twin = token("ci", Role.ADMIN, T0.plusSeconds(1), null);

        assertThrows(Conflict.class, () -> writing(() -> store.apiTokens().add(twin)));

        assertTrue(read(() -> store.apiTokens().findBySecretHash(twin.secretHash())).isEmpty());
        assertEquals(1, read(() -> store.apiTokens().list()).size());
    }

    @Test
    void revoking_keeps_the_token_marked_revoked_and_frees_its_name() {
        ApiToken first = token("ci", Role.SCORER, T0, null);
        writing(() -> store.apiTokens().add(first));
        Instant revokedAt = T0_FINE.plusSeconds(60);

        Optional<ApiToken> revoked = write(() -> store.apiTokens().revoke("ci", revokedAt));
        ApiToken second = token("ci", Role.SCORER, T0.plusSeconds(120), null);
        writing(() -> store.apiTokens().add(second));

        assertEquals(first.id(), revoked.orElseThrow().id());
        assertTrue(revoked.orElseThrow().isRevoked(), "the answer is the token as revoked");
        ApiToken found = read(() -> store.apiTokens().findBySecretHash(first.secretHash())).orElseThrow();
        assertEquals(micros(revokedAt), micros(found.revokedAt()));
        assertTrue(found.isRevoked());
        assertEquals(List.of(first.id(), second.id()), read(() -> store.apiTokens().list()).stream().map(ApiToken::id).toList());
    }

    @Test
    void revoking_a_name_without_a_live_token_revokes_nothing() {
        writing(() -> store.apiTokens().add(token("ci", Role.SCORER, T0, null)));
        writing(() -> store.apiTokens().revoke("ci", T0.plusSeconds(1)));

        assertTrue(write(() -> store.apiTokens().revoke("ci", T0.plusSeconds(2))).isEmpty());
        assertTrue(write(() -> store.apiTokens().revoke("nobody", T0.plusSeconds(2))).isEmpty());
        ApiToken only = read(() -> store.apiTokens().list()).getFirst();
        assertEquals(micros(T0.plusSeconds(1)), micros(only.revokedAt()));
    }

    @Test
    void the_list_holds_every_token_oldest_first() {
        ApiToken late = token("late", Role.ADMIN, T0.plusSeconds(10), null);
        ApiToken early = token("early", Role.TRACKER, T0, null);
        writing(() -> {
            store.apiTokens().add(late);
            store.apiTokens().add(early);
        });

        assertEquals(List.of("early", "late"), read(() -> store.apiTokens().list()).stream().map(ApiToken::name).toList());
    }

    @Test
    void a_token_added_in_a_unit_of_work_that_fails_is_not_kept() {
        ApiToken token = token("ci", Role.READER, T0, null);

        assertThrows(IllegalStateException.class, () -> writing(() -> {
            store.apiTokens().add(token);
            throw new IllegalStateException("boom");
        }));

        assertTrue(read(() -> store.apiTokens().list()).isEmpty());
    }
}
