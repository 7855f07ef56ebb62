package dev.mlledger.adapters.persistence.memory;

import dev.mlledger.domain.transaction.UnitOfWork;
import io.micronaut.context.annotation.Requires;
import jakarta.inject.Singleton;

import java.util.concurrent.locks.Lock;
import java.util.function.Supplier;

/**
 * Units of work on the {@link MemoryStore}, serializable by construction: a writing unit holds the store's write
 * lock from its first use of the store to its end, so it runs alone; reading units share the read lock, and see
 * only what was committed. (Taking the lock at the first use, not at the start, lets a unit that only asks for an
 * idempotency key another unit holds be refused at once, as on PostgreSQL.) A writing unit logs how to undo each
 * change it makes and, if its work throws, undoes them all, newest first, and lets the exception propagate
 * unchanged. A unit of work inside another joins it; if the inner one throws, the outer one can only roll back (as
 * with Micronaut's transactions on the JDBC adapter).
 */
@Singleton
@Requires(property = "mlledger.persistence.adapter", value = "memory")
public class MemoryUnitOfWork implements UnitOfWork {

    private final MemoryStore store;

    public MemoryUnitOfWork(MemoryStore store) {
        this.store = store;
    }

    @Override
    public <T> T write(Supplier<T> work) {
        return run(work, false);
    }

    @Override
    public <T> T read(Supplier<T> work) {
        return run(work, true);
    }

    private <T> T run(Supplier<T> work, boolean readOnly) {
        MemoryTransaction outer = store.current();
        if (outer != null) {
            return joining(outer, work);
        }
        Lock lock = readOnly ? store.lock.readLock() : store.lock.writeLock();
        MemoryTransaction transaction = new MemoryTransaction(readOnly, lock);
        store.begin(transaction);
        try {
            T result;
            try {
                result = work.get();
            } catch (Throwable failure) {
                transaction.rollback();
                throw failure;
            }
            if (transaction.rollbackOnly()) {
                transaction.rollback();
                throw new IllegalStateException("the unit of work was rolled back: a unit of work inside it, "
                        + "or a change it asked for, failed");
            }
            return result;
        } finally {
            store.end();
            transaction.end();
        }
    }

    /** A write inside a read-only unit joins it too, and is refused when it tries to change something. */
    private static <T> T joining(MemoryTransaction outer, Supplier<T> work) {
        try {
            return work.get();
        } catch (Throwable failure) {
            outer.setRollbackOnly();
            throw failure;
        }
    }
}
