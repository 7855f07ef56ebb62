package dev.mlledger.application.prediction;

import dev.mlledger.domain.access.Caller;
import dev.mlledger.domain.json.JsonDocument;
import dev.mlledger.domain.requestlog.RequestLogEntry;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * The API request a use case serves, as the request log records it.
 *
 * @param startedNanos {@link System#nanoTime()} when the request arrived, for its response time
 * @param answeredWith the status the caller answers the request with when the use case succeeds (the driving
 *                     adapter decides it; the use case only records it)
 * @param caller       who made the request; null when it came without valid credentials
 */
public record RequestOrigin(String endpoint, String method, JsonDocument requestData, String clientIp,
                            String userAgent, long startedNanos, int answeredWith, Caller caller) {

    public RequestOrigin {
        Objects.requireNonNull(endpoint, "endpoint");
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(requestData, "requestData");
    }

    /** The log entry of this request, answered now. */
    public RequestLogEntry logEntry(UUID id, Instant createdAt) {
        int elapsedMs = (int) Math.min(Integer.MAX_VALUE, (System.nanoTime() - startedNanos) / 1_000_000);
        return new RequestLogEntry(id, createdAt, endpoint, method, requestData, clientIp, userAgent, answeredWith,
                elapsedMs, caller);
    }
}
