package dev.mlledger.adapters.persistence.prediction;

import dev.mlledger.adapters.persistence.transaction.JdbcFailure;
import dev.mlledger.adapters.persistence.transaction.JdbcUnitOfWork;
import dev.mlledger.adapters.persistence.transaction.SqlArrays;
import dev.mlledger.domain.json.JsonDocument;
import dev.mlledger.domain.paging.Keyset;
import dev.mlledger.domain.paging.Page;
import dev.mlledger.domain.prediction.AttritionProbability;
import dev.mlledger.domain.prediction.Prediction;
import dev.mlledger.domain.prediction.PredictionFilter;
import dev.mlledger.domain.prediction.Predictions;
import dev.mlledger.domain.prediction.RiskLevel;
import dev.mlledger.domain.prediction.RiskTally;
import dev.mlledger.domain.requestlog.RequestLogEntry;
import dev.mlledger.adapters.persistence.transaction.SqlTimes;
import io.micronaut.context.annotation.Requires;
import jakarta.inject.Singleton;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Predictions in {@code predictions}, with their roll-ups in {@code prediction_stats_hourly/daily}. */
@Singleton
@Requires(property = "mlledger.persistence.adapter", value = "jdbc", defaultValue = "jdbc")
public class JdbcPredictions implements Predictions {

    /**
     * The predictions and their roll-up increments, as the data-modifying parts of one statement: one round trip
     * for a whole batch. Each session adds to its own shard of the roll-up rows, so concurrent writers rarely wait
     * on a row lock; every writer (and the purge) locks roll-up rows in key order, hourly before daily, so they
     * cannot deadlock.
     */
    private static final String ADD_PREDICTIONS = """
            added AS (
                INSERT INTO predictions (id, request_id, created_at, prediction_date, employee_id, attrition_prob,
                                         risk_level, model_version, features_snapshot)
                SELECT * FROM unnest(?::uuid[], ?::uuid[], ?::timestamptz[], ?::timestamptz[], ?::varchar[],
                                     ?::float8[], ?::varchar[], ?::varchar[], ?::jsonb[])
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
            )
            INSERT INTO prediction_stats_daily AS t (bucket, model_version, risk_level, shard, prediction_count, prob_sum)
            SELECT date_trunc('day', bucket, 'UTC'), model_version, risk_level, pg_backend_pid() % 8, sum(n), sum(s)
            FROM per_hour GROUP BY 1, 2, 3 ORDER BY 1, 2, 3
            ON CONFLICT (bucket, model_version, risk_level, shard) DO UPDATE
                SET prediction_count = t.prediction_count + EXCLUDED.prediction_count,
                    prob_sum = t.prob_sum + EXCLUDED.prob_sum""";
    private static final String ADD_ALL = "WITH " + ADD_PREDICTIONS;
    /** The request's log entry too, in the same statement: scoring's hot path is one round trip. */
    private static final String ADD_ALL_WITH_REQUEST = """
            WITH request AS (
                INSERT INTO api_requests (id, created_at, endpoint, method, request_data, client_ip, user_agent,
                                          http_status, response_time_ms)
                VALUES (?, ?, ?, ?, ?::jsonb, ?, ?, ?, ?)
            ), """ + ADD_PREDICTIONS;
    private static final String COLUMNS = """
            id, request_id, created_at, prediction_date, employee_id, attrition_prob, risk_level, model_version""";
    private static final String FIND = "SELECT " + COLUMNS + ", features_snapshot::text FROM predictions WHERE id = ?";
    private static final String FIND_BY_REQUEST =
            "SELECT " + COLUMNS + ", features_snapshot::text FROM predictions WHERE request_id = ? ORDER BY id";

    private final JdbcUnitOfWork unitOfWork;

    public JdbcPredictions(JdbcUnitOfWork unitOfWork) {
        this.unitOfWork = unitOfWork;
    }

    @Override
    public void addAll(List<Prediction> predictions) {
        if (predictions.isEmpty()) {
            return;
        }
        Connection connection = unitOfWork.connection();
        try (PreparedStatement insert = connection.prepareStatement(ADD_ALL)) {
            bindPredictions(connection, insert, 1, predictions);
            insert.executeUpdate();
        } catch (SQLException e) {
            throw new JdbcFailure("add " + predictions.size() + " predictions", e);
        }
    }

    @Override
    public void addAll(RequestLogEntry madeBy, List<Prediction> predictions) {
        if (predictions.isEmpty()) {
            throw new IllegalArgumentException("a request that made no prediction is logged through the RequestLog");
        }
        Connection connection = unitOfWork.connection();
        try (PreparedStatement insert = connection.prepareStatement(ADD_ALL_WITH_REQUEST)) {
            insert.setObject(1, madeBy.id());
            insert.setObject(2, SqlTimes.parameter(madeBy.createdAt()));
            insert.setString(3, madeBy.endpoint());
            insert.setString(4, madeBy.method());
            insert.setString(5, madeBy.requestData().text());
            insert.setString(6, madeBy.clientIp());
            insert.setString(7, madeBy.userAgent());
            insert.setInt(8, madeBy.httpStatus());
            insert.setObject(9, madeBy.responseTimeMs(), Types.INTEGER);
            bindPredictions(connection, insert, 10, predictions);
            insert.executeUpdate();
        } catch (SQLException e) {
            throw new JdbcFailure("add request " + madeBy.id() + " with " + predictions.size() + " predictions", e);
        }
    }

    @Override
    public Optional<Prediction> find(UUID id) {
        try (PreparedStatement select = unitOfWork.connection().prepareStatement(FIND)) {
            select.setObject(1, id);
            try (ResultSet row = select.executeQuery()) {
                return row.next() ? Optional.of(prediction(row, true)) : Optional.empty();
            }
        } catch (SQLException e) {
            throw new JdbcFailure("find prediction " + id, e);
        }
    }

    @Override
    public List<Prediction> findByRequest(UUID requestId) {
        try (PreparedStatement select = unitOfWork.connection().prepareStatement(FIND_BY_REQUEST)) {
            select.setObject(1, requestId);
            try (ResultSet rows = select.executeQuery()) {
                List<Prediction> found = new ArrayList<>();
                while (rows.next()) {
                    found.add(prediction(rows, true));
                }
                return found;
            }
        } catch (SQLException e) {
            throw new JdbcFailure("find predictions of request " + requestId, e);
        }
    }

    @Override
    public Page<Prediction> list(PredictionFilter filter, Keyset after, int limit) {
        StringBuilder sql = new StringBuilder("SELECT ").append(COLUMNS).append(" FROM predictions WHERE true");
        List<Object> parameters = new ArrayList<>();
        condition(sql, parameters, " AND risk_level = ?", filter.riskLevel() == null ? null : filter.riskLevel().name());
        condition(sql, parameters, " AND employee_id = ?", filter.employeeId());
        condition(sql, parameters, " AND model_version = ?", filter.modelVersion());
        condition(sql, parameters, " AND created_at >= ?", SqlTimes.parameter(withinStoreRange(filter.from())));
        condition(sql, parameters, " AND created_at < ?", SqlTimes.parameter(withinStoreRange(filter.to())));
        condition(sql, parameters, " AND attrition_prob >= ?", filter.minProb());
        condition(sql, parameters, " AND attrition_prob <= ?", filter.maxProb());
        if (after != null) {
            sql.append(" AND (created_at, id) < (?, ?)");
            parameters.add(SqlTimes.parameter(after.createdAt()));
            parameters.add(after.id());
        }
        sql.append(" ORDER BY created_at DESC, id DESC LIMIT ?");
        parameters.add(limit + 1);
        try (PreparedStatement select = unitOfWork.connection().prepareStatement(sql.toString())) {
            for (int i = 0; i < parameters.size(); i++) {
                select.setObject(i + 1, parameters.get(i));
            }
            try (ResultSet rows = select.executeQuery()) {
                List<Prediction> fetched = new ArrayList<>(limit + 1);
                while (rows.next()) {
                    fetched.add(prediction(rows, false));
                }
                return Page.ofOneExtra(fetched, limit);
            }
        } catch (SQLException e) {
            throw new JdbcFailure("list predictions", e);
        }
    }

    @Override
    public List<RiskTally> tally(Instant from, Instant to, String modelVersion) {
        TallyPlan plan = TallyPlan.of(from, to);
        List<String> parts = new ArrayList<>();
        List<Object> parameters = new ArrayList<>();
        String modelCondition = modelVersion == null ? "" : " AND model_version = ?";
        for (TallyPlan.Range day : plan.days()) {
            parts.add("SELECT model_version, risk_level, prediction_count AS n, prob_sum AS s FROM prediction_stats_daily"
                    + " WHERE bucket >= ? AND bucket < ?" + modelCondition);
            addRange(parameters, day, modelVersion);
        }
        for (TallyPlan.Range hour : plan.hours()) {
            parts.add("SELECT model_version, risk_level, prediction_count AS n, prob_sum AS s"
                    + " FROM prediction_stats_hourly WHERE bucket >= ? AND bucket < ?" + modelCondition);
            addRange(parameters, hour, modelVersion);
        }
        for (TallyPlan.Range raw : plan.raw()) {
            parts.add("SELECT model_version, risk_level, count(*) AS n, sum(attrition_prob) AS s FROM predictions"
                    + " WHERE created_at >= ? AND created_at < ?" + modelCondition + " GROUP BY 1, 2");
            addRange(parameters, raw, modelVersion);
        }
        if (parts.isEmpty()) {
            return List.of();
        }
        String sql = "SELECT model_version, risk_level, sum(n)::bigint, sum(s) FROM ("
                + String.join(" UNION ALL ", parts) + ") t GROUP BY model_version, risk_level";
        try (PreparedStatement select = unitOfWork.connection().prepareStatement(sql)) {
            for (int i = 0; i < parameters.size(); i++) {
                select.setObject(i + 1, parameters.get(i));
            }
            try (ResultSet rows = select.executeQuery()) {
                List<RiskTally> tallies = new ArrayList<>();
                while (rows.next()) {
                    tallies.add(new RiskTally(rows.getString(1), RiskLevel.valueOf(rows.getString(2)), rows.getLong(3),
                            rows.getDouble(4)));
                }
                return tallies;
            }
        } catch (SQLException e) {
            throw new JdbcFailure("tally predictions", e);
        }
    }

    private static void addRange(List<Object> parameters, TallyPlan.Range range, String modelVersion) {
        parameters.add(SqlTimes.parameter(range.start()));
        parameters.add(SqlTimes.parameter(range.end()));
        if (modelVersion != null) {
            parameters.add(modelVersion);
        }
    }

    private static void condition(StringBuilder sql, List<Object> parameters, String clause, Object value) {
        if (value != null) {
            sql.append(clause);
            parameters.add(value);
        }
    }


    /** The nine column arrays of the predictions, from parameter {@code first} on. */
    private static void bindPredictions(Connection connection, PreparedStatement insert, int first,
                                        List<Prediction> predictions) throws SQLException {
        insert.setArray(first, SqlArrays.text(connection, predictions, Prediction::id));
        insert.setArray(first + 1, SqlArrays.text(connection, predictions, Prediction::requestId));
        insert.setArray(first + 2, SqlArrays.text(connection, predictions, Prediction::createdAt));
        insert.setArray(first + 3, SqlArrays.text(connection, predictions, Prediction::predictionDate));
        insert.setArray(first + 4, SqlArrays.text(connection, predictions, Prediction::employeeId));
        insert.setArray(first + 5, SqlArrays.float8(connection, predictions, p -> p.probability().value()));
        insert.setArray(first + 6, SqlArrays.text(connection, predictions, Prediction::riskLevel));
        insert.setArray(first + 7, SqlArrays.text(connection, predictions, Prediction::modelVersion));
        insert.setArray(first + 8, SqlArrays.text(connection, predictions,
                p -> p.featuresSnapshot() == null ? null : p.featuresSnapshot().text()));
    }

    /**
     * A bound a client chose, moved into the span PostgreSQL can compare with (as {@link TallyPlan} does): any
     * ISO-8601 instant is a valid bound, even one of year +999999999, and no prediction is made outside that span.
     */
    private static Instant withinStoreRange(Instant bound) {
        if (bound == null) {
            return null;
        }
        return bound.isBefore(TallyPlan.EARLIEST) ? TallyPlan.EARLIEST
                : bound.isAfter(TallyPlan.LATEST) ? TallyPlan.LATEST : bound;
    }

    private static Prediction prediction(ResultSet row, boolean withSnapshot) throws SQLException {
        String snapshot = withSnapshot ? row.getString(9) : null;
        return new Prediction(row.getObject(1, UUID.class), row.getObject(2, UUID.class),
                SqlTimes.instant(row, 3), SqlTimes.instant(row, 4),
                row.getString(5), new AttritionProbability(row.getDouble(6)), RiskLevel.valueOf(row.getString(7)),
                row.getString(8), snapshot == null ? null : new JsonDocument(snapshot));
    }
}
