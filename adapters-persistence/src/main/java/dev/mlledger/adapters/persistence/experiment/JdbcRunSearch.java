package dev.mlledger.adapters.persistence.experiment;

import dev.mlledger.domain.experiment.MetricPoint;
import dev.mlledger.domain.experiment.search.RunAttribute;
import dev.mlledger.domain.experiment.search.RunField;
import dev.mlledger.domain.experiment.search.RunMatch;
import dev.mlledger.domain.experiment.search.RunOrder;
import dev.mlledger.domain.experiment.search.RunPosition;
import dev.mlledger.domain.experiment.search.RunQuery;
import dev.mlledger.domain.experiment.search.RunSearch;
import dev.mlledger.domain.experiment.search.SortValue;
import dev.mlledger.domain.paging.Orders;
import dev.mlledger.domain.paging.Page;
import io.micronaut.context.annotation.Requires;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import jakarta.inject.Singleton;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.UUID;

/**
 * Run search on PostgreSQL. The page is one statement whose WHERE and ORDER BY follow the query
 * ({@link RunSearchStatement}), which no compile-time {@code @Query} can hold; it runs through Micronaut Data's
 * {@link JdbcOperations} on the unit of work's connection, every value a bind parameter, and its rows are read by
 * Micronaut Data as {@link RunRow}s. docs/adapters.md says why this is the one statement outside a repository.
 */
@Singleton
@Requires(property = "mlledger.persistence.adapter", value = "jdbc", defaultValue = "jdbc")
public class JdbcRunSearch implements RunSearch {

    private final JdbcOperations jdbc;
    private final LatestMetricRepository latestMetrics;

    JdbcRunSearch(JdbcOperations jdbc, LatestMetricRepository latestMetrics) {
        this.jdbc = jdbc;
        this.latestMetrics = latestMetrics;
    }

    @Override
    public Page<RunMatch> search(Collection<UUID> experimentIds, RunQuery query) {
        if (experimentIds.isEmpty()) {
            return new Page<>(List.of(), false);
        }
        RunSearchStatement statement = RunSearchStatement.of(experimentIds, query);
        List<RunMatch> fetched = jdbc.prepareStatement(statement.sql(), prepared -> {
            bind(prepared, statement.parameters());
            List<RunMatch> matches = new ArrayList<>();
            try (ResultSet rows = prepared.executeQuery()) {
                while (rows.next()) {
                    RunRow row = jdbc.readEntity(rows, RunRow.class);
                    matches.add(new RunMatch(JdbcRuns.run(row), position(rows, query.orderBy())));
                }
            }
            return matches;
        });
        return Page.ofOneExtra(fetched, query.maxResults());
    }

    @Override
    public Map<UUID, SortedMap<String, MetricPoint>> latestMetrics(Collection<UUID> runIds) {
        Map<UUID, SortedMap<String, MetricPoint>> latest = new HashMap<>();
        if (runIds.isEmpty()) {
            return latest;
        }
        for (LatestPointRow row : latestMetrics.findOfRuns(runIds.stream().map(UUID::toString).toArray(String[]::new))) {
            latest.computeIfAbsent(row.runId(), ignored -> new TreeMap<>(Orders.TEXT))
                    .put(row.name(), new MetricPoint(row.name(), row.step(), row.value(), row.timestamp()));
        }
        return latest;
    }

    private static void bind(PreparedStatement prepared, List<Object> parameters) throws SQLException {
        for (int i = 0; i < parameters.size(); i++) {
            int index = i + 1;
            switch (parameters.get(i)) {
                case String text -> prepared.setString(index, text);
                case Double number -> prepared.setDouble(index, number);
                case Long number -> prepared.setLong(index, number);
                case UUID id -> prepared.setObject(index, id);
                case Instant instant -> prepared.setObject(index, instant.atOffset(ZoneOffset.UTC));
                case String[] ids -> prepared.setArray(index, prepared.getConnection().createArrayOf("text", ids));
                default -> throw new IllegalStateException("no binding for " + parameters.get(i).getClass());
            }
        }
    }

    /** The run's values of the order's keys, as the statement sorted them ({@code sort_0}, …), then start and id. */
    private static RunPosition position(ResultSet rows, List<RunOrder> orderBy) throws SQLException {
        List<SortValue> values = new ArrayList<>(orderBy.size());
        for (int i = 0; i < orderBy.size(); i++) {
            values.add(sortValue(rows, RunSearchStatement.sortColumn(i), orderBy.get(i).field()));
        }
        return new RunPosition(values, rows.getObject(RunSearchStatement.START_COLUMN, OffsetDateTime.class).toInstant(),
                rows.getObject("id", UUID.class));
    }

    private static SortValue sortValue(ResultSet rows, String column, RunField field) throws SQLException {
        if (field instanceof RunField.Metric) {
            double value = rows.getDouble(column);
            return rows.wasNull() ? SortValue.MISSING : new SortValue.Number(value);
        }
        if (field.isNumeric()) {
            OffsetDateTime time = rows.getObject(column, OffsetDateTime.class);
            return time == null ? SortValue.MISSING : new SortValue.Time(time.toInstant());
        }
        if (field instanceof RunField.Attribute(RunAttribute attribute) && attribute == RunAttribute.RUN_ID) {
            return new SortValue.Text(RunAttribute.runIdText(rows.getObject(column, UUID.class)));
        }
        String text = rows.getString(column);
        return text == null ? SortValue.MISSING : new SortValue.Text(text);
    }
}
