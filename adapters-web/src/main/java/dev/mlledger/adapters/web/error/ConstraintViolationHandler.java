package dev.mlledger.adapters.web.error;

import dev.mlledger.domain.validation.Violation;
import io.micronaut.context.annotation.Replaces;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.server.exceptions.ExceptionHandler;
import io.micronaut.validation.exceptions.ConstraintExceptionHandler;
import jakarta.inject.Singleton;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.ElementKind;
import jakarta.validation.Path;

import java.util.Comparator;
import java.util.List;

/**
 * A bound request record that breaks its constraints ({@code @NotNull} on a required member): 400 naming every
 * violation by its JSON path ({@code items[3].features}), in the shape of every other 400.
 */
@Singleton
@Replaces(ConstraintExceptionHandler.class)
public class ConstraintViolationHandler implements ExceptionHandler<ConstraintViolationException, HttpResponse<Problem>> {

    @Override
    public HttpResponse<Problem> handle(HttpRequest request, ConstraintViolationException exception) {
        List<Violation> violations = exception.getConstraintViolations().stream()
                .map(violation -> new Violation(jsonPath(violation), violation.getMessage()))
                .sorted(Comparator.comparing(Violation::field))
                .toList();
        return ProblemResponses.invalid(violations);
    }

    /** {@code batch.body.items[1].features} (method, parameter, properties) as the client wrote it: {@code items[1].features}. */
    static String jsonPath(ConstraintViolation<?> violation) {
        StringBuilder path = new StringBuilder();
        String parameter = "body";
        for (Path.Node node : violation.getPropertyPath()) {
            ElementKind kind = node.getKind();
            if (kind == ElementKind.METHOD || kind == ElementKind.CONSTRUCTOR) {
                continue;
            }
            if (kind == ElementKind.PARAMETER) {
                parameter = node.getName();
                continue;
            }
            if (node.isInIterable() && node.getIndex() != null) {
                path.append('[').append(node.getIndex()).append(']');
            }
            if (kind != ElementKind.CONTAINER_ELEMENT && node.getName() != null) {
                if (!path.isEmpty()) {
                    path.append('.');
                }
                path.append(JsonPaths.snakeCase(node.getName()));
            }
        }
        return path.isEmpty() ? parameter : path.toString();
    }
}
