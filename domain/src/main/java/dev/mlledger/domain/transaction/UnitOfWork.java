package dev.mlledger.domain.transaction;

import java.util.function.Supplier;

/**
 * Driven port: runs a piece of work in one transaction of the store. Everything the work wrote is kept when
 * it returns and discarded when it throws; the exception then propagates unchanged.
 */
public interface UnitOfWork {

    <T> T write(Supplier<T> work);

    /** Like {@link #write} for work that only reads; a store may run it on a read-only transaction. */
    <T> T read(Supplier<T> work);
}
