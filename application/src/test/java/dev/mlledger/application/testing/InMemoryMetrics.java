package dev.mlledger.application.testing;

import dev.mlledger.domain.experiment.MetricKey;
import dev.mlledger.domain.experiment.MetricPoint;
import dev.mlledger.domain.experiment.Metrics;
import dev.mlledger.domain.paging.Page;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

/** Metric points per run, ordered by name then step; a point logged again replaces the one before. */
public final class InMemoryMetrics implements Metrics {

    private static final Comparator<MetricKey> BY_NAME_THEN_STEP = Comparator.comparing(MetricKey::name)
            .thenComparingLong(MetricKey::step);

    private final Map<UUID, TreeMap<MetricKey, MetricPoint>> byRun = new HashMap<>();
    private final List<Integer> batchSizes = new ArrayList<>();

    @Override
    public void addAll(UUID runId, List<MetricPoint> points) {
        batchSizes.add(points.size());
        TreeMap<MetricKey, MetricPoint> run = byRun.computeIfAbsent(runId, id -> new TreeMap<>(BY_NAME_THEN_STEP));
        points.forEach(point -> run.put(new MetricKey(point.name(), point.step()), point));
    }

    @Override
    public Page<MetricPoint> history(UUID runId, String name, MetricKey after, int limit) {
        List<MetricPoint> fetched = of(runId).stream()
                .filter(point -> name == null || name.equals(point.name()))
                .filter(point -> after == null
                        || BY_NAME_THEN_STEP.compare(new MetricKey(point.name(), point.step()), after) > 0)
                .limit(limit + 1L)
                .toList();
        return Page.ofOneExtra(fetched, limit);
    }

    @Override
    public Map<String, Double> latest(UUID runId) {
        Map<String, Double> latest = new LinkedHashMap<>();
        of(runId).forEach(point -> latest.put(point.name(), point.value()));   // ordered by step within a name
        return latest;
    }

    /** The points of a run, ordered by name then step. */
    public List<MetricPoint> of(UUID runId) {
        return List.copyOf(byRun.getOrDefault(runId, new TreeMap<>(BY_NAME_THEN_STEP)).values());
    }

    /** The number of points of each {@link #addAll} call, in order. */
    public List<Integer> batchSizes() {
        return List.copyOf(batchSizes);
    }
}
