package dev.mlledger.application.experiment;

import dev.mlledger.domain.access.Caller;
import dev.mlledger.domain.experiment.Experiments;
import dev.mlledger.domain.experiment.MetricKey;
import dev.mlledger.domain.experiment.MetricPoint;
import dev.mlledger.domain.experiment.Metrics;
import dev.mlledger.domain.experiment.Runs;
import dev.mlledger.domain.transaction.UnitOfWork;
import dev.mlledger.domain.validation.Checks;
import dev.mlledger.domain.validation.InvalidInput;
import dev.mlledger.domain.validation.TooManyItems;
import dev.mlledger.domain.validation.Violation;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

public final class LogMetricsService implements LogMetrics {

    private final Runs runs;
    private final Experiments experiments;
    private final Metrics metrics;
    private final UnitOfWork unitOfWork;
    private final Clock clock;

    public LogMetricsService(Runs runs, Experiments experiments, Metrics metrics, UnitOfWork unitOfWork, Clock clock) {
        this.runs = runs;
        this.experiments = experiments;
        this.metrics = metrics;
        this.unitOfWork = unitOfWork;
        this.clock = clock;
    }

    @Override
    public MetricPoint logOne(Caller caller, UUID runId, MetricToLog point) {
        List<MetricPoint> points = points(List.of(point), null, clock.instant());
        store(caller, runId, points);
        return points.getFirst();
    }

    @Override
    public int logBatch(Caller caller, UUID runId, List<MetricToLog> points) {
        if (points == null || points.isEmpty()) {
            throw new InvalidInput("", "must hold 1 to " + MAX_BATCH + " points");
        }
        if (points.size() > MAX_BATCH) {
            throw new TooManyItems("", MAX_BATCH, points.size());
        }
        store(caller, runId, points(points, "", clock.instant()));
        return points.size();
    }

    /**
     * Checks the points as given and makes them points to store, with {@code now} where no timestamp was given.
     *
     * @param list how violations name the list ({@code metrics}, {@code ""} for a bare list); null for one point,
     *             whose violations name its fields only
     */
    static List<MetricPoint> points(List<MetricToLog> given, String list, Instant now) {
        List<Violation> violations = new ArrayList<>();
        Map<MetricKey, Integer> seen = new HashMap<>();
        List<MetricPoint> points = new ArrayList<>(given.size());
        for (int i = 0; i < given.size(); i++) {
            String prefix = list == null ? "" : list + "[" + i + "].";
            MetricToLog point = given.get(i);
            int before = violations.size();
            MetricPoint.check(violations, prefix, point.name(), point.step(), point.value());
            Checks.storableTime(violations, prefix + "timestamp", point.timestamp());
            if (violations.size() > before) {
                continue;
            }
            Integer earlier = seen.putIfAbsent(new MetricKey(point.name(), point.step()), i);
            if (earlier != null) {
                violations.add(new Violation(prefix + "step", "repeats the name and step of " + (list.isEmpty() ? "point " : list) + "["
                        + earlier + "]; a run has one value per name and step"));
                continue;
            }
            points.add(new MetricPoint(point.name(), point.step(), point.value(),
                    point.timestamp() == null ? now : point.timestamp()));
        }
        Checks.throwIfAny(violations);
        return points;
    }

    private void store(Caller caller, UUID runId, List<MetricPoint> points) {
        unitOfWork.write(() -> {
            RunForLogging.find(caller, runId, runs, experiments).requireRunning();
            metrics.addAll(runId, points);
            return null;
        });
    }
}
