package dev.mlledger.adapters.web.error;

import io.micronaut.http.HttpMethod;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.server.exceptions.response.Error;
import io.micronaut.http.server.exceptions.response.ErrorContext;
import io.micronaut.http.server.exceptions.response.ErrorResponseProcessor;
import jakarta.inject.Singleton;

import java.util.List;

/**
 * Micronaut's own error paths (no route, wrong method, unsupported media type, body too large, …) end here:
 * they get the same problem+json body as the errors mlledger raises itself.
 */
@Singleton
public class ProblemErrorResponseProcessor implements ErrorResponseProcessor<Problem> {

    @Override
    @SuppressWarnings("unchecked")
    public MutableHttpResponse<Problem> processResponse(ErrorContext errorContext, MutableHttpResponse<?> baseResponse) {
        if (errorContext.getRequest().getMethod() == HttpMethod.HEAD) {
            return (MutableHttpResponse<Problem>) baseResponse;
        }
        HttpStatus status = baseResponse.status();
        List<Error> errors = errorContext.getErrors();
        String detail = errors.isEmpty() ? null : errors.getFirst().getMessage();
        List<FieldViolation> violations = errors.stream()
                .filter(error -> error.getPath().isPresent())
                .map(error -> new FieldViolation(fieldName(error.getPath().get()),
                        ClientSafeText.detail(status, error.getMessage())))
                .toList();
        return ProblemResponses.fill(baseResponse, status, ClientSafeText.detail(status, detail), violations);
    }

    private static String fieldName(String path) {
        return path.startsWith("/") ? path.substring(1) : path;
    }
}
