package dev.mlledger.domain.idempotency;

import java.time.Instant;
import java.util.Objects;

/**
 * A request done under a key: what it was (its fingerprint) and what it answered, kept from {@code createdAt}
 * until {@code expiresAt}; from then on the key is free again.
 */
public record IdempotencyRecord(IdempotencyKey key, RequestFingerprint fingerprint, StoredResponse response,
                                Instant createdAt, Instant expiresAt) {

    public IdempotencyRecord {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(fingerprint, "fingerprint");
        Objects.requireNonNull(response, "response");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(expiresAt, "expiresAt");
        if (!expiresAt.isAfter(createdAt)) {
            throw new IllegalArgumentException("an idempotency record must expire after it was made");
        }
    }

    /** Whether the record still holds its key at {@code now}. */
    public boolean isLiveAt(Instant now) {
        return now.isBefore(expiresAt);
    }
}
