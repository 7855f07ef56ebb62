package dev.mlledger.adapters.web.error;

import io.micronaut.context.annotation.Replaces;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.server.exceptions.ExceptionHandler;
import io.micronaut.security.authentication.AuthorizationException;
import io.micronaut.security.authentication.DefaultAuthorizationExceptionHandler;
import jakarta.inject.Singleton;

/**
 * A request the security rules turned away: 401 with a Bearer challenge when it had no valid credentials, 403
 * when its principal may not use the route. Nothing of the credentials sent is repeated.
 */
@Singleton
@Replaces(DefaultAuthorizationExceptionHandler.class)
public class AuthorizationProblemHandler implements ExceptionHandler<AuthorizationException, HttpResponse<Problem>> {

    static final String REALM = "Bearer realm=\"mlledger\"";

    @Override
    public HttpResponse<Problem> handle(HttpRequest request, AuthorizationException exception) {
        if (exception.isForbidden()) {
            return ProblemResponses.problem(HttpStatus.FORBIDDEN,
                    "Your role may not " + request.getMethodName() + " " + request.getPath());
        }
        boolean sentCredentials = request.getHeaders().contains(HttpHeaders.AUTHORIZATION);
        return ProblemResponses.problem(HttpStatus.UNAUTHORIZED, sentCredentials
                        ? "The credentials sent are not valid: an unknown, expired or revoked API token, or a token "
                          + "the identity provider did not sign for this service"
                        : "This route needs credentials: send Authorization: Bearer <API token>")
                .header(HttpHeaders.WWW_AUTHENTICATE, sentCredentials ? REALM + ", error=\"invalid_token\"" : REALM);
    }
}
