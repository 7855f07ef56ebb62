package dev.mlledger.adapters.web.error;

import dev.mlledger.domain.validation.InvalidInput;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.server.exceptions.ExceptionHandler;
import jakarta.inject.Singleton;

import java.util.List;

/** Input that breaks a rule: 400 naming every offending field. */
@Singleton
public class InvalidInputHandler implements ExceptionHandler<InvalidInput, HttpResponse<Problem>> {

    private static final int DETAIL_FIELDS = 3;

    @Override
    public HttpResponse<Problem> handle(HttpRequest request, InvalidInput exception) {
        List<FieldViolation> errors = exception.violations().stream()
                .map(violation -> new FieldViolation(violation.field(), violation.message()))
                .toList();
        return ProblemResponses.problem(HttpStatus.BAD_REQUEST, detail(errors), errors);
    }

    private static String detail(List<FieldViolation> errors) {
        String shown = String.join("; ", errors.stream().limit(DETAIL_FIELDS)
                .map(error -> error.field() + " " + error.message()).toList());
        return errors.size() <= DETAIL_FIELDS ? shown : shown + "; and " + (errors.size() - DETAIL_FIELDS) + " more";
    }
}
