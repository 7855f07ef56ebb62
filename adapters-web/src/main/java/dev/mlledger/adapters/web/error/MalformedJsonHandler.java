package dev.mlledger.adapters.web.error;

import dev.mlledger.adapters.web.json.JsonBodies;
import io.micronaut.context.annotation.Replaces;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.server.exceptions.ExceptionHandler;
import io.micronaut.http.server.exceptions.JsonExceptionHandler;
import io.micronaut.json.JsonSyntaxException;
import jakarta.inject.Singleton;


/** A body that is not JSON at all: 400, with where the parser gave up but nothing of the parser's internals. */
@Singleton
@Replaces(JsonExceptionHandler.class)
public class MalformedJsonHandler implements ExceptionHandler<JsonSyntaxException, HttpResponse<Problem>> {

    @Override
    public HttpResponse<Problem> handle(HttpRequest request, JsonSyntaxException exception) {
        return ProblemResponses.problem(HttpStatus.BAD_REQUEST, JsonBodies.describe(exception.getMessage()));
    }
}
