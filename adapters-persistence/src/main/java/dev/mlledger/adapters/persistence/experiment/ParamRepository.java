package dev.mlledger.adapters.persistence.experiment;

import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.GenericRepository;
import io.micronaut.transaction.TransactionDefinition;
import io.micronaut.transaction.annotation.Transactional;

import java.util.List;
import java.util.UUID;

/** The statements on {@code run_params}. */
@JdbcRepository(dialect = Dialect.POSTGRES)
@Transactional(propagation = TransactionDefinition.Propagation.MANDATORY)
interface ParamRepository extends GenericRepository<RunRow, UUID> {

    /**
     * A whole batch of params in one statement. A key the run has with the same value is left alone; a key it has
     * with another value is "updated" to its own value, which locks the row (so a rival's uncommitted insert of the
     * key is waited for and seen) and returns it with a non-zero {@code xmax}, unlike a new row.
     *
     * @return the keys the run has with another value
     */
    @Query("""
            WITH upserted AS (
                INSERT INTO run_params AS p (run_id, key, value)
                SELECT :runId, g.key, g.value
                FROM unnest(CAST(:keys AS varchar[]), CAST(:paramValues AS varchar[])) AS g (key, value)
                ON CONFLICT (run_id, key) DO UPDATE SET value = p.value WHERE p.value <> EXCLUDED.value
                RETURNING p.key, p.xmax = 0 AS inserted
            )
            SELECT key FROM upserted WHERE NOT inserted""")
    List<String> addAllReturningRewrites(UUID runId, String[] keys, String[] paramValues);

    @Query("SELECT run_id AS owner_id, key, value FROM run_params WHERE run_id = ANY (CAST(:runIds AS uuid[]))")
    List<KeyValueRow> findOfRuns(String[] runIds);
}
