package dev.mlledger.adapters.persistence.experiment;

import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.GenericRepository;
import io.micronaut.transaction.TransactionDefinition;
import io.micronaut.transaction.annotation.Transactional;

import java.util.List;
import java.util.UUID;

/** The statements on {@code latest_metrics}, which triggers on {@code metrics} keep (migration V7). */
@JdbcRepository(dialect = Dialect.POSTGRES)
@Transactional(propagation = TransactionDefinition.Propagation.MANDATORY)
interface LatestMetricRepository extends GenericRepository<LatestPointRow, UUID> {

    /** The latest points of the runs (in no order): one primary-key range per run. */
    @Query("""
            SELECT run_id AS "runId", name, step, value,
                   CAST(extract(epoch FROM timestamp) * 1000000 AS bigint) AS "timestampMicros"
            FROM latest_metrics WHERE run_id = ANY(CAST(:runIds AS uuid[]))""")
    List<LatestPointRow> findOfRuns(String[] runIds);
}
