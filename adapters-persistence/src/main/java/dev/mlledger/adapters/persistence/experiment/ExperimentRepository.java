package dev.mlledger.adapters.persistence.experiment;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.GenericRepository;
import io.micronaut.transaction.TransactionDefinition;
import io.micronaut.transaction.annotation.Transactional;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** The statements on {@code experiments}; deleting one takes its runs and their metrics with it (cascade). */
@JdbcRepository(dialect = Dialect.POSTGRES)
@Transactional(propagation = TransactionDefinition.Propagation.MANDATORY)
interface ExperimentRepository extends GenericRepository<ExperimentRow, UUID> {

    /** A page of experiments with their run counts: the parts {@link #findPage} and its variant share. */
    String PAGE_SELECT = """
            SELECT e.id, e.number, e.name, e.owner, e.description, e.status, e.lifecycle,
                   e.created_at AS "createdAt", e.version, e.run_count AS "runCount"
            FROM experiments e
            """;
    String PAGE_CONDITIONS = """
            (e.created_at, e.id) < (:beforeCreatedAt, :beforeId)
              AND (CAST(:status AS varchar) IS NULL OR e.status = :status)
              AND (CAST(:lifecycle AS varchar) IS NULL OR e.lifecycle = :lifecycle)
            ORDER BY e.created_at DESC, e.id DESC
            LIMIT :limit""";

    /** Inserts the experiment; its number comes from the column's identity. @return the number */
    @Query("""
            WITH added AS (
                INSERT INTO experiments (id, name, owner, description, status, lifecycle, created_at, version)
                VALUES (:id, :name, :owner, :description, :status, :lifecycle, :createdAt, :version)
                RETURNING number
            )
            SELECT number FROM added""")
    long add(UUID id, String name, String owner, @Nullable String description, String status, String lifecycle,
             OffsetDateTime createdAt, long version);

    Optional<ExperimentRow> findById(UUID id);

    /** {@code SELECT … FOR UPDATE}: no other transaction changes the row until this one ends. */
    Optional<ExperimentRow> findByIdForUpdate(UUID id);

    Optional<ExperimentRow> findByNumber(long number);

    /** The newest active experiment of the name, else the newest deleted one; on the name index. */
    @Query("""
            SELECT id, number, name, owner, description, status, lifecycle, created_at, version FROM experiments
            WHERE name = :name
            ORDER BY lifecycle = 'active' DESC, created_at DESC, id DESC
            LIMIT 1""")
    Optional<ExperimentRow> findNewestByName(String name);

    boolean existsByName(String name);

    /**
     * Takes the advisory lock ({@code lockSpace}, hash of {@code lockName}) until the transaction ends, waiting
     * while another transaction holds it. The two-key form keeps mlledger's locks apart from Flyway's.
     */
    @Query("SELECT true FROM (SELECT pg_advisory_xact_lock(:lockSpace, hashtext(:lockName))) AS locked")
    boolean advisoryLock(int lockSpace, String lockName);

    /**
     * Stores the name, description, status and lifecycle if the stored version is still {@code version}, and
     * increments it. @return 1, or 0 when it changed or went in the meantime
     */
    @Query("""
            UPDATE experiments
            SET name = :name, description = :description, status = :status, lifecycle = :lifecycle,
                version = version + 1
            WHERE id = :id AND version = :version""")
    int changeAtVersion(UUID id, long version, String name, @Nullable String description,
                                            String status, String lifecycle);

    int deleteById(UUID id);

    /**
     * A newest-first keyset page with run counts, strictly before ({@code beforeCreatedAt}, {@code beforeId}),
     * of one status and lifecycle when given: one statement whatever the numbers of experiments and runs (the
     * database keeps each experiment's {@code run_count}, see migration V3).
     */
    @Query(PAGE_SELECT + "WHERE " + PAGE_CONDITIONS)
    List<ExperimentSummaryRow> findPage(OffsetDateTime beforeCreatedAt, UUID beforeId, @Nullable String status,
                                        @Nullable String lifecycle, int limit);

    /** {@link #findPage} of one owner, on the index {@code (owner, created_at DESC, id DESC)}. */
    @Query(PAGE_SELECT + "WHERE e.owner = :owner AND " + PAGE_CONDITIONS)
    List<ExperimentSummaryRow> findPageOfOwner(String owner, OffsetDateTime beforeCreatedAt, UUID beforeId,
                                               @Nullable String status, @Nullable String lifecycle, int limit);
}
