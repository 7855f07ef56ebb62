package dev.mlledger.adapters.persistence.transaction;

import dev.mlledger.domain.transaction.UnitOfWork;
import io.micronaut.context.annotation.Requires;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Singleton;

import java.sql.Connection;
import java.util.function.Supplier;

/**
 * A unit of work is a PostgreSQL transaction on one pooled connection, managed by Micronaut's transaction
 * manager; the repositories of the JDBC adapters run their statements on its connection. A unit of work inside another
 * joins it. A unit of work that PostgreSQL aborts as a deadlock victim or for a serialization failure is run
 * again (the work must not depend on side effects of an earlier try). A storage fault ({@link StorageFailures}),
 * also a conflict still failing on the last try, leaves as {@code StorageUnavailable}; any other failure unchanged.
 */
@Singleton
@Requires(property = "mlledger.persistence.adapter", value = "jdbc", defaultValue = "jdbc")
public class JdbcUnitOfWork implements UnitOfWork {

    /** A deadlock or serialization failure rolls everything back; the work is then tried again, this often. */
    private static final int ATTEMPTS = 3;

    private final TransactionOperations<Connection> transactions;
    private final ThreadLocal<Boolean> inUnitOfWork = ThreadLocal.withInitial(() -> false);

    public JdbcUnitOfWork(TransactionOperations<Connection> transactions) {
        this.transactions = transactions;
    }

    @Override
    public <T> T write(Supplier<T> work) {
        // only the outermost unit of work may start over: a nested one cannot undo its caller's work
        boolean outermost = !inUnitOfWork.get();
        inUnitOfWork.set(true);
        try {
            for (int attempt = 1; ; attempt++) {
                try {
                    return transactions.executeWrite(status -> work.get());
                } catch (RuntimeException e) {
                    if (!(outermost && attempt < ATTEMPTS && StorageFailures.isRetryable(e))) {
                        throw StorageFailures.translate(e);
                    }
                }
            }
        } finally {
            if (outermost) {
                inUnitOfWork.remove();
            }
        }
    }

    @Override
    public <T> T read(Supplier<T> work) {
        try {
            return transactions.executeRead(status -> work.get());
        } catch (RuntimeException e) {
            throw StorageFailures.translate(e);
        }
    }
}
