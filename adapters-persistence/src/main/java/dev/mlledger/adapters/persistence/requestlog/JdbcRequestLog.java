package dev.mlledger.adapters.persistence.requestlog;

import dev.mlledger.adapters.persistence.transaction.JdbcFailure;
import dev.mlledger.adapters.persistence.transaction.JdbcUnitOfWork;
import dev.mlledger.adapters.persistence.transaction.SqlArrays;
import dev.mlledger.domain.json.JsonDocument;
import dev.mlledger.domain.requestlog.PurgeResult;
import dev.mlledger.domain.requestlog.RequestLog;
import dev.mlledger.domain.requestlog.RequestLogEntry;
import dev.mlledger.adapters.persistence.transaction.SqlTimes;
import io.micronaut.context.annotation.Requires;
import jakarta.inject.Singleton;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** The request log in {@code api_requests}. */
@Singleton
@Requires(property = "mlledger.persistence.adapter", value = "jdbc", defaultValue = "jdbc")
public class JdbcRequestLog implements RequestLog {

    private static final String APPEND = """
            INSERT INTO api_requests (id, created_at, endpoint, method, request_data, client_ip, user_agent,
                                      http_status, response_time_ms)
            SELECT * FROM unnest(?::uuid[], ?::timestamptz[], ?::varchar[], ?::varchar[], ?::jsonb[], ?::varchar[],
                                 ?::varchar[], ?::int[], ?::int[])""";
    private static final String FIND = """
            SELECT id, created_at, endpoint, method, request_data::text, client_ip, user_agent, http_status,
                   response_time_ms
            FROM api_requests WHERE id = ?""";
    private static final String OLDEST_BEFORE = """
            SELECT id FROM api_requests WHERE created_at < ? ORDER BY created_at LIMIT ?""";
    /** Deletes the predictions of the chosen requests and takes them out of the roll-ups, in one statement. */
    private static final String DELETE_PREDICTIONS = """
            WITH gone AS (
                DELETE FROM predictions WHERE request_id = ANY (?::uuid[])
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
            SELECT coalesce(sum(n), 0) FROM per_hour""";
    private static final String DELETE_REQUESTS = "DELETE FROM api_requests WHERE id = ANY (?::uuid[])";

    private final JdbcUnitOfWork unitOfWork;

    public JdbcRequestLog(JdbcUnitOfWork unitOfWork) {
        this.unitOfWork = unitOfWork;
    }

    @Override
    public void append(List<RequestLogEntry> entries) {
        if (entries.isEmpty()) {
            return;
        }
        Connection connection = unitOfWork.connection();
        try (PreparedStatement insert = connection.prepareStatement(APPEND)) {
            insert.setArray(1, SqlArrays.text(connection, entries, RequestLogEntry::id));
            insert.setArray(2, SqlArrays.text(connection, entries, RequestLogEntry::createdAt));
            insert.setArray(3, SqlArrays.text(connection, entries, RequestLogEntry::endpoint));
            insert.setArray(4, SqlArrays.text(connection, entries, RequestLogEntry::method));
            insert.setArray(5, SqlArrays.text(connection, entries, entry -> entry.requestData().text()));
            insert.setArray(6, SqlArrays.text(connection, entries, RequestLogEntry::clientIp));
            insert.setArray(7, SqlArrays.text(connection, entries, RequestLogEntry::userAgent));
            insert.setArray(8, SqlArrays.int4(connection, entries, RequestLogEntry::httpStatus));
            insert.setArray(9, SqlArrays.int4(connection, entries, RequestLogEntry::responseTimeMs));
            insert.executeUpdate();
        } catch (SQLException e) {
            throw new JdbcFailure("append " + entries.size() + " request-log entries", e);
        }
    }

    @Override
    public Optional<RequestLogEntry> find(UUID id) {
        try (PreparedStatement select = unitOfWork.connection().prepareStatement(FIND)) {
            select.setObject(1, id);
            try (ResultSet row = select.executeQuery()) {
                return row.next() ? Optional.of(entry(row)) : Optional.empty();
            }
        } catch (SQLException e) {
            throw new JdbcFailure("find request " + id, e);
        }
    }

    @Override
    public PurgeResult purgeOlderThan(Instant cutoff, int maxRequests) {
        Connection connection = unitOfWork.connection();
        try {
            List<UUID> ids = new ArrayList<>(maxRequests);
            try (PreparedStatement oldest = connection.prepareStatement(OLDEST_BEFORE)) {
                oldest.setObject(1, SqlTimes.parameter(cutoff));
                oldest.setInt(2, maxRequests);
                try (ResultSet rows = oldest.executeQuery()) {
                    while (rows.next()) {
                        ids.add(rows.getObject(1, UUID.class));
                    }
                }
            }
            if (ids.isEmpty()) {
                return PurgeResult.NOTHING;
            }
            Array idArray = SqlArrays.text(connection, ids, id -> id);
            long predictions;
            try (PreparedStatement deletePredictions = connection.prepareStatement(DELETE_PREDICTIONS)) {
                deletePredictions.setArray(1, idArray);
                try (ResultSet count = deletePredictions.executeQuery()) {
                    count.next();
                    predictions = count.getLong(1);
                }
            }
            int requests;
            try (PreparedStatement deleteRequests = connection.prepareStatement(DELETE_REQUESTS)) {
                deleteRequests.setArray(1, idArray);
                requests = deleteRequests.executeUpdate();
            }
            return new PurgeResult(requests, predictions);
        } catch (SQLException e) {
            throw new JdbcFailure("purge request log before " + cutoff, e);
        }
    }

    private static RequestLogEntry entry(ResultSet row) throws SQLException {
        int responseTime = row.getInt(9);
        Integer responseTimeMs = row.wasNull() ? null : responseTime;
        return new RequestLogEntry(row.getObject(1, UUID.class), SqlTimes.instant(row, 2), row.getString(3),
                row.getString(4), new JsonDocument(row.getString(5)), row.getString(6), row.getString(7),
                row.getInt(8), responseTimeMs);
    }
}
