package dev.mlledger.adapters.persistence.memory;

import dev.mlledger.domain.access.ApiToken;
import dev.mlledger.domain.access.ApiTokens;
import dev.mlledger.domain.validation.Conflict;
import io.micronaut.context.annotation.Requires;
import jakarta.inject.Singleton;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** The API tokens in the {@link MemoryStore}; few enough that a lookup may walk them all. */
@Singleton
@Requires(property = "mlledger.persistence.adapter", value = "memory")
public class MemoryApiTokens implements ApiTokens {

    private final MemoryStore store;

    public MemoryApiTokens(MemoryStore store) {
        this.store = store;
    }

    @Override
    public void add(ApiToken token) {
        MemoryTransaction transaction = store.writing();
        if (live(token.name()).isPresent()) {
            throw new Conflict("an API token named " + token.name() + " exists");
        }
        store.apiTokens.insert(transaction, token);
    }

    @Override
    public Optional<ApiToken> findBySecretHash(String secretHash) {
        store.reading();
        return store.tokensByCreation.rows().values().stream()
                .filter(token -> token.secretHash().equals(secretHash))
                .findFirst();
    }

    @Override
    public List<ApiToken> list() {
        store.reading();
        return List.copyOf(store.tokensByCreation.rows().values());
    }

    @Override
    public Optional<ApiToken> revoke(String name, Instant at) {
        MemoryTransaction transaction = store.writing();
        Optional<ApiToken> revoked = live(name).map(token -> token.revokedAt(at));
        revoked.ifPresent(token -> store.apiTokens.replace(transaction, token));
        return revoked;
    }

    private Optional<ApiToken> live(String name) {
        return store.tokensByCreation.rows().values().stream()
                .filter(token -> token.name().equals(name) && !token.isRevoked())
                .findFirst();
    }
}
