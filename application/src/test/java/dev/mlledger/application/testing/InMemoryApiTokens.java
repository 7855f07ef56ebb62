package dev.mlledger.application.testing;

import dev.mlledger.domain.access.ApiToken;
import dev.mlledger.domain.access.ApiTokens;
import dev.mlledger.domain.validation.Conflict;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** API tokens in a list, for the use-case tests. */
public final class InMemoryApiTokens implements ApiTokens {

    private final List<ApiToken> tokens = new ArrayList<>();

    @Override
    public void add(ApiToken token) {
        if (tokens.stream().anyMatch(t -> t.name().equals(token.name()) && !t.isRevoked())) {
            throw new Conflict("an API token named " + token.name() + " exists");
        }
        tokens.add(token);
    }

    @Override
    public Optional<ApiToken> findBySecretHash(String secretHash) {
        return tokens.stream().filter(t -> t.secretHash().equals(secretHash)).findFirst();
    }

    @Override
    public List<ApiToken> list() {
        return List.copyOf(tokens);
    }

    @Override
    public Optional<ApiToken> revoke(String name, Instant at) {
        for (int i = 0; i < tokens.size(); i++) {
            ApiToken t = tokens.get(i);
            if (t.name().equals(name) && !t.isRevoked()) {
                tokens.set(i, t.revokedAt(at));
                return Optional.of(tokens.get(i));
            }
        }
        return Optional.empty();
    }
}
