package dev.mlledger.adapters.persistence.idempotency;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import io.micronaut.data.annotation.MappedProperty;

import java.time.Instant;

/**
 * A row of {@code idempotency_keys}: a request done under a key, with its answer. The table's key is
 * ({@code scope}, {@code idempotency_key}); every statement on it is native, so the {@code @Id} on the scope only
 * satisfies the mapping and no derived method uses it.
 */
@MappedEntity("idempotency_keys")
record IdempotencyKeyRow(
        @MappedProperty("scope") @Id String scope,
        @MappedProperty("idempotency_key") String idempotencyKey,
        @MappedProperty("fingerprint") byte[] fingerprint,
        @MappedProperty("status") int status,
        @MappedProperty("location") @Nullable String location,
        @MappedProperty("body") byte[] body,
        @MappedProperty("created_at") Instant createdAt,
        @MappedProperty("expires_at") Instant expiresAt) {
}
