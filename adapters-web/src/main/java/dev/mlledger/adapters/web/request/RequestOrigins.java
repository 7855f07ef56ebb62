package dev.mlledger.adapters.web.request;

import dev.mlledger.adapters.web.security.CallerOfRequest;
import dev.mlledger.application.prediction.RequestOrigin;
import dev.mlledger.domain.json.JsonDocument;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.server.util.HttpClientAddressResolver;
import jakarta.inject.Singleton;

/** Describes an HTTP request the way the request log records it. */
@Singleton
public class RequestOrigins {

    private final HttpClientAddressResolver addressResolver;
    private final CallerOfRequest callers;

    public RequestOrigins(HttpClientAddressResolver addressResolver, CallerOfRequest callers) {
        this.addressResolver = addressResolver;
        this.callers = callers;
    }

    /** A request whose use case logs it in its own transaction, answered with {@code status} when it succeeds. */
    public RequestOrigin of(HttpRequest<?> request, HttpStatus status) {
        return of(request, RequestAttributes.requestData(request).orElse(JsonDocument.EMPTY_OBJECT), status.getCode());
    }

    public RequestOrigin of(HttpRequest<?> request, JsonDocument requestData, int status) {
        return new RequestOrigin(request.getPath(), request.getMethodName(), requestData,
                addressResolver.resolve(request), request.getHeaders().get(HttpHeaders.USER_AGENT),
                RequestAttributes.startedNanos(request), status, callers.authenticated(request).orElse(null));
    }
}
