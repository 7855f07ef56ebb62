package dev.mlledger.adapters.persistence.requestlog;

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

/** The statements on {@code api_requests}, and the purge that takes predictions and their roll-ups with it. */
@JdbcRepository(dialect = Dialect.POSTGRES)
@Transactional(propagation = TransactionDefinition.Propagation.MANDATORY)
interface RequestLogRepository extends GenericRepository<ApiRequestRow, UUID> {

    Optional<ApiRequestRow> findById(UUID id);

    /** A whole batch of entries in one statement, one array per column. */
    @Query("""
            INSERT INTO api_requests (id, created_at, endpoint, method, request_data, client_ip, user_agent,
                                      http_status, response_time_ms, principal, role)
            SELECT * FROM unnest(CAST(:ids AS uuid[]), CAST(:createdAts AS timestamptz[]), CAST(:endpoints AS varchar[]),
                                 CAST(:methods AS varchar[]), CAST(:requestBodies AS jsonb[]), CAST(:clientIps AS varchar[]),
                                 CAST(:userAgents AS varchar[]), CAST(:httpStatuses AS int[]),
                                 CAST(:responseTimes AS int[]), CAST(:principals AS varchar[]),
                                 CAST(:roles AS varchar[]))""")
    void appendAll(String[] ids, String[] createdAts, String[] endpoints, String[] methods, String[] requestBodies,
                   String[] clientIps, String[] userAgents, Integer[] httpStatuses, Integer[] responseTimes,
                   String[] principals, String[] roles);

    /** The ids of at most {@code limit} of the oldest requests created before {@code cutoff}. */
    @Query("SELECT id FROM api_requests WHERE created_at < :cutoff ORDER BY created_at LIMIT :limit")
    List<UUID> findOldestBefore(OffsetDateTime cutoff, int limit);

    /**
     * Deletes the predictions of the given requests and takes them out of the roll-ups, in one statement;
     * answers how many predictions went.
     */
    @Query("""
            WITH gone AS (
                DELETE FROM predictions WHERE request_id = ANY (CAST(:requestIds AS uuid[]))
                RETURNING created_at, model_version, risk_level, attrition_prob
            ), per_hour AS (
                SELECT date_trunc('hour', created_at, 'UTC') AS bucket, model_version, risk_level,
                       count(*) AS n, sum(attrition_prob) AS s
                FROM gone GROUP BY 1, 2, 3
            ), hourly AS (
                INSERT INTO prediction_stats_hourly AS t (bucket, model_version, risk_level, shard, prediction_count, prob_sum)
                SELECT bucket, model_version, risk_level, 0, -n, -s FROM per_hour ORDER BY 1, 2, 3
                ON CONFLICT (bucket, model_version, risk_level, shard) DO UPDATE
                    SET prediction_count = t.prediction_count + EXCLUDED.prediction_count,
                        prob_sum = t.prob_sum + EXCLUDED.prob_sum
            ), daily AS (
                INSERT INTO prediction_stats_daily AS t (bucket, model_version, risk_level, shard, prediction_count, prob_sum)
                SELECT date_trunc('day', bucket, 'UTC'), model_version, risk_level, 0, -sum(n), -sum(s)
                FROM per_hour GROUP BY 1, 2, 3 ORDER BY 1, 2, 3
                ON CONFLICT (bucket, model_version, risk_level, shard) DO UPDATE
                    SET prediction_count = t.prediction_count + EXCLUDED.prediction_count,
                        prob_sum = t.prob_sum + EXCLUDED.prob_sum
            )
            SELECT coalesce(sum(n), 0) FROM per_hour""")
    long deletePredictionsOf(String[] requestIds);

    @Query("DELETE FROM api_requests WHERE id = ANY (CAST(:ids AS uuid[]))")
    int deleteAll(String[] ids);
}
