package dev.mlledger.adapters.web.security;

import org.reactivestreams.Publisher;
import reactor.core.Fuseable;

import java.util.Optional;

/**
 * The answer of a publisher that already has it: Micronaut Security's rules answer with {@code Mono.just(…)} and
 * a cached token with {@code Mono.just(…)} or {@code Mono.empty()}, which need no subscription, scheduling or
 * operator chain to be read.
 */
final class Immediate<T> {

    private static final Immediate<?> NOT_YET = new Immediate<>(null, null);

    private final Optional<T> value;
    private final RuntimeException failure;

    private Immediate(Optional<T> value, RuntimeException failure) {
        this.value = value;
        this.failure = failure;
    }

    /** The publisher's answer when it is known without subscribing; {@link #isKnown()} false otherwise. */
    @SuppressWarnings("unchecked")
    static <T> Immediate<T> of(Publisher<T> publisher) {
        if (!(publisher instanceof Fuseable.ScalarCallable<?> scalar)) {
            return (Immediate<T>) NOT_YET;
        }
        try {
            return new Immediate<>(Optional.ofNullable((T) scalar.call()), null);
        } catch (RuntimeException e) {
            return new Immediate<>(Optional.empty(), e);
        } catch (Exception e) {
            return new Immediate<>(Optional.empty(), new IllegalStateException(e));
        }
    }

    boolean isKnown() {
        return value != null;
    }

    /** The value, empty when the publisher completes without one. @throws RuntimeException the publisher's error */
    Optional<T> value() {
        if (failure != null) {
            throw failure;
        }
        return value;
    }
}
