package dev.mlledger.adapters.web.error;

import dev.mlledger.domain.idempotency.IdempotencyKeyInFlight;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.server.exceptions.ExceptionHandler;
import jakarta.inject.Singleton;

/**
 * A request under an Idempotency-Key that another request is still carrying out: 409, as the IETF draft says,
 * with Retry-After so that the client repeats it once the first is answered (and then gets its answer).
 */
@Singleton
public class IdempotencyKeyInFlightHandler implements ExceptionHandler<IdempotencyKeyInFlight, HttpResponse<Problem>> {

    static final String RETRY_AFTER_SECONDS = "1";

    @Override
    public HttpResponse<Problem> handle(HttpRequest request, IdempotencyKeyInFlight exception) {
        return ProblemResponses.problem(HttpStatus.CONFLICT, "A request with this Idempotency-Key is still being "
                        + "carried out; repeat this one once it has been answered")
                .header(HttpHeaders.RETRY_AFTER, RETRY_AFTER_SECONDS);
    }
}
