package dev.mlledger.bootstrap.metrics;

import dev.mlledger.domain.access.Caller;
import dev.mlledger.application.experiment.LogMetrics;
import dev.mlledger.application.experiment.MetricToLog;
import dev.mlledger.domain.experiment.MetricPoint;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

import java.util.List;
import java.util.UUID;

/** Counts the metric points logged to runs ({@code mlledger_metric_points_logged_total}). */
public final class CountingLogMetrics implements LogMetrics {

    private final LogMetrics delegate;
    private final Counter logged;

    public CountingLogMetrics(LogMetrics delegate, MeterRegistry registry) {
        this.delegate = delegate;
        this.logged = Counter.builder("mlledger.metric.points.logged")
                .description("Metric points stored for runs")
                .register(registry);
    }

    @Override
    public MetricPoint logOne(Caller caller, UUID runId, MetricToLog point) {
        MetricPoint stored = delegate.logOne(caller, runId, point);
        logged.increment();
        return stored;
    }

    @Override
    public int logBatch(Caller caller, UUID runId, List<MetricToLog> points) {
        int count = delegate.logBatch(caller, runId, points);
        logged.increment(count);
        return count;
    }
}
