package dev.mlledger.adapters.web.error;

import dev.mlledger.adapters.web.json.MalformedJson;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.server.exceptions.ExceptionHandler;
import jakarta.inject.Singleton;

/** A body mlledger parsed itself and found not to be JSON: 400. */
@Singleton
public class MalformedBodyHandler implements ExceptionHandler<MalformedJson, HttpResponse<Problem>> {

    @Override
    public HttpResponse<Problem> handle(HttpRequest request, MalformedJson exception) {
        return ProblemResponses.problem(HttpStatus.BAD_REQUEST, exception.getMessage());
    }
}
