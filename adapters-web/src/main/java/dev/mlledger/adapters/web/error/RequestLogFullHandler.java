package dev.mlledger.adapters.web.error;

import dev.mlledger.domain.requestlog.RequestLogFull;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.server.exceptions.ExceptionHandler;
import jakarta.inject.Singleton;

/**
 * The request log had no room for the request (it writes more slowly than requests arrive), so the request was not
 * carried out: 503 with a short Retry-After. The recorder counts and logs these; one line per request would flood
 * the log exactly when the service is overloaded.
 */
@Singleton
public class RequestLogFullHandler implements ExceptionHandler<RequestLogFull, HttpResponse<Problem>> {

    static final String RETRY_AFTER_SECONDS = "1";
    static final String DETAIL = "The service is busy and did not carry out the request; retry later";

    @Override
    public HttpResponse<Problem> handle(HttpRequest request, RequestLogFull exception) {
        return ProblemResponses.problem(HttpStatus.SERVICE_UNAVAILABLE, DETAIL)
                .header(HttpHeaders.RETRY_AFTER, RETRY_AFTER_SECONDS);
    }
}
