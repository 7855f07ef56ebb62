package dev.mlledger.application.testing;

import dev.mlledger.domain.transaction.UnitOfWork;

import java.util.function.Supplier;

/** Runs the work directly, counting how many units of work were asked for. */
public final class FakeUnitOfWork implements UnitOfWork {

    private int writes;
    private int reads;

    @Override
    public <T> T write(Supplier<T> work) {
        writes++;
        return work.get();
    }

    @Override
    public <T> T read(Supplier<T> work) {
        reads++;
        return work.get();
    }

    public int writes() {
        return writes;
    }

    public int reads() {
        return reads;
    }
}
