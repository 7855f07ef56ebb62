package dev.mlledger.domain.requestlog;

import dev.mlledger.domain.access.Caller;
import dev.mlledger.domain.json.JsonDocument;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * One API request as the request log keeps it: where it went, what it sent, who sent it, how it was answered and
 * how long that took. Text comes as the network gave it; fitting it to a store's columns is the store's business.
 *
 * @param caller the authenticated principal and the role it acted in; null for a request without valid credentials
 */
public record RequestLogEntry(UUID id, Instant createdAt, String endpoint, String method, JsonDocument requestData,
                              String clientIp, String userAgent, int httpStatus, Integer responseTimeMs,
                              Caller caller) {

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

    /** An entry of a request made without valid credentials. */
    public RequestLogEntry(UUID id, Instant createdAt, String endpoint, String method, JsonDocument requestData,
                           String clientIp, String userAgent, int httpStatus, Integer responseTimeMs) {
        this(id, createdAt, endpoint, method, requestData, clientIp, userAgent, httpStatus, responseTimeMs, null);
    }
}
