package dev.mlledger.adapters.persistence.experiment;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.Sort;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.GenericRepository;
import io.micronaut.transaction.TransactionDefinition;
import io.micronaut.transaction.annotation.Transactional;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** The statements on {@code runs}. */
@JdbcRepository(dialect = Dialect.POSTGRES)
@Transactional(propagation = TransactionDefinition.Propagation.MANDATORY)
interface RunRepository extends GenericRepository<RunRow, UUID> {

    /** A whole batch of runs in one statement, one array per column. */
    @Query("""
            INSERT INTO runs (id, experiment_id, name, owner, status, lifecycle, started_at, ended_at, seed)
            SELECT * FROM unnest(CAST(:ids AS uuid[]), CAST(:experimentIds AS uuid[]), CAST(:names AS varchar[]),
                                 CAST(:owners AS varchar[]), CAST(:statuses AS varchar[]),
                                 CAST(:lifecycles AS varchar[]), CAST(:startedAts AS timestamptz[]),
                                 CAST(:endedAts AS timestamptz[]), CAST(:seeds AS int[]))""")
    void addAll(String[] ids, String[] experimentIds, String[] names, String[] owners, String[] statuses,
                String[] lifecycles, String[] startedAts, String[] endedAts, Integer[] seeds);

    Optional<RunRow> findById(UUID id);

    List<RunRow> findByExperimentId(UUID experimentId, Sort sort);

    /** Conditional: of two concurrent ends, the second re-reads the row after the first commits and matches nothing. */
    @Query("UPDATE runs SET status = :status, ended_at = :endedAt WHERE id = :id AND status = 'running'")
    int endIfRunning(UUID id, String status, @Nullable OffsetDateTime endedAt);

    /** FOR SHARE: an end (an UPDATE of the row) waits until the metrics being logged are committed. */
    @Query("""
            SELECT id, experiment_id, name, owner, status, lifecycle, started_at, ended_at, seed FROM runs
            WHERE id = :id FOR SHARE""")
    Optional<RunRow> findByIdForShare(UUID id);

    @Query("UPDATE runs SET name = :name WHERE id = :id")
    int rename(UUID id, String name);

    @Query("UPDATE runs SET lifecycle = :lifecycle WHERE id = :id")
    int setLifecycle(UUID id, String lifecycle);
}
