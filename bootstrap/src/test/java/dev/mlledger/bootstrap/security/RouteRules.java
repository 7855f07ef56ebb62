package dev.mlledger.bootstrap.security;

import io.micronaut.core.annotation.AnnotationMetadata;
import io.micronaut.inject.ExecutableMethod;
import io.micronaut.management.endpoint.EndpointSensitivityProcessor;
import io.micronaut.management.endpoint.annotation.Endpoint;
import io.micronaut.security.annotation.Secured;
import io.micronaut.web.router.Router;
import io.micronaut.web.router.UriRouteInfo;

import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Walks the routes of a running context and says what rule each one has: {@code @Secured} (on its method or its
 * class), or the sensitive-endpoint rule of a management endpoint ({@code @Endpoint}, sensitive). Static resources
 * are no routes of the router: with {@code reject-not-found: false} they are served to anyone.
 */
record RouteRules(Router router, EndpointSensitivityProcessor sensitivity) {

    static final String SENSITIVE_ENDPOINT = "sensitive endpoint";

    /** A route and the rule it has; {@code rule} is empty for a route with none. */
    record RouteRule(String method, String path, Class<?> declaringType, String javaMethod, Optional<String> rule,
                     List<String> securedValues) {

        String route() {
            return method + " " + path;
        }

        String described() {
            return route() + " (" + declaringType.getSimpleName() + "." + javaMethod + ")";
        }
    }

    List<RouteRule> all() {
        return router.uriRoutes()
                .map(this::ruleOf)
                .distinct()   // the router may hold a route more than once
                .sorted(Comparator.comparing(RouteRule::path).thenComparing(RouteRule::method))
                .toList();
    }

    /** Every "METHOD /path" of the router, HEAD too (Micronaut adds a HEAD route beside every GET). */
    Set<String> routes() {
        return new TreeSet<>(all().stream().map(RouteRule::route).toList());
    }

    private RouteRule ruleOf(UriRouteInfo<?, ?> route) {
        ExecutableMethod<?, ?> method = route.getTargetMethod().getExecutableMethod();
        // a method's annotation metadata is its own on top of its class's
        AnnotationMetadata annotations = method.getAnnotationMetadata();
        Class<?> type = route.getTargetMethod().getDeclaringType();
        String path = route.getUriMatchTemplate().toPathString();
        Optional<String> rule = Optional.empty();
        List<String> values = List.of();
        if (annotations.hasAnnotation(Secured.class)) {
            values = Arrays.asList(annotations.stringValues(Secured.class));
            rule = Optional.of("@Secured" + values);
        } else if (annotations.hasStereotype(Endpoint.class) && isSensitive(type, method.getMethodName())) {
            rule = Optional.of(SENSITIVE_ENDPOINT);
        }
        return new RouteRule(route.getHttpMethodName(), path, type, method.getMethodName(), rule, values);
    }

    private boolean isSensitive(Class<?> type, String methodName) {
        for (Map.Entry<ExecutableMethod, Boolean> endpoint : sensitivity.getEndpointMethods().entrySet()) {
            if (endpoint.getKey().getDeclaringType().equals(type) && endpoint.getKey().getMethodName().equals(methodName)) {
                return Boolean.TRUE.equals(endpoint.getValue());
            }
        }
        return false;
    }
}
