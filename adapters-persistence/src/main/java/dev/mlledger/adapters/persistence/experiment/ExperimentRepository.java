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
            SELECT e.id, e.name, e.owner, e.description, e.status, e.created_at AS "createdAt", e.version,
                   e.run_count AS "runCount"
            FROM experiments e
            """;
    String PAGE_CONDITIONS = """
            (e.created_at, e.id) < (:beforeCreatedAt, :beforeId)
              AND (CAST(:status AS varchar) IS NULL OR e.status = :status)
            ORDER BY e.created_at DESC, e.id DESC
            LIMIT :limit""";

    ExperimentRow save(ExperimentRow experiment);

    Optional<ExperimentRow> findById(UUID id);

    /** {@code SELECT … FOR UPDATE}: no other transaction changes the row until this one ends. */
    Optional<ExperimentRow> findByIdForUpdate(UUID id);

    /**
     * Stores the row if its stored version is still {@code experiment.version()}, and increments it.
     *
     * @throws io.micronaut.data.exceptions.OptimisticLockException when it changed or went in the meantime
     */
    ExperimentRow update(ExperimentRow experiment);

    int deleteById(UUID id);

    /**
     * A newest-first keyset page with run counts, strictly before ({@code beforeCreatedAt}, {@code beforeId}),
     * of one status when given: one statement whatever the numbers of experiments and runs (the database keeps
     * each experiment's {@code run_count}, see migration V3).
     */
    @Query(PAGE_SELECT + "WHERE " + PAGE_CONDITIONS)
    List<ExperimentSummaryRow> findPage(OffsetDateTime beforeCreatedAt, UUID beforeId, @Nullable String status,
                                        int limit);

    /** {@link #findPage} of one owner, on the index {@code (owner, created_at DESC, id DESC)}. */
    @Query(PAGE_SELECT + "WHERE e.owner = :owner AND " + PAGE_CONDITIONS)
    List<ExperimentSummaryRow> findPageOfOwner(String owner, OffsetDateTime beforeCreatedAt, UUID beforeId,
                                               @Nullable String status, int limit);
}
