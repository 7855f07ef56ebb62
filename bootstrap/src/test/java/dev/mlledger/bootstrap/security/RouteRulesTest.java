package dev.mlledger.bootstrap.security;

import dev.mlledger.adapters.persistence.testing.FreshDatabaseTest;
import dev.mlledger.adapters.web.security.Roles;
import dev.mlledger.bootstrap.security.RouteRules.RouteRule;
import dev.mlledger.bootstrap.testing.SlowProbeController;
import dev.mlledger.bootstrap.testing.UnruledProbeController;
import dev.mlledger.adapters.web.security.RouteRolesRule;
import dev.mlledger.domain.access.Role;
import io.micronaut.context.ApplicationContext;
import io.micronaut.http.HttpAttributes;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MutableHttpRequest;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.rules.SecuredAnnotationRule;
import io.micronaut.security.rules.SecurityRuleResult;
import io.micronaut.security.token.RolesFinder;
import io.micronaut.web.router.UriRouteInfo;
import io.micronaut.web.router.UriRouteMatch;
import reactor.core.publisher.Mono;
import io.micronaut.management.endpoint.EndpointSensitivityProcessor;
import io.micronaut.security.rules.SecurityRule;
import io.micronaut.security.rules.SensitiveEndpointRule;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.web.router.Router;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Issue 11: no route without a rule. Walks the router of the running service, test-only probes included. */
@MicronautTest(transactional = false)
class RouteRulesTest extends FreshDatabaseTest {

    /** The only routes anyone may call without credentials (and the HEAD route Micronaut adds beside each). */
    private static final Set<String> ANONYMOUS_ROUTES = Set.of("GET /health", "GET /openapi.yml", "GET /swagger-ui",
            "HEAD /health", "HEAD /openapi.yml", "HEAD /swagger-ui",
            // the web UI's page (its API calls carry the token signed in with)
            "GET /", "GET /ui", "HEAD /", "HEAD /ui");
    private static final Set<String> KNOWN_RULES = Set.of(Roles.READER, Roles.SCORER, Roles.TRACKER, Roles.ADMIN,
            SecurityRule.IS_ANONYMOUS, SecurityRule.IS_AUTHENTICATED);

    @Inject
    Router router;

    @Inject
    EndpointSensitivityProcessor sensitivity;

    @Inject
    SensitiveEndpointRule sensitiveEndpointRule;

    @Inject
    SecuredAnnotationRule securedRule;

    @Inject
    RolesFinder rolesFinder;

    @Override
    protected Map<String, String> settings() {
        return Map.of(SlowProbeController.ENABLED, "true");
    }

    @Test
    void every_route_has_an_explicit_rule() {
        List<String> withoutRule = rules().all().stream().filter(route -> route.rule().isEmpty())
                .map(RouteRule::described).toList();

        assertEquals(List.of(), withoutRule, "routes without @Secured that are no sensitive management endpoint");
    }

    @Test
    void the_walk_sees_the_api_the_management_endpoint_and_the_test_probes() {
        Set<String> routes = rules().routes();

        for (String expected : List.of("POST /api/v1/predict", "DELETE /api/v1/retention", "POST /api/v1/tokens",
                "DELETE /api/v1/tokens/{name}", "GET /api/v1/whoami", "PATCH /api/v1/runs/{id}", "GET /health",
                "GET /prometheus", "GET /test-probe/bug", "POST /test-probe/echo", "GET /api/test-probe/slow")) {
            assertTrue(routes.contains(expected), () -> expected + " not among " + routes);
        }
    }

    @Test
    void every_secured_rule_names_a_role_that_exists() {
        List<String> unknown = rules().all().stream()
                .filter(route -> !KNOWN_RULES.containsAll(route.securedValues()) || route.rule().isPresent()
                        && route.rule().get().startsWith("@Secured") && route.securedValues().isEmpty())
                .map(route -> route.described() + " " + route.rule().orElse(""))
                .toList();

        assertEquals(List.of(), unknown, "a misspelt role lets no one in, an empty @Secured is no rule");
    }

    @Test
    void only_health_and_the_api_documentation_are_open_to_anonymous_callers() {
        Set<String> anonymous = new TreeSet<>(rules().all().stream()
                .filter(route -> route.securedValues().contains(SecurityRule.IS_ANONYMOUS))
                .map(RouteRule::route).toList());

        assertEquals(new TreeSet<>(ANONYMOUS_ROUTES), anonymous);
    }

    @Test
    void the_management_endpoint_is_sensitive_and_judged_by_the_reader_rule() {
        RouteRule prometheus = rules().all().stream().filter(route -> route.route().equals("GET /prometheus"))
                .findFirst().orElseThrow();

        assertEquals(RouteRules.SENSITIVE_ENDPOINT, prometheus.rule().orElse("none"));
        assertInstanceOf(ReaderSensitiveEndpointRule.class, sensitiveEndpointRule);
    }

    @Test
    void a_route_without_any_rule_is_named_by_the_walk() {
        Map<String, Object> properties = new HashMap<>(database.micronautProperties());
        properties.put(UnruledProbeController.ENABLED, "true");

        try (ApplicationContext context = ApplicationContext.run(properties, "test")) {
            RouteRules walk = new RouteRules(context.getBean(Router.class),
                    context.getBean(EndpointSensitivityProcessor.class));

            List<String> withoutRule = walk.all().stream().filter(route -> route.rule().isEmpty())
                    .map(RouteRule::described).toList();

            assertEquals(List.of("GET /api/test-probe/unruled (UnruledProbeController.unruled)",
                    "HEAD /api/test-probe/unruled (UnruledProbeController.unruled)"), withoutRule);
        }
    }

    @Test
    void each_routes_roles_read_once_give_the_answers_micronauts_own_rule_gives_to_every_kind_of_caller() {
        SecuredAnnotationRule micronauts = new SecuredAnnotationRule(rolesFinder);
        List<Authentication> callers = new ArrayList<>();
        callers.add(null);   // anonymous
        for (Role role : Role.values()) {
            callers.add(Authentication.build("someone", Roles.heldBy(role)));
        }
        callers.add(Authentication.build("nobody-known", List.of("auditor")));
        List<String> differences = new ArrayList<>();
        int compared = 0;

        for (UriRouteInfo<?, ?> route : router.uriRoutes().toList()) {
            Map<String, Object> values = new HashMap<>();
            route.getUriMatchTemplate().getVariableNames().forEach(name -> values.put(name, "1"));
            String path = route.getUriMatchTemplate().expand(values);
            UriRouteMatch<?, ?> match = route.tryMatch(path);
            assertNotNull(match, () -> route + " does not match its own path " + path);
            for (Authentication caller : callers) {
                for (int again = 0; again < 2; again++) {   // the second time from what the first one read
                    MutableHttpRequest<?> request = HttpRequest.create(route.getHttpMethod(), path);
                    request.setAttribute(HttpAttributes.ROUTE_MATCH, match);
                    SecurityRuleResult expected = Mono.from(micronauts.check(request, caller)).block();
                    SecurityRuleResult answered = Mono.from(securedRule.check(request, caller)).block();
                    if (expected != answered) {
                        differences.add(route.getHttpMethod() + " " + path + " as "
                                + (caller == null ? "anonymous" : caller.getRoles()) + ": " + answered
                                + " instead of " + expected);
                    }
                    compared++;
                }
            }
        }

        assertInstanceOf(RouteRolesRule.class, securedRule, "Micronaut's rule replaced");
        assertEquals(List.of(), differences);
        assertTrue(compared > 100 * callers.size(), "every route compared: " + compared);
    }

    private RouteRules rules() {
        return new RouteRules(router, sensitivity);
    }
}
