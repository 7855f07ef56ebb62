package dev.mlledger.adapters.web.access;

import dev.mlledger.application.access.IssuedToken;
import dev.mlledger.domain.access.ApiToken;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import io.micronaut.serde.config.naming.SnakeCaseStrategy;
import io.swagger.v3.oas.annotations.media.Schema;

import java.time.Instant;
import java.util.UUID;

/**
 * An API token as clients see it: never its secret, except in the answer that creates it ({@code token}).
 *
 * @param state {@code active}, {@code expired} or {@code revoked}
 */
@Serdeable(naming = SnakeCaseStrategy.class)
@Schema(name = "Token")
public record TokenView(UUID id, String name, String role, String state, Instant createdAt,
                        @Nullable Instant expiresAt, @Nullable Instant revokedAt,
                        @Nullable @Schema(description = "The secret, in the answer to POST only: store it now, it is never shown again") String token) {

    static TokenView of(ApiToken token, Instant now) {
        String state = token.isRevoked() ? "revoked" : token.isValidAt(now) ? "active" : "expired";
        return new TokenView(token.id(), token.name(), token.role().spelling(), state, token.createdAt(),
                token.expiresAt(), token.revokedAt(), null);
    }

    static TokenView of(IssuedToken issued, Instant now) {
        TokenView view = of(issued.token(), now);
        return new TokenView(view.id(), view.name(), view.role(), view.state(), view.createdAt(), view.expiresAt(),
                view.revokedAt(), issued.secret());
    }

    @Override
    public String toString() {
        return "TokenView[" + name + "]";
    }
}
