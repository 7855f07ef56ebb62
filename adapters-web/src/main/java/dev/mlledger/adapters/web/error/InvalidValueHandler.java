package dev.mlledger.adapters.web.error;

import io.micronaut.context.annotation.Replaces;
import io.micronaut.core.bind.annotation.Bindable;
import io.micronaut.core.convert.exceptions.ConversionErrorException;
import io.micronaut.core.type.Argument;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.server.exceptions.ConversionErrorHandler;
import io.micronaut.http.server.exceptions.ExceptionHandler;
import io.micronaut.serde.exceptions.InvalidPropertyFormatException;
import jakarta.inject.Singleton;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A value of the wrong type: in the path or query ({@code /predictions/not-a-uuid}), or a body property
 * ({@code "count": "many"}). 400 naming the parameter or property as the client wrote it.
 */
@Singleton
@Replaces(ConversionErrorHandler.class)
public class InvalidValueHandler implements ExceptionHandler<ConversionErrorException, HttpResponse<Problem>> {

    private static final Pattern DECODING_PROPERTY = Pattern.compile("Error decoding property \\[\\S+ (\\w+)]");
    private static final String BODY_SHAPE = "The request body does not have the expected shape";

    @Override
    public HttpResponse<Problem> handle(HttpRequest request, ConversionErrorException exception) {
        Argument<?> argument = exception.getArgument();
        if (argument.getAnnotationMetadata().hasAnnotation(Body.class)) {
            return bodyProblem(exception);
        }
        String name = argument.getAnnotationMetadata().stringValue(Bindable.class).orElse(argument.getName());
        return fieldProblem(name, ValueExpectations.describe(argument.getType()));
    }

    private static HttpResponse<Problem> bodyProblem(ConversionErrorException exception) {
        for (Throwable cause = exception.getCause(); cause != null; cause = cause.getCause()) {
            if (cause instanceof InvalidPropertyFormatException property) {
                return fieldProblem(JsonPaths.snakeCase(property.getArgument().getName()),
                        ValueExpectations.describe(property.getArgument().getType()));
            }
            Matcher decoding = DECODING_PROPERTY.matcher(String.valueOf(cause.getMessage()));
            if (decoding.find()) {
                boolean outOfRange = String.valueOf(cause.getMessage()).contains("out of range");
                return fieldProblem(JsonPaths.snakeCase(decoding.group(1)), outOfRange ? "is out of range" : "has an invalid value");
            }
        }
        return ProblemResponses.problem(HttpStatus.BAD_REQUEST, BODY_SHAPE);
    }

    private static HttpResponse<Problem> fieldProblem(String field, String message) {
        return ProblemResponses.problem(HttpStatus.BAD_REQUEST, field + " " + message,
                List.of(new FieldViolation(field, message)));
    }
}
