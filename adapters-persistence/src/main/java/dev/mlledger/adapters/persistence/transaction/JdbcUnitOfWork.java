package dev.mlledger.adapters.persistence.transaction;

import dev.mlledger.domain.transaction.UnitOfWork;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Singleton;

import java.sql.Connection;
import java.util.function.Supplier;

/**
 * A unit of work is a PostgreSQL transaction on one pooled connection, managed by Micronaut's transaction
 * manager; the JDBC adapters run their statements on {@link #connection()}. A unit of work inside another
 * joins it.
 */
@Singleton
public class JdbcUnitOfWork implements UnitOfWork {

    private final TransactionOperations<Connection> transactions;

    public JdbcUnitOfWork(TransactionOperations<Connection> transactions) {
        this.transactions = transactions;
    }

    @Override
    public <T> T write(Supplier<T> work) {
        try {
            return transactions.executeWrite(status -> work.get());
        } catch (RuntimeException e) {
            throw StorageFailures.translate(e);
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

    /** The connection of the current unit of work. */
    public Connection connection() {
        return transactions.getConnection();
    }
}
