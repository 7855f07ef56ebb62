package dev.mlledger.bootstrap.metrics;

import dev.mlledger.adapters.persistence.requestlog.BufferedRequestRecorder;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micronaut.context.annotation.Context;
import io.micronaut.context.annotation.Requires;

/**
 * The buffered request log, watched: rows written, rows dropped (buffer full or store failing) and rows waiting.
 * A growing {@code mlledger_request_log_dropped_total} means log rows are being lost.
 */
@Context
@Requires(beans = MeterRegistry.class)
public class RequestLogMeters {

    public RequestLogMeters(BufferedRequestRecorder recorder, MeterRegistry registry) {
        FunctionCounter.builder("mlledger.request.log.written", recorder, BufferedRequestRecorder::written)
                .description("Request-log rows written from the buffer").register(registry);
        FunctionCounter.builder("mlledger.request.log.dropped", recorder, BufferedRequestRecorder::dropped)
                .description("Request-log rows given up on (buffer full, or the database failed repeatedly)")
                .register(registry);
        Gauge.builder("mlledger.request.log.pending", recorder, BufferedRequestRecorder::pending)
                .description("Request-log rows waiting in the buffer").register(registry);
    }
}
