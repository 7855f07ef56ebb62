package dev.mlledger.adapters.web.security;

import io.micronaut.http.HttpRequest;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.token.validator.TokenValidator;
import jakarta.inject.Singleton;
import org.reactivestreams.Publisher;

/** {@code Authorization: Bearer mll_…}: an API token, before any JWT validator looks at it. */
@Singleton
public class BearerApiTokenValidator implements TokenValidator<HttpRequest<?>> {

    private final ApiTokenAuthenticator authenticator;

    public BearerApiTokenValidator(ApiTokenAuthenticator authenticator) {
        this.authenticator = authenticator;
    }

    @Override
    public Publisher<Authentication> validateToken(String token, HttpRequest<?> request) {
        return authenticator.authenticate(token);
    }

    @Override
    public int getOrder() {
        return HIGHEST_PRECEDENCE;
    }
}
