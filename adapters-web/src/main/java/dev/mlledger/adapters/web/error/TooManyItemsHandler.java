package dev.mlledger.adapters.web.error;

import dev.mlledger.domain.validation.TooManyItems;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.server.exceptions.ExceptionHandler;
import jakarta.inject.Singleton;

import java.util.List;

/** A batch over its item limit: 413, like a body over the size limit. */
@Singleton
public class TooManyItemsHandler implements ExceptionHandler<TooManyItems, HttpResponse<Problem>> {

    @Override
    public HttpResponse<Problem> handle(HttpRequest request, TooManyItems exception) {
        String message = "must hold at most " + exception.max() + " items";
        String field = JsonPaths.render(request, exception.field());
        return ProblemResponses.problem(HttpStatus.REQUEST_ENTITY_TOO_LARGE,
                field + " holds " + exception.actual() + " items; at most " + exception.max() + " are allowed per request",
                List.of(new FieldViolation(field, message)));
    }
}
