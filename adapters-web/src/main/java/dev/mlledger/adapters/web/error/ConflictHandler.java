package dev.mlledger.adapters.web.error;

import dev.mlledger.domain.validation.Conflict;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.server.exceptions.ExceptionHandler;
import jakarta.inject.Singleton;

/** The request conflicts with the current state (an ended run, a forbidden transition, a lost race): 409. */
@Singleton
public class ConflictHandler implements ExceptionHandler<Conflict, HttpResponse<Problem>> {

    @Override
    public HttpResponse<Problem> handle(HttpRequest request, Conflict exception) {
        String message = exception.getMessage();
        return ProblemResponses.problem(HttpStatus.CONFLICT,
                Character.toUpperCase(message.charAt(0)) + message.substring(1));
    }
}
