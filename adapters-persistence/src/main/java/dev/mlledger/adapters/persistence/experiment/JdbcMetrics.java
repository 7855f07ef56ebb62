package dev.mlledger.adapters.persistence.experiment;

import dev.mlledger.adapters.persistence.jdbc.Columns;
import dev.mlledger.domain.experiment.MetricKey;
import dev.mlledger.domain.experiment.MetricPoint;
import dev.mlledger.domain.experiment.Metrics;
import dev.mlledger.domain.id.Ids;
import dev.mlledger.domain.paging.Page;
import io.micronaut.context.annotation.Requires;
import jakarta.inject.Singleton;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Metric points in {@code metrics}, one per run, name and step, through {@link MetricRepository}. */
@Singleton
@Requires(property = "mlledger.persistence.adapter", value = "jdbc", defaultValue = "jdbc")
public class JdbcMetrics implements Metrics {

    /** Before every stored point: names are not empty and steps not negative. */
    private static final MetricKey BEFORE_ALL = new MetricKey("", -1);

    private final MetricRepository repository;

    public JdbcMetrics(MetricRepository repository) {
        this.repository = repository;
    }

    @Override
    public void addAll(UUID runId, List<MetricPoint> points) {
        if (points.isEmpty()) {
            return;
        }
        String[] ids = new String[points.size()];
        for (int i = 0; i < ids.length; i++) {
            ids[i] = Ids.newId().toString();
        }
        repository.upsertAll(runId, ids, Columns.text(points, MetricPoint::name),
                Columns.longs(points, MetricPoint::step), Columns.doubles(points, MetricPoint::value),
                Columns.times(points, MetricPoint::timestamp));
    }

    @Override
    public Page<MetricPoint> history(UUID runId, String name, MetricKey after, int limit) {
        List<MetricRow> rows;
        if (name == null) {
            MetricKey from = after == null ? BEFORE_ALL : after;
            rows = repository.findPage(runId, from.name(), from.step(), limit + 1);
        } else {
            MetricKey from = after == null ? new MetricKey(name, -1) : after;
            rows = repository.findPageOfName(runId, name, from.name(), from.step(), limit + 1);
        }
        return Page.ofOneExtra(rows.stream()
                .map(row -> new MetricPoint(row.name(), row.step(), row.value(), row.timestamp())).toList(), limit);
    }

    @Override
    public Map<String, Double> latest(UUID runId) {
        Map<String, Double> latest = new LinkedHashMap<>();
        repository.findLatest(runId).forEach(row -> latest.put(row.name(), row.value()));
        return latest;
    }
}
