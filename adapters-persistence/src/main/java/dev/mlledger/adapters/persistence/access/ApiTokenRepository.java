package dev.mlledger.adapters.persistence.access;

import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.GenericRepository;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.transaction.TransactionDefinition;
import io.micronaut.transaction.annotation.Transactional;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** The statements on {@code api_tokens}. */
@JdbcRepository(dialect = Dialect.POSTGRES)
@Transactional(propagation = TransactionDefinition.Propagation.MANDATORY)
interface ApiTokenRepository extends GenericRepository<ApiTokenRow, UUID> {

    /**
     * Inserts the token unless a live token has its name (or, never in practice, its secret's hash): a refusal
     * answers 0 and leaves the transaction usable.
     */
    @Query("""
            INSERT INTO api_tokens (id, name, role, secret_hash, created_at, expires_at, revoked_at)
            VALUES (:id, :name, :role, :secretHash, :createdAt, :expiresAt, NULL)
            ON CONFLICT DO NOTHING""")
    int insertUnlessTaken(UUID id, String name, String role, String secretHash, OffsetDateTime createdAt,
                          @Nullable OffsetDateTime expiresAt);

    Optional<ApiTokenRow> findBySecretHash(String secretHash);

    @Query("SELECT id, name, role, secret_hash, created_at, expires_at, revoked_at FROM api_tokens ORDER BY created_at, id")
    List<ApiTokenRow> findAllOldestFirst();

    /** The live token of that name, locked until the transaction ends. */
    @Query("""
            SELECT id, name, role, secret_hash, created_at, expires_at, revoked_at FROM api_tokens
            WHERE name = :name AND revoked_at IS NULL
            FOR UPDATE""")
    Optional<ApiTokenRow> findLiveByNameForUpdate(String name);

    @Query("UPDATE api_tokens SET revoked_at = :at WHERE id = :id")
    int markRevoked(UUID id, OffsetDateTime at);
}
