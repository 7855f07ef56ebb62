package dev.mlledger.adapters.web.security;

import io.micronaut.context.annotation.Requires;
import io.micronaut.core.order.OrderUtil;
import io.micronaut.core.order.Ordered;
import io.micronaut.http.HttpAttributes;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.RequestFilter;
import io.micronaut.http.annotation.ServerFilter;
import io.micronaut.http.filter.ServerFilterPhase;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.authentication.AuthorizationException;
import io.micronaut.security.config.SecurityConfiguration;
import io.micronaut.security.filters.AuthenticationFetcher;
import io.micronaut.security.filters.SecurityFilter;
import io.micronaut.security.rules.SecurityRule;
import io.micronaut.security.rules.SecurityRuleResult;
import io.micronaut.web.router.RouteMatch;
import org.reactivestreams.Publisher;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * Micronaut Security's decision, made the way its {@link SecurityFilter} makes it (the first authentication
 * fetcher that knows the caller, then the first security rule that allows or rejects, else a 401 or 403 through
 * {@link AuthorizationException}), but read at once when every step already has its answer, which is every
 * request with a cached API token: {@link ApiTokenAuthenticationFetcher} and the {@code @Secured} rules answer
 * with {@code Mono.just}. Micronaut's filter is a reactive {@code HttpServerFilter} that runs every fetcher and
 * takes the rest of the request through Reactor; that cost 15 % of {@code POST /api/v1/predict}'s throughput
 * (docs/benchmarks.md). A step that has to wait (a token lookup on a cache miss, an identity provider's JWT)
 * continues reactively, exactly as before. Micronaut's filter is switched off
 * ({@code micronaut.security.filter.enabled: false}) so that the decision is made once.
 */
@ServerFilter(ServerFilter.MATCH_ALL_PATTERN)
@Requires(property = "micronaut.security.enabled", notEquals = "false")
public class ImmediateSecurityFilter implements Ordered {


    private final List<AuthenticationFetcher<HttpRequest<?>>> fetchers;
    private final List<SecurityRule<HttpRequest<?>>> rules;
    private final boolean rejectNotFound;

    public ImmediateSecurityFilter(Collection<AuthenticationFetcher<HttpRequest<?>>> fetchers,
                                   Collection<SecurityRule<HttpRequest<?>>> rules,
                                   SecurityConfiguration configuration) {
        this.fetchers = sorted(fetchers);
        this.rules = sorted(rules);
        this.rejectNotFound = configuration.isRejectNotFound();
    }

    @Override
    public int getOrder() {
        return ServerFilterPhase.SECURITY.order();
    }

    /**
     * Completes with the request, unchanged, to let it go on, or fails with an {@link AuthorizationException} to
     * refuse it. A decision known at once is an already completed future, which Micronaut continues from in place
     * (no Reactor); one that has to wait completes when its answers come.
     */
    @RequestFilter
    public CompletableFuture<HttpRequest<?>> authorize(HttpRequest<?> request) {
        Publisher<HttpRequest<?>> decision = decide(request);
        Immediate<HttpRequest<?>> now = Immediate.of(decision);
        if (!now.isKnown()) {
            return Mono.from(decision).toFuture();
        }
        try {
            now.value();
            return CompletableFuture.completedFuture(request);
        } catch (RuntimeException refused) {
            return CompletableFuture.failedFuture(refused);
        }
    }

    /** The request, unchanged, to let it go on; an {@link AuthorizationException} to refuse it. */
    Publisher<HttpRequest<?>> decide(HttpRequest<?> request) {
        request.getAttributes().put(SecurityFilter.KEY, true);
        for (int i = 0; i < fetchers.size(); i++) {
            Publisher<Authentication> fetched = fetchers.get(i).fetchAuthentication(request);
            Immediate<Authentication> now = Immediate.of(fetched);
            if (!now.isKnown()) {
                return Flux.concat(Mono.from(fetched), Flux.fromIterable(fetchers.subList(i + 1, fetchers.size()))
                                .concatMap(fetcher -> fetcher.fetchAuthentication(request)))
                        .next()
                        .map(Optional::of)
                        .defaultIfEmpty(Optional.empty())
                        .flatMap(authentication -> Mono.from(checkRules(request, authentication.orElse(null), 0)));
            }
            Optional<Authentication> authentication = now.value();
            if (authentication.isPresent()) {
                return checkRules(request, authentication.get(), 0);
            }
        }
        return checkRules(request, null, 0);
    }

    private Publisher<HttpRequest<?>> checkRules(HttpRequest<?> request, Authentication authentication, int from) {
        if (from == 0 && authentication != null) {
            request.setAttribute(SecurityFilter.AUTHENTICATION, authentication);
        }
        for (int i = from; i < rules.size(); i++) {
            Publisher<SecurityRuleResult> checked = rules.get(i).check(request, authentication);
            Immediate<SecurityRuleResult> now = Immediate.of(checked);
            if (!now.isKnown()) {
                int next = i + 1;
                return Mono.from(checked)
                        .defaultIfEmpty(SecurityRuleResult.UNKNOWN)
                        .flatMap(result -> Mono.from(result == SecurityRuleResult.UNKNOWN
                                ? checkRules(request, authentication, next)
                                : decided(request, authentication, result)));
            }
            SecurityRuleResult result = now.value().orElse(SecurityRuleResult.UNKNOWN);
            if (result != SecurityRuleResult.UNKNOWN) {
                return decided(request, authentication, result);
            }
        }
        // no rule decided: a path without a route is a 404 for everyone (reject-not-found: false), else refused
        boolean routed = request.getAttribute(HttpAttributes.ROUTE_MATCH, RouteMatch.class).isPresent();
        return !routed && !rejectNotFound ? Mono.just(request) : rejected(request, authentication);
    }

    private static Publisher<HttpRequest<?>> decided(HttpRequest<?> request, Authentication authentication,
                                                      SecurityRuleResult result) {
        return result == SecurityRuleResult.ALLOWED ? Mono.just(request) : rejected(request, authentication);
    }

    private static Publisher<HttpRequest<?>> rejected(HttpRequest<?> request, Authentication authentication) {
        request.setAttribute(SecurityFilter.REJECTION,
                authentication != null ? HttpStatus.FORBIDDEN : HttpStatus.UNAUTHORIZED);
        return Mono.error(new AuthorizationException(authentication));
    }

    private static <T> List<T> sorted(Collection<T> beans) {
        List<T> list = new ArrayList<>(beans);
        OrderUtil.sort(list);
        return List.copyOf(list);
    }
}
