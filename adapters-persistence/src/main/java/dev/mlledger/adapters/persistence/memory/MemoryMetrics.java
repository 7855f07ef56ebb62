package dev.mlledger.adapters.persistence.memory;

import dev.mlledger.domain.experiment.MetricKey;
import dev.mlledger.domain.experiment.MetricPoint;
import dev.mlledger.domain.experiment.Metrics;
import dev.mlledger.domain.paging.Page;
import io.micronaut.context.annotation.Requires;
import jakarta.inject.Singleton;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.UUID;

/**
 * Metric points in the {@link MemoryStore}, one per run, name and step, ordered by name (code point order, see
 * {@link PostgresOrder#TEXT}), then step.
 */
@Singleton
@Requires(property = "mlledger.persistence.adapter", value = "memory")
public class MemoryMetrics implements Metrics {

    private final MemoryStore store;

    public MemoryMetrics(MemoryStore store) {
        this.store = store;
    }

    @Override
    public void addAll(UUID runId, List<MetricPoint> points) {
        MemoryTransaction transaction = store.writing();
        if (!store.runs.contains(runId)) {
            throw transaction.refuse("metric points name run " + runId + ", which does not exist");
        }
        Set<MetricKey> seen = new HashSet<>();
        for (MetricPoint point : points) {
            if (!seen.add(new MetricKey(point.name(), point.step()))) {
                // what PostgreSQL says to an upsert that would change one row twice
                throw transaction.refuse("metric " + point.name() + " at step " + point.step() + " of run " + runId
                        + " appears twice in one call");
            }
            StoredMetric row = new StoredMetric(runId, point);
            if (store.metrics.contains(row.key())) {
                store.metrics.replace(transaction, row);
            } else {
                store.metrics.insert(transaction, row);
            }
        }
    }

    @Override
    public Page<MetricPoint> history(UUID runId, String name, MetricKey after, int limit) {
        store.reading();
        MetricKey from = after;
        boolean inclusive = false;
        if (name != null) {
            MetricKey firstOfName = new MetricKey(name, Long.MIN_VALUE);
            if (from == null || PostgresOrder.METRIC_KEYS.compare(firstOfName, from) > 0) {
                from = firstOfName;
                inclusive = true;
            }
        }
        NavigableMap<MetricKey, StoredMetric> points = store.metricsByRun.of(runId);
        List<MetricPoint> fetched = new ArrayList<>();
        for (StoredMetric row : (from == null ? points : points.tailMap(from, inclusive)).values()) {
            if (name != null && !name.equals(row.point().name())) {
                break;
            }
            fetched.add(row.point());
            if (fetched.size() > limit) {
                break;
            }
        }
        return Page.ofOneExtra(fetched, limit);
    }

    @Override
    public Map<String, Double> latest(UUID runId) {
        store.reading();
        Map<String, Double> latest = new LinkedHashMap<>();
        latestPoints(store, runId).forEach((name, point) -> latest.put(name, point.value()));
        return latest;
    }

    /**
     * The run's point at the highest step of each name, by name (in code-point order). One step per name: from a name's last point
     * straight to the next name's first.
     */
    static SortedMap<String, MetricPoint> latestPoints(MemoryStore store, UUID runId) {
        NavigableMap<MetricKey, StoredMetric> points = store.metricsByRun.of(runId);
        SortedMap<String, MetricPoint> latest = new TreeMap<>(PostgresOrder.TEXT);
        for (MetricKey key = points.isEmpty() ? null : points.firstKey(); key != null; ) {
            MetricKey lastOfName = new MetricKey(key.name(), Long.MAX_VALUE);
            latest.put(key.name(), points.floorEntry(lastOfName).getValue().point());
            key = points.higherKey(lastOfName);
        }
        return latest;
    }
}
