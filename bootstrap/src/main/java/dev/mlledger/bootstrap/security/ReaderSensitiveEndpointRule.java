package dev.mlledger.bootstrap.security;

import dev.mlledger.adapters.web.security.Roles;
import io.micronaut.context.annotation.Replaces;
import io.micronaut.http.HttpRequest;
import io.micronaut.inject.ExecutableMethod;
import io.micronaut.management.endpoint.EndpointSensitivityProcessor;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.rules.SecurityRuleResult;
import io.micronaut.security.rules.SensitiveEndpointRule;
import jakarta.inject.Singleton;
import org.reactivestreams.Publisher;
import reactor.core.publisher.Mono;

/**
 * Micronaut's management endpoints (only {@code /prometheus} is exposed) are sensitive: any valid credentials let
 * a caller in (every role includes {@code reader}), none get a 401. Prometheus sends a bearer token.
 */
@Singleton
@Replaces(SensitiveEndpointRule.class)
public class ReaderSensitiveEndpointRule extends SensitiveEndpointRule {

    public ReaderSensitiveEndpointRule(EndpointSensitivityProcessor endpointSensitivityProcessor) {
        super(endpointSensitivityProcessor);
    }

    @Override
    protected Publisher<SecurityRuleResult> checkSensitiveAuthenticated(HttpRequest<?> request,
                                                                        Authentication authentication,
                                                                        ExecutableMethod<?, ?> method) {
        return Mono.just(authentication.getRoles().contains(Roles.READER)
                ? SecurityRuleResult.ALLOWED : SecurityRuleResult.REJECTED);
    }
}
