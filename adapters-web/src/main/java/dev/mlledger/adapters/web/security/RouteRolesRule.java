package dev.mlledger.adapters.web.security;

import io.micronaut.context.annotation.Replaces;
import io.micronaut.core.annotation.AnnotationValue;
import io.micronaut.http.HttpAttributes;
import io.micronaut.http.HttpRequest;
import io.micronaut.inject.annotation.EvaluatedAnnotationValue;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.rules.SecuredAnnotationRule;
import io.micronaut.security.rules.SecurityRule;
import io.micronaut.security.rules.SecurityRuleResult;
import io.micronaut.security.token.RolesFinder;
import io.micronaut.web.router.MethodBasedRouteMatch;
import io.micronaut.web.router.RouteInfo;
import io.micronaut.web.router.RouteMatch;
import jakarta.inject.Singleton;
import org.reactivestreams.Publisher;
import reactor.core.publisher.Mono;

import java.util.Arrays;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Micronaut's {@link SecuredAnnotationRule}, with each route's {@code @Secured} read once instead of on every
 * request: the annotation lookup, the conversion of its values and the role lists built to compare them were
 * a third of what checking a cached API token cost ({@code POST /api/v1/predict}, docs/benchmarks.md). The
 * answers are the same: no {@code @Secured}, no answer; {@code denyAll()} refuses; {@code isAnonymous()} lets
 * everyone in; {@code isAuthenticated()} any caller with credentials; else a caller holding one of the roles.
 * A {@code @Secured} written as an expression is evaluated per request, by Micronaut's rule.
 */
@Singleton
@Replaces(SecuredAnnotationRule.class)
public class RouteRolesRule extends SecuredAnnotationRule {

    private static final Mono<SecurityRuleResult> ALLOWED = Mono.just(SecurityRuleResult.ALLOWED);
    private static final Mono<SecurityRuleResult> REJECTED = Mono.just(SecurityRuleResult.REJECTED);
    private static final Mono<SecurityRuleResult> UNKNOWN = Mono.just(SecurityRuleResult.UNKNOWN);

    /** What a route's {@code @Secured} requires, read once per route. */
    private sealed interface Required {
    }

    /** No {@code @Secured} on the route (or no method behind it): this rule has no answer. */
    private record Unruled() implements Required {
    }

    /** An expression, evaluated per request by Micronaut's rule. */
    private record Evaluated() implements Required {
    }

    private record AnyOf(boolean denyAll, boolean anonymous, boolean authenticated, Set<String> roles)
            implements Required {
    }

    private static final int MAX_ROUTES = 10_000;
    private static final Required UNRULED = new Unruled();
    private static final Required EVALUATED = new Evaluated();

    /** By route, which Micronaut builds once at start (identity, not value, is its equality). */
    private final Map<RouteInfo<?>, Required> byRoute = new ConcurrentHashMap<>();

    public RouteRolesRule(RolesFinder rolesFinder) {
        super(rolesFinder);
    }

    @Override
    public Publisher<SecurityRuleResult> check(HttpRequest<?> request, Authentication authentication) {
        RouteMatch<?> match = request.getAttribute(HttpAttributes.ROUTE_MATCH, RouteMatch.class).orElse(null);
        if (!(match instanceof MethodBasedRouteMatch<?, ?> route)) {
            return UNKNOWN;
        }
        Required required = byRoute.get(route.getRouteInfo());
        if (required == null) {
            required = requiredBy(route);
            if (byRoute.size() < MAX_ROUTES) {   // a bound, should a router ever make routes per request
                byRoute.put(route.getRouteInfo(), required);
            }
        }
        return switch (required) {
            case AnyOf anyOf -> allows(anyOf, authentication) ? ALLOWED : REJECTED;
            case Evaluated evaluated -> super.check(request, authentication);
            case Unruled unruled -> UNKNOWN;
        };
    }

    private static Required requiredBy(MethodBasedRouteMatch<?, ?> route) {
        AnnotationValue<Secured> secured = route.getAnnotation(Secured.class);
        if (secured == null) {
            return UNRULED;
        }
        if (secured instanceof EvaluatedAnnotationValue<?>) {
            return EVALUATED;
        }
        String[] values = secured.stringValues();
        if (values.length == 0) {
            return UNRULED;   // Micronaut's rule has no answer for a @Secured without values either
        }
        Set<String> roles = Set.copyOf(Arrays.asList(values));
        return new AnyOf(roles.contains(SecurityRule.DENY_ALL), roles.contains(SecurityRule.IS_ANONYMOUS),
                roles.contains(SecurityRule.IS_AUTHENTICATED), roles);
    }

    private static boolean allows(AnyOf required, Authentication authentication) {
        if (required.denyAll()) {
            return false;
        }
        if (required.anonymous()) {
            return true;
        }
        if (authentication == null) {
            return false;
        }
        if (required.authenticated()) {
            return true;
        }
        for (String role : authentication.getRoles()) {
            if (required.roles().contains(role)) {
                return true;
            }
        }
        return false;
    }
}
