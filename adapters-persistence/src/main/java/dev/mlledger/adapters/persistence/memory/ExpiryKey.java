package dev.mlledger.adapters.persistence.memory;

import dev.mlledger.domain.idempotency.IdempotencyRecord;

import java.time.Instant;
import java.util.Comparator;

/** An idempotency record's place in expiry order: its expiry, then its key. Unique per record. */
record ExpiryKey(Instant expiresAt, String scope, String key) implements Comparable<ExpiryKey> {

    private static final Comparator<ExpiryKey> ORDER = Comparator.comparing(ExpiryKey::expiresAt)
            .thenComparing(ExpiryKey::scope).thenComparing(ExpiryKey::key);

    static ExpiryKey of(IdempotencyRecord record) {
        return new ExpiryKey(record.expiresAt(), record.key().scope(), record.key().key());
    }

    /** Sorts after every record that expires at or before {@code at}. */
    static boolean expiredAt(ExpiryKey position, Instant at) {
        return !position.expiresAt.isAfter(at);
    }

    @Override
    public int compareTo(ExpiryKey other) {
        return ORDER.compare(this, other);
    }
}
