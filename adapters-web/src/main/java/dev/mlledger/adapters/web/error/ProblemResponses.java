package dev.mlledger.adapters.web.error;

import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;

import java.util.List;

/** Builds problem+json responses, so that every error handler answers in the same shape. */
public final class ProblemResponses {

    private ProblemResponses() {
    }

    public static MutableHttpResponse<Problem> problem(HttpStatus status, String detail) {
        return problem(status, detail, List.of());
    }

    public static MutableHttpResponse<Problem> problem(HttpStatus status, String detail, List<FieldViolation> errors) {
        return fill(HttpResponse.status(status), status, detail, errors);
    }

    /** Puts the problem body on a response an error handler already started (keeping its headers). */
    static MutableHttpResponse<Problem> fill(MutableHttpResponse<?> response, HttpStatus status, String detail,
                                             List<FieldViolation> errors) {
        Problem body = new Problem(Problem.ABOUT_BLANK, status.getReason(), status.getCode(), detail, errors);
        return response.status(status).contentType(MediaType.APPLICATION_JSON_PROBLEM_TYPE).body(body);
    }
}
