package dev.mlledger.adapters.persistence.idempotency;

import dev.mlledger.adapters.persistence.jdbc.Columns;
import dev.mlledger.domain.idempotency.IdempotencyKey;
import dev.mlledger.domain.idempotency.IdempotencyKeys;
import dev.mlledger.domain.idempotency.IdempotencyRecord;
import dev.mlledger.domain.idempotency.RequestFingerprint;
import dev.mlledger.domain.idempotency.StoredResponse;
import io.micronaut.context.annotation.Requires;
import jakarta.inject.Singleton;

import java.time.Instant;
import java.util.Optional;

/**
 * Idempotency records in {@code idempotency_keys}, through {@link IdempotencyKeyRepository}. A key is held by a
 * transaction-scoped advisory lock ({@code pg_try_advisory_xact_lock}), which PostgreSQL lets go of when the
 * transaction commits or rolls back, also when its connection dies, so no crash leaves a key held.
 */
@Singleton
@Requires(property = "mlledger.persistence.adapter", value = "jdbc", defaultValue = "jdbc")
public class JdbcIdempotencyKeys implements IdempotencyKeys {

    /** The first key of mlledger's two-key advisory locks on idempotency keys ("mlik"). */
    static final int LOCK_SPACE = 0x6d6c696b;

    private final IdempotencyKeyRepository repository;

    public JdbcIdempotencyKeys(IdempotencyKeyRepository repository) {
        this.repository = repository;
    }

    @Override
    public boolean tryHold(IdempotencyKey key) {
        // the scope's length first, so that no two (scope, key) pairs spell the same lock name
        return repository.tryAdvisoryLock(LOCK_SPACE, key.scope().length() + ":" + key.scope() + key.key());
    }

    @Override
    public Optional<IdempotencyRecord> find(IdempotencyKey key, Instant now) {
        return repository.findLive(key.scope(), key.key(), Columns.time(now)).map(JdbcIdempotencyKeys::record);
    }

    @Override
    public void store(IdempotencyRecord record) {
        StoredResponse response = record.response();
        int stored = repository.insertOrReplaceExpired(record.key().scope(), record.key().key(),
                record.fingerprint().digest(), response.status(), response.location(), response.body(),
                Columns.time(record.createdAt()), Columns.time(record.expiresAt()));
        if (stored != 1) {
            throw new IllegalStateException("idempotency key " + record.key() + " has a live record already");
        }
    }

    @Override
    public int purgeExpired(Instant now, int max) {
        return repository.deleteExpired(Columns.time(now), max);
    }

    private static IdempotencyRecord record(IdempotencyKeyRow row) {
        return new IdempotencyRecord(new IdempotencyKey(row.scope(), row.idempotencyKey()),
                RequestFingerprint.fromDigest(row.fingerprint()),
                new StoredResponse(row.status(), row.location(), row.body()), row.createdAt(), row.expiresAt());
    }
}
