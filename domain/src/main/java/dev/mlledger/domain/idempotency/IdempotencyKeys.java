package dev.mlledger.domain.idempotency;

import java.time.Instant;
import java.util.Optional;

/**
 * Driven port: the requests done under idempotency keys, and who is doing one right now. Call it inside a writing
 * {@code UnitOfWork}: a record is stored with the writes of the request it answers, all or nothing.
 */
public interface IdempotencyKeys {

    /**
     * Takes the key for the calling unit of work until it ends (commits or rolls back), without waiting: false at
     * once when another unit of work holds it. A unit of work that holds the key may take it again. Two different
     * keys may, very rarely, share a lock (the JDBC adapter locks a 32-bit hash), which only makes one wait its turn.
     */
    boolean tryHold(IdempotencyKey key);

    /** The record of the key that is still live at {@code now}; an expired one is as good as none. */
    Optional<IdempotencyRecord> find(IdempotencyKey key, Instant now);

    /**
     * Stores the record, in place of an expired record of the same key (one that is not live at the new record's
     * {@code createdAt}); a live record of the key is never replaced, and storing over one fails.
     */
    void store(IdempotencyRecord record);

    /** Deletes up to {@code max} records expired at {@code now} (the oldest expiry first); answers how many went. */
    int purgeExpired(Instant now, int max);
}
