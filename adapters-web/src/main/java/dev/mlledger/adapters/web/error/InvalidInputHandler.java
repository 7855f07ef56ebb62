package dev.mlledger.adapters.web.error;

import dev.mlledger.domain.validation.InvalidInput;
import dev.mlledger.domain.validation.Violation;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.server.exceptions.ExceptionHandler;
import jakarta.inject.Singleton;

/** Input that breaks a rule of the domain: 400 naming every offending field as the client wrote it. */
@Singleton
public class InvalidInputHandler implements ExceptionHandler<InvalidInput, HttpResponse<Problem>> {

    @Override
    public HttpResponse<Problem> handle(HttpRequest request, InvalidInput exception) {
        return ProblemResponses.invalid(exception.violations().stream()
                .map(violation -> new Violation(JsonPaths.render(request, violation.field()), violation.message()))
                .toList());
    }
}
