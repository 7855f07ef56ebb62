package dev.mlledger.domain.requestlog;

import dev.mlledger.domain.json.JsonDocument;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Objects;
import java.util.UUID;

/**
 * One API request as the request log keeps it. Text that came from the network is made storable here: NUL
 * characters are dropped and over-long values are cut to their column's size, so logging never fails on them.
 */
public record RequestLogEntry(UUID id, Instant createdAt, String endpoint, String method, JsonDocument requestData,
                              String clientIp, String userAgent, int httpStatus, Integer responseTimeMs) {

    public static final int ENDPOINT_MAX = 200;
    public static final int METHOD_MAX = 10;
    public static final int CLIENT_IP_MAX = 45;
    public static final int USER_AGENT_MAX = 1000;

    public RequestLogEntry {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(requestData, "requestData");
        createdAt = createdAt.truncatedTo(ChronoUnit.MICROS);
        endpoint = Objects.requireNonNullElse(storable(endpoint, ENDPOINT_MAX), "");
        method = Objects.requireNonNullElse(storable(method, METHOD_MAX), "");
        clientIp = storable(clientIp, CLIENT_IP_MAX);
        userAgent = storable(userAgent, USER_AGENT_MAX);
        if (httpStatus < 100 || httpStatus > 599) {
            throw new IllegalArgumentException("not an HTTP status: " + httpStatus);
        }
        if (responseTimeMs != null && responseTimeMs < 0) {
            responseTimeMs = 0;
        }
    }

    private static String storable(String text, int maxLength) {
        if (text == null) {
            return null;
        }
        String withoutNul = text.indexOf('\u0000') < 0 ? text : text.replace("\u0000", "");
        if (withoutNul.length() <= maxLength) {
            return withoutNul;
        }
        // never half a surrogate pair, which is no character a store can keep
        int end = Character.isHighSurrogate(withoutNul.charAt(maxLength - 1)) ? maxLength - 1 : maxLength;
        return withoutNul.substring(0, end);
    }
}
