package dev.mlledger.application.experiment;

import dev.mlledger.domain.access.Caller;
import dev.mlledger.domain.experiment.Experiments;
import dev.mlledger.domain.experiment.MetricPoint;
import dev.mlledger.domain.experiment.Metrics;
import dev.mlledger.domain.experiment.Params;
import dev.mlledger.domain.experiment.Runs;
import dev.mlledger.domain.experiment.Tags;
import dev.mlledger.domain.transaction.UnitOfWork;

import java.time.Clock;
import java.util.List;
import java.util.UUID;

public final class LogRunDataService implements LogRunData {

    private final Runs runs;
    private final Experiments experiments;
    private final Metrics metrics;
    private final Params params;
    private final Tags tags;
    private final UnitOfWork unitOfWork;
    private final Clock clock;

    public LogRunDataService(Runs runs, Experiments experiments, Metrics metrics, Params params, Tags tags,
                             UnitOfWork unitOfWork, Clock clock) {
        this.runs = runs;
        this.experiments = experiments;
        this.metrics = metrics;
        this.params = params;
        this.tags = tags;
        this.unitOfWork = unitOfWork;
        this.clock = clock;
    }

    @Override
    public void log(Caller caller, UUID runId, RunData data) {
        List<MetricPoint> points = LogMetricsService.points(data.metrics(), "metrics", clock.instant());
        var distinctParams = KeyValueBatch.distinctParams(data.params(), "params");
        var lastTags = KeyValueBatch.lastOfEachKey(data.tags());
        unitOfWork.write(() -> {
            RunForLogging run = RunForLogging.find(caller, runId, runs, experiments);
            if (!points.isEmpty() || !distinctParams.isEmpty()) {
                run.requireRunning();
            }
            metrics.addAll(runId, points);
            params.addAll(runId, distinctParams);
            tags.setOnRun(runId, lastTags);
            return null;
        });
    }
}
