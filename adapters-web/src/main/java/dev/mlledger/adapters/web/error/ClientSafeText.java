package dev.mlledger.adapters.web.error;

import io.micronaut.http.HttpStatus;

import java.util.regex.Pattern;

/**
 * Keeps framework internals out of what clients read: a message that names a Java type, an exception or a
 * stack frame is replaced by a plain sentence for its status.
 */
final class ClientSafeText {

    private static final Pattern INTERNALS = Pattern.compile(
            "(\\b[a-z][a-z0-9_]*\\.){2,}[A-Z][A-Za-z0-9_$]*"   // a qualified class name
                    + "|Exception|Error:|\\bat [a-z]+\\.|\\bSQL\\b|`");
    private static final int MAX_LENGTH = 300;

    private ClientSafeText() {
    }

    static String detail(HttpStatus status, String candidate) {
        if (status.getCode() >= 500 || candidate == null || candidate.isBlank()
                || INTERNALS.matcher(candidate).find()) {
            return fallback(status);
        }
        String trimmed = candidate.strip();
        return trimmed.length() <= MAX_LENGTH ? trimmed : trimmed.substring(0, MAX_LENGTH) + "…";
    }

    static String fallback(HttpStatus status) {
        return switch (status) {
            case BAD_REQUEST -> "The request is not valid";
            case NOT_FOUND -> "No such resource";
            case METHOD_NOT_ALLOWED -> "This method is not allowed on this resource";
            case NOT_ACCEPTABLE -> "The requested representation is not available";
            case CONFLICT -> "The request conflicts with the current state of the resource";
            case REQUEST_ENTITY_TOO_LARGE -> "The request body is too large";
            case UNSUPPORTED_MEDIA_TYPE -> "The request body must be JSON (Content-Type: application/json)";
            case SERVICE_UNAVAILABLE -> "The service cannot reach its database; retry later";
            default -> status.getCode() >= 500
                    ? "An unexpected error occurred; it has been logged"
                    : status.getReason();
        };
    }
}
