package dev.mlledger.adapters.persistence.access;

import dev.mlledger.adapters.persistence.jdbc.Columns;
import dev.mlledger.domain.access.ApiToken;
import dev.mlledger.domain.access.ApiTokens;
import dev.mlledger.domain.access.Role;
import dev.mlledger.domain.validation.Conflict;
import io.micronaut.context.annotation.Requires;
import jakarta.inject.Singleton;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** API tokens in {@code api_tokens}, through {@link ApiTokenRepository}. */
@Singleton
@Requires(property = "mlledger.persistence.adapter", value = "jdbc", defaultValue = "jdbc")
public class JdbcApiTokens implements ApiTokens {

    private final ApiTokenRepository repository;

    public JdbcApiTokens(ApiTokenRepository repository) {
        this.repository = repository;
    }

    @Override
    public void add(ApiToken token) {
        int inserted = repository.insertUnlessTaken(token.id(), token.name(), token.role().spelling(),
                token.secretHash(), Columns.time(token.createdAt()),
                token.expiresAt() == null ? null : Columns.time(token.expiresAt()));
        if (inserted == 0) {
            throw new Conflict("an API token named " + token.name() + " exists");
        }
    }

    @Override
    public Optional<ApiToken> findBySecretHash(String secretHash) {
        return repository.findBySecretHash(secretHash).map(JdbcApiTokens::token);
    }

    @Override
    public List<ApiToken> list() {
        return repository.findAllOldestFirst().stream().map(JdbcApiTokens::token).toList();
    }

    @Override
    public Optional<ApiToken> revoke(String name, Instant at) {
        Optional<ApiToken> live = repository.findLiveByNameForUpdate(name).map(JdbcApiTokens::token);
        live.ifPresent(token -> repository.markRevoked(token.id(), Columns.time(at)));
        return live.map(token -> token.revokedAt(at));
    }

    private static ApiToken token(ApiTokenRow row) {
        return new ApiToken(row.id(), row.name(), Role.parse(row.role()).orElseThrow(), row.secretHash(),
                row.createdAt(), row.expiresAt(), row.revokedAt());
    }
}
