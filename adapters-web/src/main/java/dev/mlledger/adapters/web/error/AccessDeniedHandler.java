package dev.mlledger.adapters.web.error;

import dev.mlledger.domain.access.AccessDenied;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.server.exceptions.ExceptionHandler;
import jakarta.inject.Singleton;

/** The principal may use the route but not on this thing (an experiment someone else owns): 403. */
@Singleton
public class AccessDeniedHandler implements ExceptionHandler<AccessDenied, HttpResponse<Problem>> {

    @Override
    public HttpResponse<Problem> handle(HttpRequest request, AccessDenied exception) {
        String message = exception.getMessage();
        return ProblemResponses.problem(HttpStatus.FORBIDDEN, Character.toUpperCase(message.charAt(0)) + message.substring(1));
    }
}
