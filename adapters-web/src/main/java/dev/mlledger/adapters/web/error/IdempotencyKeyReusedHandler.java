package dev.mlledger.adapters.web.error;

import dev.mlledger.domain.idempotency.IdempotencyKeyReused;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.server.exceptions.ExceptionHandler;
import jakarta.inject.Singleton;

/** An Idempotency-Key given again with another method, path or body: 422, as the IETF draft says. */
@Singleton
public class IdempotencyKeyReusedHandler implements ExceptionHandler<IdempotencyKeyReused, HttpResponse<Problem>> {

    @Override
    public HttpResponse<Problem> handle(HttpRequest request, IdempotencyKeyReused exception) {
        return ProblemResponses.problem(HttpStatus.UNPROCESSABLE_ENTITY, "This Idempotency-Key was used for another "
                + "request (another method, path or body); use a new key for a new request");
    }
}
