package dev.mlledger.adapters.web.security;

import dev.mlledger.domain.access.TokenSecret;
import io.micronaut.core.order.Ordered;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.filters.AuthenticationFetcher;
import jakarta.inject.Singleton;
import org.reactivestreams.Publisher;
import reactor.core.publisher.Mono;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * API tokens, first of all credentials: {@code Authorization: Bearer mll_…}, or HTTP Basic whose password is one
 * (any user name), for clients that only know user and password such as MLflow's
 * {@code MLFLOW_TRACKING_USERNAME}/{@code MLFLOW_TRACKING_PASSWORD}. A cached token is answered at once
 * ({@code Mono.just}), which {@link ImmediateSecurityFilter} reads without Reactor; anything that is no API token
 * is left to the fetchers after this one (identity-provider JWTs).
 */
@Singleton
public class ApiTokenAuthenticationFetcher implements AuthenticationFetcher<HttpRequest<?>> {

    private static final String BEARER = "Bearer ";
    private static final String BASIC = "Basic ";

    private final ApiTokenAuthenticator authenticator;

    public ApiTokenAuthenticationFetcher(ApiTokenAuthenticator authenticator) {
        this.authenticator = authenticator;
    }

    @Override
    public Publisher<Authentication> fetchAuthentication(HttpRequest<?> request) {
        String authorization = request.getHeaders().get(HttpHeaders.AUTHORIZATION);
        if (authorization == null) {
            return Mono.empty();
        }
        if (startsWithIgnoringCase(authorization, BEARER)) {
            return authenticator.authenticate(authorization.substring(BEARER.length()).strip());
        }
        if (startsWithIgnoringCase(authorization, BASIC)) {
            return authenticator.authenticate(basicPassword(authorization.substring(BASIC.length()).strip()));
        }
        return Mono.empty();
    }

    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE;
    }

    /** The password of {@code base64(user:password)}; null when it is not that. */
    private static String basicPassword(String encoded) {
        if (encoded.length() > 4 * TokenSecret.LENGTH) {
            return null;   // no user name and API token are this long
        }
        try {
            String decoded = new String(Base64.getDecoder().decode(encoded), StandardCharsets.UTF_8);
            int colon = decoded.indexOf(':');
            return colon < 0 ? null : decoded.substring(colon + 1);
        } catch (IllegalArgumentException notBase64) {
            return null;
        }
    }

    private static boolean startsWithIgnoringCase(String text, String prefix) {
        return text.regionMatches(true, 0, prefix, 0, prefix.length());
    }
}
