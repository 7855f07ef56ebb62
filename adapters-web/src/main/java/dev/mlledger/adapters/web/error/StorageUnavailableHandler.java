package dev.mlledger.adapters.web.error;

import dev.mlledger.domain.storage.StorageUnavailable;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.server.exceptions.ExceptionHandler;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The database could not do the work now: 503 with Retry-After, so clients back off instead of treating it as a bug. */
@Singleton
public class StorageUnavailableHandler implements ExceptionHandler<StorageUnavailable, HttpResponse<Problem>> {

    private static final Logger LOG = LoggerFactory.getLogger(StorageUnavailableHandler.class);
    static final String RETRY_AFTER_SECONDS = "5";

    @Override
    public HttpResponse<Problem> handle(HttpRequest request, StorageUnavailable exception) {
        LOG.warn("{} {}: database unavailable: {}", request.getMethod(), request.getPath(), exception.getMessage());
        return ProblemResponses.problem(HttpStatus.SERVICE_UNAVAILABLE,
                        ClientSafeText.fallback(HttpStatus.SERVICE_UNAVAILABLE))
                .header(HttpHeaders.RETRY_AFTER, RETRY_AFTER_SECONDS);
    }
}
