package dev.mlledger.adapters.web.error;

import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;

import dev.mlledger.domain.validation.Violation;

import java.util.List;

/** Builds problem+json responses, so that every error handler answers in the same shape. */
public final class ProblemResponses {

    private static final int DETAIL_FIELDS = 3;

    private ProblemResponses() {
    }

    public static MutableHttpResponse<Problem> problem(HttpStatus status, String detail) {
        return problem(status, detail, List.of());
    }

    public static MutableHttpResponse<Problem> problem(HttpStatus status, String detail, List<FieldViolation> errors) {
        return fill(HttpResponse.status(status), status, detail, errors);
    }

    /**
     * A 400 naming every violation, the one answer for a request's problems wherever they were found: query
     * parameters and body shape (before binding), constraints (after binding), and the domain's rules.
     */
    public static MutableHttpResponse<Problem> invalid(List<Violation> violations) {
        List<FieldViolation> errors = violations.stream()
                .map(violation -> new FieldViolation(violation.field(), violation.message()))
                .toList();
        String shown = String.join("; ", errors.stream().limit(DETAIL_FIELDS)
                .map(error -> error.field() + " " + error.message()).toList());
        String detail = errors.size() <= DETAIL_FIELDS ? shown
                : shown + "; and " + (errors.size() - DETAIL_FIELDS) + " more";
        return problem(HttpStatus.BAD_REQUEST, detail, errors);
    }

    /** Puts the problem body on a response an error handler already started (keeping its headers). */
    static MutableHttpResponse<Problem> fill(MutableHttpResponse<?> response, HttpStatus status, String detail,
                                             List<FieldViolation> errors) {
        Problem body = new Problem(Problem.ABOUT_BLANK, status.getReason(), status.getCode(), detail, errors);
        return response.status(status).contentType(MediaType.APPLICATION_JSON_PROBLEM_TYPE).body(body);
    }
}
