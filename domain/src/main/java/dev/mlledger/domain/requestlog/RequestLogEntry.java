package dev.mlledger.domain.requestlog;

import dev.mlledger.domain.json.JsonDocument;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * One API request as the request log keeps it: where it went, what it sent, who sent it, how it was answered and
 * how long that took. Text comes as the network gave it; fitting it to a store's columns is the store's business.
 */
public record RequestLogEntry(UUID id, Instant createdAt, String endpoint, String method, JsonDocument requestData,
                              String clientIp, String userAgent, int httpStatus, Integer responseTimeMs) {

    public RequestLogEntry {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(requestData, "requestData");
        endpoint = Objects.requireNonNullElse(endpoint, "");
        method = Objects.requireNonNullElse(method, "");
        if (httpStatus < 100 || httpStatus > 599) {
            throw new IllegalArgumentException("not an HTTP status: " + httpStatus);
        }
        if (responseTimeMs != null && responseTimeMs < 0) {
            responseTimeMs = 0;
        }
    }
}
