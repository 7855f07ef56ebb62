package dev.mlledger.adapters.persistence.memory;

import dev.mlledger.domain.idempotency.IdempotencyKey;
import dev.mlledger.domain.idempotency.IdempotencyKeys;
import dev.mlledger.domain.idempotency.IdempotencyRecord;
import io.micronaut.context.annotation.Requires;
import jakarta.inject.Singleton;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Idempotency records in the {@link MemoryStore}. A held key is an entry of the store's map of held keys, owned by
 * the unit of work that took it and removed when that unit ends: asking for it takes no store lock, so a second
 * request under the key is refused while the first still runs, as on PostgreSQL, instead of waiting for it.
 */
@Singleton
@Requires(property = "mlledger.persistence.adapter", value = "memory")
public class MemoryIdempotencyKeys implements IdempotencyKeys {

    private final MemoryStore store;

    public MemoryIdempotencyKeys(MemoryStore store) {
        this.store = store;
    }

    @Override
    public boolean tryHold(IdempotencyKey key) {
        MemoryTransaction transaction = store.writingWithoutTheStore();
        MemoryTransaction holder = store.heldKeys.putIfAbsent(key, transaction);
        if (holder == null) {
            transaction.onEnd(() -> store.heldKeys.remove(key, transaction));
            return true;
        }
        return holder == transaction;
    }

    @Override
    public Optional<IdempotencyRecord> find(IdempotencyKey key, Instant now) {
        store.reading();
        return store.idempotencyRecords.find(key).filter(record -> record.isLiveAt(now));
    }

    @Override
    public void store(IdempotencyRecord record) {
        MemoryTransaction transaction = store.writing();
        Optional<IdempotencyRecord> stored = store.idempotencyRecords.find(record.key());
        if (stored.isPresent()) {
            if (stored.get().isLiveAt(record.createdAt())) {
                throw transaction.refuse("idempotency key " + record.key() + " has a live record already");
            }
            store.idempotencyRecords.delete(transaction, record.key());
        }
        store.idempotencyRecords.insert(transaction, record);
    }

    @Override
    public int purgeExpired(Instant now, int max) {
        MemoryTransaction transaction = store.writing();
        if (max < 0) {
            throw new IllegalArgumentException("max must not be negative: " + max);
        }
        List<IdempotencyKey> expired = new ArrayList<>();
        for (var entry : store.idempotencyByExpiry.rows().entrySet()) {
            if (expired.size() == max || !ExpiryKey.expiredAt(entry.getKey(), now)) {
                break;
            }
            expired.add(entry.getValue().key());
        }
        expired.forEach(key -> store.idempotencyRecords.delete(transaction, key));
        return expired.size();
    }
}
