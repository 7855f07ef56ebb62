package dev.mlledger.adapters.web.error;

import dev.mlledger.domain.validation.NotFound;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.server.exceptions.ExceptionHandler;
import jakarta.inject.Singleton;

/** The named resource does not exist: 404. */
@Singleton
public class NotFoundHandler implements ExceptionHandler<NotFound, HttpResponse<Problem>> {

    @Override
    public HttpResponse<Problem> handle(HttpRequest request, NotFound exception) {
        return ProblemResponses.problem(HttpStatus.NOT_FOUND, capitalised(exception.getMessage()));
    }

    private static String capitalised(String text) {
        return text.isEmpty() ? text : Character.toUpperCase(text.charAt(0)) + text.substring(1);
    }
}
