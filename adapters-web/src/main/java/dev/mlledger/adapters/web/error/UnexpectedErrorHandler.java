package dev.mlledger.adapters.web.error;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.server.exceptions.ExceptionHandler;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.UUID;

/**
 * Anything no other handler claims is a bug: log it in full with a reference, answer 500 with only that reference.
 */
@Singleton
public class UnexpectedErrorHandler implements ExceptionHandler<Throwable, HttpResponse<Problem>> {

    private static final Logger LOG = LoggerFactory.getLogger(UnexpectedErrorHandler.class);

    @Override
    public HttpResponse<Problem> handle(HttpRequest request, Throwable exception) {
        String reference = UUID.randomUUID().toString();
        LOG.error("Unexpected error {} on {} {}", reference, request.getMethod(), request.getPath(), exception);
        return ProblemResponses.problem(HttpStatus.INTERNAL_SERVER_ERROR,
                ClientSafeText.fallback(HttpStatus.INTERNAL_SERVER_ERROR) + " (reference " + reference + ")");
    }
}
