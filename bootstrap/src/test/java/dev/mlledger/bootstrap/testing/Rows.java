package dev.mlledger.bootstrap.testing;

import dev.mlledger.adapters.persistence.testing.TestDatabase;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Looks at the rows a test database holds, with plain JDBC outside the service. */
public final class Rows {

    private Rows() {
    }

    public static long count(TestDatabase database, String sql, Object... parameters) {
        List<Map<String, Object>> rows = query(database, sql, parameters);
        return ((Number) rows.getFirst().values().iterator().next()).longValue();
    }

    public static List<Map<String, Object>> query(TestDatabase database, String sql, Object... parameters) {
        try (Connection connection = database.connect();
             PreparedStatement statement = prepare(connection, sql, parameters);
             ResultSet rows = statement.executeQuery()) {
            ResultSetMetaData meta = rows.getMetaData();
            List<Map<String, Object>> result = new ArrayList<>();
            while (rows.next()) {
                Map<String, Object> row = new LinkedHashMap<>();
                for (int column = 1; column <= meta.getColumnCount(); column++) {
                    row.put(meta.getColumnLabel(column), rows.getObject(column));
                }
                result.add(row);
            }
            return result;
        } catch (SQLException e) {
            throw new IllegalStateException(sql + ": " + e.getMessage(), e);
        }
    }

    public static int update(TestDatabase database, String sql, Object... parameters) {
        try (Connection connection = database.connect();
             PreparedStatement statement = prepare(connection, sql, parameters)) {
            return statement.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException(sql + ": " + e.getMessage(), e);
        }
    }

    /** Runs statements (no parameters) in one transaction. */
    public static void execute(TestDatabase database, String sql) {
        try (Connection connection = database.connect()) {
            connection.setAutoCommit(false);
            try (Statement statement = connection.createStatement()) {
                statement.execute(sql);
            }
            connection.commit();
        } catch (SQLException e) {
            throw new IllegalStateException(sql + ": " + e.getMessage(), e);
        }
    }

    /** Polls until the query finds at least one row (the request log is written asynchronously). */
    public static List<Map<String, Object>> await(TestDatabase database, Duration timeout, String sql,
                                                  Object... parameters) {
        Instant deadline = Instant.now().plus(timeout);
        while (true) {
            List<Map<String, Object>> rows = query(database, sql, parameters);
            if (!rows.isEmpty() || Instant.now().isAfter(deadline)) {
                return rows;
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }

    /**
     * What a successful write leaves behind: predictions, their roll-ups, and the request-log rows of successful
     * POSTs (which the prediction endpoints write in their own transaction, never asynchronously).
     */
    public record Stored(long predictions, long rolledUpPredictions, long successfulPosts) {

        public static Stored in(TestDatabase database) {
            return new Stored(
                    count(database, "SELECT count(*) FROM predictions"),
                    count(database, "SELECT coalesce(sum(prediction_count), 0) FROM prediction_stats_daily"),
                    count(database, "SELECT count(*) FROM api_requests WHERE method = 'POST' AND http_status BETWEEN 200 AND 299"));
        }
    }

    private static PreparedStatement prepare(Connection connection, String sql, Object... parameters)
            throws SQLException {
        PreparedStatement statement = connection.prepareStatement(sql);
        for (int i = 0; i < parameters.length; i++) {
            statement.setObject(i + 1, parameters[i]);
        }
        return statement;
    }
}
