package dev.mlledger.application.transaction;

import dev.mlledger.domain.transaction.UnitOfWork;

import java.util.function.Supplier;

/**
 * A unit of work that knows whether the calling thread is inside one of its units already: work that may be
 * written together with other requests' (group commit) must be written in the caller's own unit instead when
 * there is one, so that it commits with the rest of that unit (an idempotency record and the writes it answers
 * for, see {@code RunOnce}).
 */
public final class ScopedUnitOfWork implements UnitOfWork {

    private final UnitOfWork store;
    private final ThreadLocal<int[]> depth = ThreadLocal.withInitial(() -> new int[1]);

    public ScopedUnitOfWork(UnitOfWork store) {
        this.store = store;
    }

    /** Whether the calling thread is inside a unit of work begun through this one. */
    public boolean isActive() {
        return depth.get()[0] > 0;
    }

    @Override
    public <T> T write(Supplier<T> work) {
        return store.write(counted(work));
    }

    @Override
    public <T> T read(Supplier<T> work) {
        return store.read(counted(work));
    }

    private <T> Supplier<T> counted(Supplier<T> work) {
        return () -> {
            int[] units = depth.get();
            units[0]++;
            try {
                return work.get();
            } finally {
                units[0]--;
            }
        };
    }
}
