package dev.mlledger.adapters.web.error;

import io.micronaut.context.annotation.Replaces;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.server.exceptions.ExceptionHandler;
import io.micronaut.http.server.exceptions.JsonExceptionHandler;
import io.micronaut.json.JsonSyntaxException;
import jakarta.inject.Singleton;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A body that is not JSON at all: 400, with where the parser gave up but nothing of the parser's internals. */
@Singleton
@Replaces(JsonExceptionHandler.class)
public class MalformedJsonHandler implements ExceptionHandler<JsonSyntaxException, HttpResponse<Problem>> {

    private static final Pattern LOCATION = Pattern.compile("line: (\\d+), column: (\\d+)");

    @Override
    public HttpResponse<Problem> handle(HttpRequest request, JsonSyntaxException exception) {
        return ProblemResponses.problem(HttpStatus.BAD_REQUEST, detail(exception.getMessage()));
    }

    /** Where the parser gave up, without its internals: "Malformed JSON at line 1, column 12". */
    public static String detail(String parserMessage) {
        Matcher location = parserMessage == null ? null : LOCATION.matcher(parserMessage);
        return location != null && location.find()
                ? "Malformed JSON at line " + location.group(1) + ", column " + location.group(2)
                : "Malformed JSON";
    }
}
