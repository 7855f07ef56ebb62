package dev.mlledger.adapters.web.requestlog;

import dev.mlledger.application.prediction.RequestOrigin;
import dev.mlledger.domain.json.JsonDocument;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.server.util.HttpClientAddressResolver;
import jakarta.inject.Singleton;

/** Describes an HTTP request the way the request log records it. */
@Singleton
public class RequestOrigins {

    private final HttpClientAddressResolver addressResolver;

    public RequestOrigins(HttpClientAddressResolver addressResolver) {
        this.addressResolver = addressResolver;
    }

    public RequestOrigin of(HttpRequest<?> request, JsonDocument requestData) {
        return new RequestOrigin(request.getPath(), request.getMethodName(), requestData,
                addressResolver.resolve(request), request.getHeaders().get(HttpHeaders.USER_AGENT),
                RequestAttributes.startedNanos(request));
    }
}
