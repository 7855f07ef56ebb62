package dev.mlledger.adapters.persistence.access;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

import java.time.Instant;
import java.util.UUID;

/** A row of {@code api_tokens}: a token without its secret, which only {@code secret_hash} stands for. */
@MappedEntity("api_tokens")
record ApiTokenRow(
        @Id UUID id,
        String name,
        String role,
        String secretHash,
        Instant createdAt,
        @Nullable Instant expiresAt,
        @Nullable Instant revokedAt) {
}
