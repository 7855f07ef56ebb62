package dev.mlledger.adapters.web.security;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpStatus;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.authentication.AuthorizationException;
import io.micronaut.security.config.SecurityConfigurationProperties;
import io.micronaut.security.filters.AuthenticationFetcher;
import io.micronaut.security.filters.SecurityFilter;
import io.micronaut.security.rules.SecurityRule;
import io.micronaut.security.rules.SecurityRuleResult;
import org.junit.jupiter.api.Test;
import org.reactivestreams.Publisher;
import reactor.core.publisher.Mono;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ImmediateSecurityFilterTest {

    private static final Authentication READER = Authentication.build("dashboard", Set.of(Roles.READER));

    private final HttpRequest<?> request = HttpRequest.GET("/api/v1/predictions");
    private final List<String> asked = new ArrayList<>();
    private int ordered;

    @Test
    void a_cached_token_and_rules_that_answer_at_once_are_decided_at_once_with_the_caller_as_principal() {
        Publisher<HttpRequest<?>> decision = filter(List.of(fetcher("api-token", Mono.just(READER))),
                List.of(rule("roles", Mono.just(SecurityRuleResult.ALLOWED)))).decide(request);

        Immediate<HttpRequest<?>> now = Immediate.of(decision);
        assertTrue(now.isKnown(), "decided without subscribing");
        assertSame(request, now.value().orElseThrow());
        assertEquals("dashboard", request.getUserPrincipal().orElseThrow().getName());
        assertTrue(request.getAttributes().contains(SecurityFilter.KEY), "marked as checked, for principal binding");
    }

    @Test
    void a_cached_token_is_let_through_with_a_future_completed_in_place() {
        CompletableFuture<HttpRequest<?>> decided = filter(List.of(fetcher("api-token", Mono.just(READER))),
                List.of(rule("roles", Mono.just(SecurityRuleResult.ALLOWED)))).authorize(request);

        assertTrue(decided.isDone(), "decided in place");
        assertSame(request, decided.join());
        assertEquals("dashboard", request.getUserPrincipal().orElseThrow().getName());
    }

    @Test
    void a_refusal_known_at_once_is_a_future_failed_in_place_with_what_micronaut_answers_401_or_403() {
        CompletableFuture<HttpRequest<?>> decided = filter(List.of(fetcher("api-token", Mono.empty())),
                List.of(rule("roles", Mono.just(SecurityRuleResult.REJECTED)))).authorize(request);

        assertTrue(decided.isCompletedExceptionally());
        assertInstanceOf(AuthorizationException.class, decided.exceptionNow());
        assertEquals(HttpStatus.UNAUTHORIZED, request.getAttribute(SecurityFilter.REJECTION).orElseThrow());
    }

    @Test
    void a_decision_that_has_to_wait_completes_when_its_answers_come() throws Exception {
        CompletableFuture<HttpRequest<?>> decided = filter(
                List.of(fetcher("api-token", Mono.just(READER).delayElement(Duration.ofMillis(20)))),
                List.of(rule("roles", Mono.just(SecurityRuleResult.ALLOWED)))).authorize(request);

        assertSame(request, decided.get(5, TimeUnit.SECONDS));
        assertEquals("dashboard", request.getUserPrincipal().orElseThrow().getName());
    }

    @Test
    void a_token_lookup_that_has_to_wait_is_awaited_and_decides_the_same_way() {
        Publisher<HttpRequest<?>> decision = filter(
                List.of(fetcher("api-token", Mono.just(READER).delayElement(Duration.ofMillis(20)))),
                List.of(rule("roles", Mono.just(SecurityRuleResult.ALLOWED)))).decide(request);

        assertFalse(Immediate.of(decision).isKnown());
        assertSame(request, Mono.from(decision).block(Duration.ofSeconds(5)));
        assertEquals("dashboard", request.getUserPrincipal().orElseThrow().getName());
    }

    @Test
    void the_first_fetcher_that_knows_the_caller_wins_and_the_ones_after_it_are_not_asked() {
        Authentication other = Authentication.build("someone-else", Set.of(Roles.ADMIN));
        Mono.from(filter(List.of(fetcher("api-token", Mono.empty()),
                        fetcher("jwt", Mono.just(READER).delayElement(Duration.ofMillis(5))),
                        fetcher("basic", Mono.just(other))),
                List.of(rule("roles", Mono.just(SecurityRuleResult.ALLOWED)))).decide(request))
                .block(Duration.ofSeconds(5));

        assertEquals(List.of("api-token", "jwt", "roles"), asked);
        assertEquals("dashboard", request.getUserPrincipal().orElseThrow().getName());
    }

    @Test
    void rules_are_asked_in_order_until_one_decides_waiting_for_those_that_answer_later() {
        Publisher<HttpRequest<?>> decision = filter(List.of(fetcher("api-token", Mono.just(READER))),
                List.of(rule("ip", Mono.just(SecurityRuleResult.UNKNOWN).delayElement(Duration.ofMillis(5))),
                        rule("empty", Mono.empty()),
                        rule("roles", Mono.just(SecurityRuleResult.REJECTED)),
                        rule("never", Mono.just(SecurityRuleResult.ALLOWED)))).decide(request);

        AuthorizationException refused = assertThrows(AuthorizationException.class,
                () -> Mono.from(decision).block(Duration.ofSeconds(5)));
        assertTrue(refused.isForbidden());
        assertEquals(List.of("api-token", "ip", "empty", "roles"), asked);
    }

    @Test
    void a_refused_caller_with_credentials_is_a_403_and_one_without_is_a_401() {
        List<SecurityRule<HttpRequest<?>>> rejecting = List.of(rule("roles", Mono.just(SecurityRuleResult.REJECTED)));
        HttpRequest<?> anonymous = HttpRequest.GET("/api/v1/predictions");

        assertThrows(AuthorizationException.class, () -> Mono.from(
                filter(List.of(fetcher("api-token", Mono.just(READER))), rejecting).decide(request)).block());
        assertThrows(AuthorizationException.class, () -> Mono.from(
                filter(List.of(fetcher("api-token", Mono.empty())), rejecting).decide(anonymous)).block());

        assertEquals(HttpStatus.FORBIDDEN, request.getAttribute(SecurityFilter.REJECTION).orElseThrow());
        assertEquals(HttpStatus.UNAUTHORIZED, anonymous.getAttribute(SecurityFilter.REJECTION).orElseThrow());
        assertTrue(anonymous.getUserPrincipal().isEmpty());
    }

    @Test
    void when_no_rule_decides_a_path_without_a_route_goes_on_to_its_404_unless_unknown_paths_are_refused() {
        List<AuthenticationFetcher<HttpRequest<?>>> nobody = List.of(fetcher("api-token", Mono.empty()));
        List<SecurityRule<HttpRequest<?>>> undecided = List.of(rule("roles", Mono.just(SecurityRuleResult.UNKNOWN)));

        assertSame(request, Mono.from(filter(nobody, undecided).decide(request)).block());

        SecurityConfigurationProperties strict = new SecurityConfigurationProperties();
        strict.setRejectNotFound(true);
        HttpRequest<?> unknownPath = HttpRequest.GET("/nowhere");
        assertThrows(AuthorizationException.class,
                () -> Mono.from(new ImmediateSecurityFilter(nobody, undecided, strict).decide(unknownPath)).block());
    }

    private ImmediateSecurityFilter filter(List<AuthenticationFetcher<HttpRequest<?>>> fetchers,
                                           List<SecurityRule<HttpRequest<?>>> rules) {
        SecurityConfigurationProperties asMlledgerHasIt = new SecurityConfigurationProperties();
        asMlledgerHasIt.setRejectNotFound(false);   // reject-not-found: false, application.yml
        return new ImmediateSecurityFilter(fetchers, rules, asMlledgerHasIt);
    }

    private AuthenticationFetcher<HttpRequest<?>> fetcher(String name, Mono<Authentication> answer) {
        int order = ordered++;
        return new AuthenticationFetcher<>() {
            @Override
            public Publisher<Authentication> fetchAuthentication(HttpRequest<?> request) {
                asked.add(name);
                return answer;
            }

            @Override
            public int getOrder() {
                return order;
            }
        };
    }

    private SecurityRule<HttpRequest<?>> rule(String name, Mono<SecurityRuleResult> answer) {
        int order = ordered++;
        return new SecurityRule<>() {
            @Override
            public Publisher<SecurityRuleResult> check(HttpRequest<?> request, Authentication authentication) {
                asked.add(name);
                return answer;
            }

            @Override
            public int getOrder() {
                return order;
            }
        };
    }

}
