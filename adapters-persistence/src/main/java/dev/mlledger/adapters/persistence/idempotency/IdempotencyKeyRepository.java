package dev.mlledger.adapters.persistence.idempotency;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.GenericRepository;
import io.micronaut.transaction.TransactionDefinition;
import io.micronaut.transaction.annotation.Transactional;

import java.time.OffsetDateTime;
import java.util.Optional;

/** The statements on {@code idempotency_keys}, and the transaction-scoped advisory lock that holds a key. */
@JdbcRepository(dialect = Dialect.POSTGRES)
@Transactional(propagation = TransactionDefinition.Propagation.MANDATORY)
interface IdempotencyKeyRepository extends GenericRepository<IdempotencyKeyRow, String> {

    /**
     * Takes the advisory lock ({@code lockSpace}, hash of {@code lockName}) until the transaction ends, or answers
     * false at once when another transaction holds it. The two-key form keeps mlledger's locks apart from any
     * single-key advisory lock (Flyway's).
     */
    @Query("SELECT pg_try_advisory_xact_lock(:lockSpace, hashtext(:lockName))")
    boolean tryAdvisoryLock(int lockSpace, String lockName);

    @Query("""
            SELECT scope, idempotency_key, fingerprint, status, location, body, created_at, expires_at
            FROM idempotency_keys
            WHERE scope = :scope AND idempotency_key = :idempotencyKey AND expires_at > :now""")
    Optional<IdempotencyKeyRow> findLive(String scope, String idempotencyKey, OffsetDateTime now);

    /** Inserts the record, or replaces one of the same key that expired by {@code madeAt}; answers 0 if a live one is there. */
    @Query("""
            INSERT INTO idempotency_keys AS k (scope, idempotency_key, fingerprint, status, location, body,
                                               created_at, expires_at)
            VALUES (:scope, :idempotencyKey, :fingerprint, :status, :location, :body, :madeAt, :expiry)
            ON CONFLICT (scope, idempotency_key) DO UPDATE
                SET fingerprint = EXCLUDED.fingerprint, status = EXCLUDED.status, location = EXCLUDED.location,
                    body = EXCLUDED.body, created_at = EXCLUDED.created_at, expires_at = EXCLUDED.expires_at
                WHERE k.expires_at <= EXCLUDED.created_at""")
    int insertOrReplaceExpired(String scope, String idempotencyKey, byte[] fingerprint, int status,
                               @Nullable String location, byte[] body, OffsetDateTime madeAt, OffsetDateTime expiry);

    /** Deletes up to {@code limit} records expired at {@code cutoff}, the oldest expiry first. */
    @Query("""
            DELETE FROM idempotency_keys WHERE (scope, idempotency_key) IN (
                SELECT scope, idempotency_key FROM idempotency_keys WHERE expires_at <= :cutoff
                ORDER BY expires_at LIMIT :limit)""")
    int deleteExpired(OffsetDateTime cutoff, int limit);
}
