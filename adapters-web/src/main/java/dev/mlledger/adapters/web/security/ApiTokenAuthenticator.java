package dev.mlledger.adapters.web.security;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.mlledger.application.access.AuthenticateApiToken;
import dev.mlledger.domain.access.ApiToken;
import dev.mlledger.domain.access.TokenSecret;
import io.micronaut.context.annotation.Value;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.security.authentication.Authentication;
import io.netty.util.concurrent.EventExecutor;
import io.netty.util.internal.ThreadExecutorMap;
import jakarta.inject.Named;
import jakarta.inject.Singleton;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Scheduler;
import reactor.core.scheduler.Schedulers;

import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;

/**
 * Turns an API token's secret into an {@link Authentication}, for bearer tokens and for Basic passwords alike.
 * Lookups are cached by the secret's hash (bounded, {@code mlledger.security.token-cache.ttl}, 10 s by default),
 * so a revoked or expired token is refused within that time at the latest (at once on the instance whose REST
 * endpoint revoked it); a miss reads the database off the event loop.
 */
@Singleton
public class ApiTokenAuthenticator {

    /** The attribute that says how a principal was authenticated. */
    public static final String METHOD_ATTRIBUTE = "authenticated_by";

    private final AuthenticateApiToken tokens;
    private final Clock clock;
    private final Scheduler blocking;
    private final Cache<String, Optional<ApiToken>> byHash;

    public ApiTokenAuthenticator(AuthenticateApiToken tokens, Clock clock,
                                 @Named(TaskExecutors.BLOCKING) ExecutorService blockingExecutor,
                                 @Value("${mlledger.security.token-cache.ttl:10s}") Duration ttl,
                                 @Value("${mlledger.security.token-cache.max-size:10000}") long maxSize) {
        this.tokens = tokens;
        this.clock = clock;
        this.blocking = Schedulers.fromExecutorService(blockingExecutor);
        this.byHash = Caffeine.newBuilder().expireAfterWrite(ttl).maximumSize(maxSize).build();
    }

    /** The principal of the token whose secret this is, when it is valid now; empty for anything else. */
    public Mono<Authentication> authenticate(String secret) {
        if (!TokenSecret.looksLikeOne(secret)) {
            return Mono.empty();   // a JWT, or garbage: nothing to look up
        }
        String hash = TokenSecret.hash(secret);
        Optional<ApiToken> cached = byHash.getIfPresent(hash);
        if (cached != null) {
            return Mono.justOrEmpty(authentication(cached));
        }
        Mono<Authentication> lookup = Mono.fromCallable(() -> {
                    Optional<ApiToken> token = tokens.tokenOf(secret);
                    byHash.put(hash, token);
                    return authentication(token);
                })
                .subscribeOn(blocking)
                .flatMap(Mono::justOrEmpty);
        // The request goes on where the answer is given. Back on its event loop, as if there had been no lookup:
        // continued on a blocking thread, the filters and the route that read its body next would read it
        // re-entrantly, which Micronaut's body buffer does not allow (an AssertionError, a 500, with -ea).
        EventExecutor eventLoop = ThreadExecutorMap.currentExecutor();
        return eventLoop == null ? lookup : lookup.publishOn(Schedulers.fromExecutor(eventLoop));
    }

    /** Forgets every cached lookup: after a revocation, so that it takes effect at once on this instance. */
    public void forgetCachedTokens() {
        byHash.invalidateAll();
    }

    private Optional<Authentication> authentication(Optional<ApiToken> token) {
        return token.filter(t -> t.isValidAt(clock.instant()))
                .map(t -> Authentication.build(t.name(), Roles.heldBy(t.role()),
                        Map.of(METHOD_ATTRIBUTE, "api-token")));
    }
}
