package dev.mlledger.adapters.web.security;

import io.micronaut.http.HttpRequest;
import io.micronaut.security.authentication.AuthenticationFailureReason;
import io.micronaut.security.authentication.AuthenticationRequest;
import io.micronaut.security.authentication.AuthenticationResponse;
import io.micronaut.security.authentication.provider.HttpRequestReactiveAuthenticationProvider;
import jakarta.inject.Singleton;
import org.reactivestreams.Publisher;
import reactor.core.publisher.Mono;

/**
 * HTTP Basic whose password is an API token (any user name), for clients that only know user and password, such
 * as MLflow's {@code MLFLOW_TRACKING_USERNAME}/{@code MLFLOW_TRACKING_PASSWORD}. The principal is the token's name,
 * whatever user name was sent.
 */
@Singleton
public class BasicApiTokenProvider<B> implements HttpRequestReactiveAuthenticationProvider<B> {

    private final ApiTokenAuthenticator authenticator;

    public BasicApiTokenProvider(ApiTokenAuthenticator authenticator) {
        this.authenticator = authenticator;
    }

    @Override
    public Publisher<AuthenticationResponse> authenticate(HttpRequest<B> request,
                                                          AuthenticationRequest<String, String> credentials) {
        return authenticator.authenticate(credentials.getSecret())
                .map(authentication -> AuthenticationResponse.success(authentication.getName(), authentication.getRoles(),
                        authentication.getAttributes()))
                .defaultIfEmpty(AuthenticationResponse.failure(AuthenticationFailureReason.CREDENTIALS_DO_NOT_MATCH));
    }
}
