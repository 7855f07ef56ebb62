package dev.mlledger.adapters.web.request;

import dev.mlledger.application.requestlog.LogSlot;
import dev.mlledger.domain.json.JsonDocument;
import io.micronaut.http.HttpRequest;

import java.util.Optional;

/** What the filters and controllers tell each other about a request, through request attributes. */
public final class RequestAttributes {

    private static final String STARTED_NANOS = "mlledger.started-nanos";
    private static final String REQUEST_DATA = "mlledger.request-data";
    private static final String LOGGED = "mlledger.logged-in-transaction";
    private static final String LOG_SLOT = "mlledger.log-slot";

    private RequestAttributes() {
    }

    public static void markStarted(HttpRequest<?> request) {
        request.setAttribute(STARTED_NANOS, System.nanoTime());
    }

    public static long startedNanos(HttpRequest<?> request) {
        return request.getAttribute(STARTED_NANOS, Long.class).orElseGet(System::nanoTime);
    }

    /** The request's JSON body as the client sent it, so that the log keeps it even when the request is rejected. */
    public static void setRequestData(HttpRequest<?> request, JsonDocument data) {
        request.setAttribute(REQUEST_DATA, data);
    }

    public static Optional<JsonDocument> requestData(HttpRequest<?> request) {
        return request.getAttribute(REQUEST_DATA, JsonDocument.class);
    }

    /** The use case wrote the log entry in its own transaction; the filter must not write another. */
    public static void markLogged(HttpRequest<?> request) {
        request.setAttribute(LOGGED, Boolean.TRUE);
    }

    /** The use case's transaction, and the log entry with it, was rolled back after all: the filter logs the request. */
    public static void clearLogged(HttpRequest<?> request) {
        request.removeAttribute(LOGGED, Boolean.class);
    }

    public static boolean isLogged(HttpRequest<?> request) {
        return request.getAttribute(LOGGED, Boolean.class).orElse(false);
    }

    /** The room taken in the request log for the request's entry, before it was carried out. */
    public static void setLogSlot(HttpRequest<?> request, LogSlot slot) {
        request.setAttribute(LOG_SLOT, slot);
    }

    public static Optional<LogSlot> logSlot(HttpRequest<?> request) {
        return request.getAttribute(LOG_SLOT, LogSlot.class);
    }
}
