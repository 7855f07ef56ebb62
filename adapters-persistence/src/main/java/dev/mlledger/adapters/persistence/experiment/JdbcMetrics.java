package dev.mlledger.adapters.persistence.experiment;

import dev.mlledger.adapters.persistence.transaction.JdbcFailure;
import dev.mlledger.adapters.persistence.transaction.JdbcUnitOfWork;
import dev.mlledger.adapters.persistence.transaction.SqlArrays;
import dev.mlledger.domain.experiment.MetricKey;
import dev.mlledger.domain.experiment.MetricPoint;
import dev.mlledger.domain.experiment.Metrics;
import dev.mlledger.domain.id.Ids;
import dev.mlledger.domain.paging.Page;
import dev.mlledger.adapters.persistence.transaction.SqlTimes;
import io.micronaut.context.annotation.Requires;
import jakarta.inject.Singleton;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Metric points in {@code metrics}, one per run, name and step. */
@Singleton
@Requires(property = "mlledger.persistence.adapter", value = "jdbc", defaultValue = "jdbc")
public class JdbcMetrics implements Metrics {

    private static final String ADD_ALL = """
            INSERT INTO metrics (id, run_id, name, step, value, timestamp)
            SELECT p.id, ?, p.name, p.step, p.value, p.timestamp
            FROM unnest(?::uuid[], ?::varchar[], ?::int[], ?::float8[], ?::timestamptz[])
                AS p (id, name, step, value, timestamp)
            ON CONFLICT (run_id, name, step) DO UPDATE SET value = EXCLUDED.value, timestamp = EXCLUDED.timestamp""";
    /**
     * The distinct names by a loose index scan (one index probe per name, not a scan of every point), then the
     * value at each name's highest step: one statement, cheap for runs with millions of points.
     */
    private static final String LATEST = """
            WITH RECURSIVE names (name) AS (
                (SELECT name FROM metrics WHERE run_id = ? ORDER BY name LIMIT 1)
                UNION ALL
                SELECT (SELECT m.name FROM metrics m WHERE m.run_id = ? AND m.name > names.name ORDER BY m.name LIMIT 1)
                FROM names WHERE names.name IS NOT NULL
            )
            SELECT n.name,
                   (SELECT m.value FROM metrics m WHERE m.run_id = ? AND m.name = n.name ORDER BY m.step DESC LIMIT 1)
            FROM names n WHERE n.name IS NOT NULL ORDER BY n.name""";

    private final JdbcUnitOfWork unitOfWork;

    public JdbcMetrics(JdbcUnitOfWork unitOfWork) {
        this.unitOfWork = unitOfWork;
    }

    @Override
    public void addAll(UUID runId, List<MetricPoint> points) {
        if (points.isEmpty()) {
            return;
        }
        Connection connection = unitOfWork.connection();
        List<UUID> ids = new ArrayList<>(points.size());
        for (int i = 0; i < points.size(); i++) {
            ids.add(Ids.newId());
        }
        try (PreparedStatement insert = connection.prepareStatement(ADD_ALL)) {
            insert.setObject(1, runId);
            insert.setArray(2, SqlArrays.text(connection, ids, id -> id));
            insert.setArray(3, SqlArrays.text(connection, points, MetricPoint::name));
            insert.setArray(4, SqlArrays.int4(connection, points, MetricPoint::step));
            insert.setArray(5, SqlArrays.float8(connection, points, MetricPoint::value));
            insert.setArray(6, SqlArrays.text(connection, points, MetricPoint::timestamp));
            insert.executeUpdate();
        } catch (SQLException e) {
            throw new JdbcFailure("log " + points.size() + " metric points of run " + runId, e);
        }
    }

    @Override
    public Page<MetricPoint> history(UUID runId, String name, MetricKey after, int limit) {
        StringBuilder sql = new StringBuilder("SELECT name, step, value, timestamp FROM metrics WHERE run_id = ?");
        List<Object> parameters = new ArrayList<>(List.of(runId));
        if (name != null) {
            sql.append(" AND name = ?");
            parameters.add(name);
        }
        if (after != null) {
            sql.append(" AND (name, step) > (?, ?)");
            parameters.add(after.name());
            parameters.add(after.step());
        }
        sql.append(" ORDER BY name, step LIMIT ?");
        parameters.add(limit + 1);
        try (PreparedStatement select = unitOfWork.connection().prepareStatement(sql.toString())) {
            for (int i = 0; i < parameters.size(); i++) {
                select.setObject(i + 1, parameters.get(i));
            }
            try (ResultSet rows = select.executeQuery()) {
                List<MetricPoint> fetched = new ArrayList<>(Math.min(limit + 1, 1024));
                while (rows.next()) {
                    fetched.add(new MetricPoint(rows.getString(1), rows.getInt(2), rows.getDouble(3),
                            SqlTimes.instant(rows, 4)));
                }
                return Page.ofOneExtra(fetched, limit);
            }
        } catch (SQLException e) {
            throw new JdbcFailure("metric history of run " + runId, e);
        }
    }

    @Override
    public Map<String, Double> latest(UUID runId) {
        try (PreparedStatement select = unitOfWork.connection().prepareStatement(LATEST)) {
            select.setObject(1, runId);
            select.setObject(2, runId);
            select.setObject(3, runId);
            try (ResultSet rows = select.executeQuery()) {
                Map<String, Double> latest = new LinkedHashMap<>();
                while (rows.next()) {
                    latest.put(rows.getString(1), rows.getDouble(2));
                }
                return latest;
            }
        } catch (SQLException e) {
            throw new JdbcFailure("latest metrics of run " + runId, e);
        }
    }
}
