package dev.mlledger.application.experiment;

import dev.mlledger.domain.access.Caller;
import dev.mlledger.domain.experiment.MetricPoint;

import java.util.List;
import java.util.UUID;

/**
 * Use case: log metric points to a running run; all or nothing. A run that ended takes none
 * ({@link dev.mlledger.domain.experiment.RunAlreadyEnded}).
 */
public interface LogMetrics {

    int MAX_BATCH = 1000;

    /** One point; violations are named {@code name}, {@code step}, … @return the point as stored */
    MetricPoint logOne(Caller caller, UUID runId, MetricToLog point);

    /** 1 to {@value #MAX_BATCH} points; violations are named by index ({@code [3].value}), the list as a whole {@code ""}. @return how many were logged */
    int logBatch(Caller caller, UUID runId, List<MetricToLog> points);
}
