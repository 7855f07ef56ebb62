package dev.mlledger.domain.access;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Driven port: the API tokens. Call it inside a {@code UnitOfWork}. */
public interface ApiTokens {

    /**
     * Stores a new token.
     *
     * @throws dev.mlledger.domain.validation.Conflict when a token that is not revoked has its name
     */
    void add(ApiToken token);

    /** The token, revoked or not, whose secret has this hash ({@link TokenSecret#hash}). */
    Optional<ApiToken> findBySecretHash(String secretHash);

    /** Every token, revoked ones too, oldest first. */
    List<ApiToken> list();

    /**
     * Revokes the token of that name that is not revoked yet.
     *
     * @return the revoked token; empty when there is none of that name to revoke
     */
    Optional<ApiToken> revoke(String name, Instant at);
}
