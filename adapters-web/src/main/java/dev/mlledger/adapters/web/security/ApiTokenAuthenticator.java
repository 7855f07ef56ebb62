package dev.mlledger.adapters.web.security;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.mlledger.application.access.AuthenticateApiToken;
import dev.mlledger.domain.access.ApiToken;
import dev.mlledger.domain.access.Caller;
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

import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Turns an API token's secret into an {@link Authentication}, for bearer tokens and for Basic passwords alike.
 * Lookups are cached by the secret's hash (bounded, {@code mlledger.security.token-cache.ttl}, 10 s by default),
 * so a revoked or expired token is refused within that time at the latest (at once on the instance whose REST
 * endpoint revoked it); a miss reads the database off the event loop.
 * <p>
 * In front of that cache, each thread that checks credentials (Netty's event loops) remembers the last few
 * secrets it saw with their lookups, compared in constant time: a client sends the same token on every request,
 * and hashing it and looking the hash up was most of what a request's security check cost. A remembered lookup
 * lives no longer than the cached one it came from (its TTL counts from the database read) and is dropped with
 * the cache; a token's expiry is checked on every request.
 */
@Singleton
public class ApiTokenAuthenticator {

    /** The attribute that says how a principal was authenticated. */
    public static final String METHOD_ATTRIBUTE = "authenticated_by";

    /** SHA-256 per thread: {@code MessageDigest.getInstance} on every request costs more than the digest. */
    private static final ThreadLocal<MessageDigest> SHA_256 = ThreadLocal.withInitial(TokenSecret::newDigest);

    private final AuthenticateApiToken tokens;
    private final Clock clock;
    private final Scheduler blocking;
    private final Cache<String, Lookup> byHash;
    private final long ttlNanos;
    /** Raised by {@link #forgetCachedTokens()}: what threads remember from before is forgotten too. */
    private final AtomicLong generation = new AtomicLong();
    private final ThreadLocal<Remembered[]> recent = ThreadLocal.withInitial(() -> new Remembered[REMEMBERED]);

    /** How many secrets a thread remembers: a few clients' tokens, or one client's token and a web UI's. */
    private static final int REMEMBERED = 4;

    /** A looked-up token with its principal and answer made once, for every request that presents it. */
    private record Known(ApiToken token, Mono<Authentication> answer) {
    }

    /** A lookup (no token, for a secret that is none) made at {@code lookedUpAt} (nanoTime), as a thread keeps it. */
    private record Lookup(Optional<Known> known, long lookedUpAt) {
    }

    private record Remembered(String secret, Lookup lookup, long generation) {
    }

    public ApiTokenAuthenticator(AuthenticateApiToken tokens, Clock clock,
                                 @Named(TaskExecutors.BLOCKING) ExecutorService blockingExecutor,
                                 @Value("${mlledger.security.token-cache.ttl:10s}") Duration ttl,
                                 @Value("${mlledger.security.token-cache.max-size:10000}") long maxSize) {
        this.tokens = tokens;
        this.clock = clock;
        this.blocking = Schedulers.fromExecutorService(blockingExecutor);
        this.byHash = Caffeine.newBuilder().expireAfterWrite(ttl).maximumSize(maxSize).build();
        this.ttlNanos = ttl.toNanos();
    }

    /** The principal of the token whose secret this is, when it is valid now; empty for anything else. */
    public Mono<Authentication> authenticate(String secret) {
        if (!TokenSecret.looksLikeOne(secret)) {
            return Mono.empty();   // a JWT, or garbage: nothing to look up
        }
        long current = generation.get();   // read first: a lookup cached before a revocation is not remembered after it
        Lookup remembered = remembered(secret, current);
        if (remembered != null) {
            return answer(remembered.known());
        }
        String hash = TokenSecret.hash(SHA_256.get(), secret);
        Lookup cached = byHash.getIfPresent(hash);
        if (cached != null) {
            remember(secret, cached, current);
            return answer(cached.known());
        }
        Mono<Authentication> lookup = Mono.fromCallable(() -> {
                    long lookedUpAt = System.nanoTime();
                    Optional<Known> known = tokens.tokenOf(secret).map(token -> new Known(token, Mono.just(
                            Authentication.build(token.name(), Roles.heldBy(token.role()),
                                    Map.of(METHOD_ATTRIBUTE, "api-token", CallerOfRequest.CALLER_ATTRIBUTE,
                                            new Caller(token.name(), token.role()))))));
                    if (generation.get() == current) {   // not when tokens were revoked while it read
                        byHash.put(hash, new Lookup(known, lookedUpAt));
                    }
                    return known;
                })
                .subscribeOn(blocking)
                .flatMap(this::answer);
        // The request goes on where the answer is given. Back on its event loop, as if there had been no lookup:
        // continued on a blocking thread, the filters and the route that read its body next would read it
        // re-entrantly, which Micronaut's body buffer does not allow (an AssertionError, a 500, with -ea).
        EventExecutor eventLoop = ThreadExecutorMap.currentExecutor();
        return eventLoop == null ? lookup : lookup.publishOn(Schedulers.fromExecutor(eventLoop));
    }

    /** Forgets every cached lookup: after a revocation, so that it takes effect at once on this instance. */
    public void forgetCachedTokens() {
        generation.incrementAndGet();
        byHash.invalidateAll();
    }

    /**
     * This thread's lookup of the secret, when it remembers one that is still fresh. Slots gone stale (too old,
     * or from before a revocation) are emptied on the way, so that no secret is held longer than that.
     */
    private Lookup remembered(String secret, long current) {
        Remembered[] slots = recent.get();
        long now = System.nanoTime();
        Lookup found = null;
        for (int i = 0; i < slots.length; i++) {
            Remembered slot = slots[i];
            if (slot == null) {
                continue;
            }
            if (slot.generation() != current || now - slot.lookup().lookedUpAt() >= ttlNanos) {
                slots[i] = null;
            } else if (TokenSecret.sameSecret(slot.secret(), secret)) {
                found = slot.lookup();
            }
        }
        return found;
    }

    /** Keeps the lookup in this thread's slots, in place of the oldest. */
    private void remember(String secret, Lookup lookup, long current) {
        Remembered[] slots = recent.get();
        int oldest = 0;
        for (int i = 0; i < slots.length; i++) {
            if (slots[i] == null) {
                oldest = i;
                break;
            }
            if (slots[i].lookup().lookedUpAt() - slots[oldest].lookup().lookedUpAt() < 0) {
                oldest = i;
            }
        }
        slots[oldest] = new Remembered(secret, lookup, current);
    }

    /** The token's principal while it is valid (its expiry is checked on every request), else nothing. */
    private Mono<Authentication> answer(Optional<Known> known) {
        return known.isPresent() && known.get().token().isValidAt(clock.instant()) ? known.get().answer() : Mono.empty();
    }
}
