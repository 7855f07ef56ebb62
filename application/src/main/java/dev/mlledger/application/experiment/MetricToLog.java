package dev.mlledger.application.experiment;

import java.time.Instant;

/**
 * A metric point as a client sends it, checked by {@link LogMetrics}.
 *
 * @param step      a whole number as sent (long, so that out-of-range values can be reported)
 * @param timestamp optional; defaults to the time it is logged
 */
public record MetricToLog(String name, Long step, Double value, Instant timestamp) {
}
