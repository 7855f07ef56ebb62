package dev.mlledger.adapters.persistence.prediction;

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

/**
 * The statements on {@code predictions} and its roll-ups {@code prediction_stats_hourly/daily}.
 *
 * <p>Writes add predictions and their roll-up increments as the data-modifying parts of one statement: one round
 * trip for a whole batch. Each session adds to its own shard of the roll-up rows ({@code pg_backend_pid() % 8}),
 * so concurrent writers rarely wait on a row lock; every writer (and the purge) locks roll-up rows in key order,
 * hourly before daily, so they cannot deadlock.
 */
@JdbcRepository(dialect = Dialect.POSTGRES)
@Transactional(propagation = TransactionDefinition.Propagation.MANDATORY)
interface PredictionRepository extends GenericRepository<PredictionRow, UUID> {

    /** The predictions and their roll-up increments; the part of the scoring write after its request row. */
    String ADD_PREDICTIONS = """
            added AS (
                INSERT INTO predictions (id, request_id, created_at, prediction_date, employee_id, attrition_prob,
                                         risk_level, model_version, features_snapshot)
                SELECT * FROM unnest(CAST(:ids AS uuid[]), CAST(:requestIds AS uuid[]),
                                     CAST(:createdAts AS timestamptz[]), CAST(:predictionDates AS timestamptz[]),
                                     CAST(:employeeIds AS varchar[]), CAST(:probabilities AS float8[]),
                                     CAST(:riskLevels AS varchar[]), CAST(:modelVersions AS varchar[]),
                                     CAST(:featureSnapshots AS jsonb[]))
                RETURNING created_at, model_version, risk_level, attrition_prob
            ), per_hour AS (
                SELECT date_trunc('hour', created_at, 'UTC') AS bucket, model_version, risk_level,
                       count(*) AS n, sum(attrition_prob) AS s
                FROM added GROUP BY 1, 2, 3
            ), hourly AS (
                INSERT INTO prediction_stats_hourly AS t (bucket, model_version, risk_level, shard, prediction_count, prob_sum)
                SELECT bucket, model_version, risk_level, pg_backend_pid() % 8, n, s FROM per_hour
                ORDER BY 1, 2, 3
                ON CONFLICT (bucket, model_version, risk_level, shard) DO UPDATE
                    SET prediction_count = t.prediction_count + EXCLUDED.prediction_count,
                        prob_sum = t.prob_sum + EXCLUDED.prob_sum
            ), daily AS (
                INSERT INTO prediction_stats_daily AS t (bucket, model_version, risk_level, shard, prediction_count, prob_sum)
                SELECT date_trunc('day', bucket, 'UTC'), model_version, risk_level, pg_backend_pid() % 8, sum(n), sum(s)
                FROM per_hour GROUP BY 1, 2, 3 ORDER BY 1, 2, 3
                ON CONFLICT (bucket, model_version, risk_level, shard) DO UPDATE
                    SET prediction_count = t.prediction_count + EXCLUDED.prediction_count,
                        prob_sum = t.prob_sum + EXCLUDED.prob_sum
            )
            SELECT coalesce(sum(n), 0) FROM per_hour""";

    /** A page of predictions, without their snapshots: the parts {@link #findPage} and its variant share. */
    String PAGE_SELECT = """
            SELECT id, request_id, created_at, prediction_date, employee_id, attrition_prob, risk_level,
                   model_version, NULL AS features_snapshot
            FROM predictions
            """;
    String PAGE_CONDITIONS = """
            (created_at, id) < (:beforeCreatedAt, :beforeId)
              AND created_at >= :from AND created_at < :to
              AND attrition_prob >= :minProb AND attrition_prob <= :maxProb
              AND (CAST(:riskLevel AS varchar) IS NULL OR risk_level = :riskLevel)
              AND (CAST(:modelVersion AS varchar) IS NULL OR model_version = :modelVersion)
            """;
    String PAGE_ORDER = " ORDER BY created_at DESC, id DESC LIMIT :limit";

    /** @return how many predictions it stored */
    @Query("WITH " + ADD_PREDICTIONS)
    long addAll(String[] ids, String[] requestIds, String[] createdAts, String[] predictionDates,
                String[] employeeIds, Double[] probabilities, String[] riskLevels, String[] modelVersions,
                String[] featureSnapshots);

    /**
     * The log rows of the requests that made them too (the {@code log…} arrays, one element per request), in the
     * same statement: scoring's hot path is one round trip, for one request or for several written together.
     * Parameters are not named like properties of {@link PredictionRow}: Micronaut Data would bind them as those
     * properties ({@code requestId} as a UUID).
     *
     * @return how many predictions it stored
     */
    @Query("""
            WITH request AS (
                INSERT INTO api_requests (id, created_at, endpoint, method, request_data, client_ip, user_agent,
                                          http_status, response_time_ms, principal, role)
                SELECT * FROM unnest(CAST(:logIds AS uuid[]), CAST(:logCreatedAts AS timestamptz[]),
                                     CAST(:logEndpoints AS varchar[]), CAST(:logMethods AS varchar[]),
                                     CAST(:logBodies AS jsonb[]), CAST(:logClientIps AS varchar[]),
                                     CAST(:logUserAgents AS varchar[]), CAST(:logStatuses AS int[]),
                                     CAST(:logResponseTimes AS int[]), CAST(:logPrincipals AS varchar[]),
                                     CAST(:logRoles AS varchar[]))
            ), """ + ADD_PREDICTIONS)
    long addAllWithRequest(String[] logIds, String[] logCreatedAts, String[] logEndpoints, String[] logMethods,
                           String[] logBodies, String[] logClientIps, String[] logUserAgents, Integer[] logStatuses,
                           Integer[] logResponseTimes, String[] logPrincipals, String[] logRoles,
                           String[] ids, String[] requestIds, String[] createdAts, String[] predictionDates,
                           String[] employeeIds, Double[] probabilities, String[] riskLevels, String[] modelVersions,
                           String[] featureSnapshots);

    Optional<PredictionRow> findById(UUID id);

    List<PredictionRow> findByRequestIdOrderById(UUID requestId);

    /**
     * A newest-first keyset page: strictly before ({@code beforeCreatedAt}, {@code beforeId}), within
     * [{@code from}, {@code to}) and [{@code minProb}, {@code maxProb}]; the other criteria apply when not null.
     * Bounds are always given (the caller puts the widest ones in for "any"), so the row comparison and the
     * ranges are index conditions on {@code (created_at DESC, id DESC)} in every plan. Without the snapshot.
     */
    @Query(PAGE_SELECT + "WHERE " + PAGE_CONDITIONS + PAGE_ORDER)
    List<PredictionRow> findPage(OffsetDateTime beforeCreatedAt, UUID beforeId, OffsetDateTime from,
                                 OffsetDateTime to, double minProb, double maxProb, @Nullable String riskLevel,
                                 @Nullable String modelVersion, int limit);

    /** {@link #findPage} of one employee, on the index {@code (employee_id, created_at DESC, id DESC)}. */
    @Query(PAGE_SELECT + "WHERE employee_id = :employeeId AND " + PAGE_CONDITIONS + PAGE_ORDER)
    List<PredictionRow> findPageOfEmployee(String employeeId, OffsetDateTime beforeCreatedAt, UUID beforeId,
                                           OffsetDateTime from, OffsetDateTime to, double minProb, double maxProb,
                                           @Nullable String riskLevel, @Nullable String modelVersion, int limit);

    /**
     * {@link #findPage} of the predictions one principal's requests made, optionally of one employee, through the
     * index {@code (principal, created_at)} of {@code api_requests}.
     */
    @Query(PAGE_SELECT + "WHERE request_id IN (SELECT r.id FROM api_requests r WHERE r.principal = :principal)"
            + " AND (CAST(:employeeId AS varchar) IS NULL OR employee_id = :employeeId) AND " + PAGE_CONDITIONS + PAGE_ORDER)
    List<PredictionRow> findPageOfPrincipal(String principal, @Nullable String employeeId,
                                            OffsetDateTime beforeCreatedAt, UUID beforeId, OffsetDateTime from,
                                            OffsetDateTime to, double minProb, double maxProb,
                                            @Nullable String riskLevel, @Nullable String modelVersion, int limit);

    /**
     * Counts and probability sums per model and risk level of the predictions one principal's requests made in
     * [from, to): read from the predictions themselves (the roll-ups do not know principals).
     */
    @Query("""
            SELECT model_version, risk_level, count(*) AS prediction_count, sum(attrition_prob) AS prob_sum
            FROM predictions
            WHERE request_id IN (SELECT r.id FROM api_requests r WHERE r.principal = :principal)
              AND created_at >= :from AND created_at < :to
              AND (CAST(:modelVersion AS varchar) IS NULL OR model_version = :modelVersion)
            GROUP BY model_version, risk_level""")
    List<TallyRow> tallyOfPrincipal(String principal, OffsetDateTime from, OffsetDateTime to,
                                    @Nullable String modelVersion);

    /**
     * Counts and probability sums per model and risk level from the pieces of a {@link TallyPlan}: whole days
     * from the daily roll-up, whole hours from the hourly one, the partial hours at the edges from the
     * predictions themselves. A piece the plan does not have is an empty range (start = end), which costs one
     * index probe.
     */
    @Query("""
            SELECT model_version, risk_level, sum(n)::bigint AS prediction_count, sum(s) AS prob_sum FROM (
                SELECT model_version, risk_level, prediction_count AS n, prob_sum AS s FROM prediction_stats_daily
                WHERE bucket >= :dayStart AND bucket < :dayEnd
                  AND (CAST(:modelVersion AS varchar) IS NULL OR model_version = :modelVersion)
                UNION ALL
                SELECT model_version, risk_level, prediction_count, prob_sum FROM prediction_stats_hourly
                WHERE ((bucket >= :firstHoursStart AND bucket < :firstHoursEnd)
                       OR (bucket >= :lastHoursStart AND bucket < :lastHoursEnd))
                  AND (CAST(:modelVersion AS varchar) IS NULL OR model_version = :modelVersion)
                UNION ALL
                SELECT model_version, risk_level, count(*), sum(attrition_prob) FROM predictions
                WHERE ((created_at >= :firstRawStart AND created_at < :firstRawEnd)
                       OR (created_at >= :lastRawStart AND created_at < :lastRawEnd))
                  AND (CAST(:modelVersion AS varchar) IS NULL OR model_version = :modelVersion)
                GROUP BY 1, 2
            ) t GROUP BY model_version, risk_level""")
    List<TallyRow> tally(OffsetDateTime dayStart, OffsetDateTime dayEnd,
                         OffsetDateTime firstHoursStart, OffsetDateTime firstHoursEnd,
                         OffsetDateTime lastHoursStart, OffsetDateTime lastHoursEnd,
                         OffsetDateTime firstRawStart, OffsetDateTime firstRawEnd,
                         OffsetDateTime lastRawStart, OffsetDateTime lastRawEnd,
                         @Nullable String modelVersion);
}
