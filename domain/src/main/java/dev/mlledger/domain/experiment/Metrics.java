package dev.mlledger.domain.experiment;

import dev.mlledger.domain.paging.Page;

import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Driven port: the metric points of runs. Call it inside a {@code UnitOfWork}. */
public interface Metrics {

    /**
     * Stores the points of a run, all or none, in one round trip whatever their number; a point whose name and
     * step the run has already replaces it. The points must have distinct (name, step).
     */
    void addAll(UUID runId, List<MetricPoint> points);

    /**
     * Points ordered by name, then step, starting after {@code after} when given; only those named {@code name}
     * when given. The cost of a page does not depend on its depth.
     */
    Page<MetricPoint> history(UUID runId, String name, MetricKey after, int limit);

    /** For each metric name of the run, the value at its highest step; in one statement. */
    Map<String, Double> latest(UUID runId);
}
