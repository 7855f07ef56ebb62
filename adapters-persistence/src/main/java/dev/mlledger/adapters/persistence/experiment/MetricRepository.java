package dev.mlledger.adapters.persistence.experiment;

import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.GenericRepository;
import io.micronaut.transaction.TransactionDefinition;
import io.micronaut.transaction.annotation.Transactional;

import java.util.List;
import java.util.UUID;

/** The statements on {@code metrics}. */
@JdbcRepository(dialect = Dialect.POSTGRES)
@Transactional(propagation = TransactionDefinition.Propagation.MANDATORY)
interface MetricRepository extends GenericRepository<MetricRow, UUID> {

    /** A whole batch of points in one statement; a point whose (run, name, step) exists replaces it. */
    @Query("""
            INSERT INTO metrics (id, run_id, name, step, value, timestamp)
            SELECT p.id, :runId, p.name, p.step, p.value, p.timestamp
            FROM unnest(CAST(:ids AS uuid[]), CAST(:names AS varchar[]), CAST(:steps AS bigint[]),
                        CAST(:metricValues AS float8[]), CAST(:timestamps AS timestamptz[]))
                AS p (id, name, step, value, timestamp)
            ON CONFLICT (run_id, name, step) DO UPDATE SET value = EXCLUDED.value, timestamp = EXCLUDED.timestamp""")
    void upsertAll(UUID runId, String[] ids, String[] names, Long[] steps, Double[] metricValues,
                   String[] timestamps);

    /** Every name's points after (name, step), by name then step: a keyset page on the unique index. */
    @Query("""
            SELECT id, run_id, name, step, value, timestamp FROM metrics
            WHERE run_id = :runId AND (name, step) > (:afterName, :afterStep)
            ORDER BY name, step LIMIT :limit""")
    List<MetricRow> findPage(UUID runId, String afterName, long afterStep, int limit);

    /** One name's points after (name, step). */
    @Query("""
            SELECT id, run_id, name, step, value, timestamp FROM metrics
            WHERE run_id = :runId AND name = :name AND (name, step) > (:afterName, :afterStep)
            ORDER BY step LIMIT :limit""")
    List<MetricRow> findPageOfName(UUID runId, String name, String afterName, long afterStep, int limit);

    /**
     * The distinct names by a loose index scan (one index probe per name, not a scan of every point), then the
     * value at each name's highest step: one statement, cheap for runs with millions of points.
     */
    @Query("""
            WITH RECURSIVE names (name) AS (
                (SELECT name FROM metrics WHERE run_id = :runId ORDER BY name LIMIT 1)
                UNION ALL
                SELECT (SELECT m.name FROM metrics m WHERE m.run_id = :runId AND m.name > names.name
                        ORDER BY m.name LIMIT 1)
                FROM names WHERE names.name IS NOT NULL
            )
            SELECT n.name,
                   (SELECT m.value FROM metrics m WHERE m.run_id = :runId AND m.name = n.name
                    ORDER BY m.step DESC LIMIT 1) AS value
            FROM names n WHERE n.name IS NOT NULL ORDER BY n.name""")
    List<LatestMetricRow> findLatest(UUID runId);
}
