package dev.mlledger.adapters.web.error;

import dev.mlledger.domain.validation.InvalidInput;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.server.exceptions.ExceptionHandler;
import jakarta.inject.Singleton;

/** Input that breaks a rule of the domain: 400 naming every offending field. */
@Singleton
public class InvalidInputHandler implements ExceptionHandler<InvalidInput, HttpResponse<Problem>> {

    @Override
    public HttpResponse<Problem> handle(HttpRequest request, InvalidInput exception) {
        return ProblemResponses.invalid(exception.violations());
    }
}
