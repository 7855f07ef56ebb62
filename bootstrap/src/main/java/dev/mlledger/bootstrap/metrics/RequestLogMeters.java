package dev.mlledger.bootstrap.metrics;

import dev.mlledger.adapters.persistence.requestlog.BufferedRequestRecorder;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.FunctionTimer;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micronaut.context.annotation.Context;
import io.micronaut.context.annotation.Requires;

import java.util.concurrent.TimeUnit;

/**
 * The buffered request log, watched: its queue (depth against capacity), its writes (how many, how long, how many
 * failed and were tried again), rows written, and requests refused with 503 because the queue had no room. No row is
 * ever dropped, so there is no drop counter: a queue that stays near its capacity, refusals and failed writes are
 * what to alert on.
 */
@Context
@Requires(beans = MeterRegistry.class)
public class RequestLogMeters {

    public RequestLogMeters(BufferedRequestRecorder recorder, MeterRegistry registry) {
        Gauge.builder("mlledger.request.log.queue.depth", recorder, BufferedRequestRecorder::pending)
                .description("Request-log rows recorded and not yet written (queued, or in the batch being written)")
                .register(registry);
        Gauge.builder("mlledger.request.log.queue.capacity", recorder, BufferedRequestRecorder::capacity)
                .description("Request-log rows the queue holds for admitted requests before requests wait")
                .register(registry);
        FunctionTimer.builder("mlledger.request.log.write", recorder, BufferedRequestRecorder::writes,
                        BufferedRequestRecorder::writeNanos, TimeUnit.NANOSECONDS)
                .description("Request-log batches written, and the time their successful writes took")
                .register(registry);
        FunctionCounter.builder("mlledger.request.log.write.failures", recorder,
                        BufferedRequestRecorder::failedWrites)
                .description("Request-log batch writes that failed and were tried again").register(registry);
        FunctionCounter.builder("mlledger.request.log.written", recorder, BufferedRequestRecorder::written)
                .description("Request-log rows written from the queue").register(registry);
        FunctionCounter.builder("mlledger.request.log.refused", recorder, BufferedRequestRecorder::refused)
                .description("Requests answered 503 because the request-log queue had no room for them in time")
                .register(registry);
    }
}
