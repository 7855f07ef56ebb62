package dev.mlledger.adapters.web.error;

import io.micronaut.context.annotation.Replaces;
import io.micronaut.core.bind.annotation.Bindable;
import io.micronaut.core.type.Argument;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.server.exceptions.ExceptionHandler;
import io.micronaut.http.server.exceptions.UnsatisfiedRouteHandler;
import io.micronaut.web.router.exceptions.UnsatisfiedRouteException;
import jakarta.inject.Singleton;

import java.util.List;

/** A required body, query value or header is missing: 400 saying which. */
@Singleton
@Replaces(UnsatisfiedRouteHandler.class)
public class MissingValueHandler implements ExceptionHandler<UnsatisfiedRouteException, HttpResponse<Problem>> {

    @Override
    public HttpResponse<Problem> handle(HttpRequest request, UnsatisfiedRouteException exception) {
        Argument<?> argument = exception.getArgument();
        if (argument.getAnnotationMetadata().hasAnnotation(Body.class)) {
            return ProblemResponses.problem(HttpStatus.BAD_REQUEST, "A JSON request body is required");
        }
        String name = argument.getAnnotationMetadata().stringValue(Bindable.class).orElse(argument.getName());
        return ProblemResponses.problem(HttpStatus.BAD_REQUEST, name + " is required",
                List.of(new FieldViolation(name, "is required")));
    }
}
