package dev.mlledger.adapters.persistence.transaction;

import dev.mlledger.domain.storage.StorageUnavailable;

import java.io.EOFException;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientConnectionException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Tells a storage fault (the database cannot do the work now, whatever was asked: → {@link StorageUnavailable},
 * a 503) from everything else, which passes unchanged (a constraint violation stays what it is). The driver's
 * {@link SQLException} reaches a unit of work wrapped by whoever met it: Micronaut Data's
 * {@code DataAccessException} (a statement), the transaction manager's {@code TransactionSystemException} (commit,
 * rollback) and {@code CannotCreateTransactionException}, the connection manager's
 * {@code CannotGetJdbcConnectionException} (the pool) and {@code ConnectionException} (resetting or closing the
 * connection), and a failure met while cleaning up after a broken connection replaces the one that broke it.
 * So the whole cause chain is read, for SQLStates and for the exceptions that mean "no connection".
 */
final class StorageFailures {

    /** What HikariCP's {@code ProxyConnection.ClosedConnection} says to every call. */
    private static final String CLOSED_BY_THE_POOL = "Connection is closed";

    private StorageFailures() {
    }

    /**
     * @return a {@link StorageUnavailable} (the one already in the chain, or a new one whose cause is
     * {@code failure}) when {@code failure} is a storage fault, else {@code failure} itself. Serialization failures
     * and deadlocks count as storage faults here: call it once retrying is over.
     */
    static RuntimeException translate(RuntimeException failure) {
        for (Throwable cause : chain(failure)) {
            if (cause instanceof StorageUnavailable unavailable) {
                return unavailable;
            }
        }
        return storageFault(failure)
                .<RuntimeException>map(fault -> new StorageUnavailable(fault, failure))
                .orElse(failure);
    }

    /** A deadlock (40P01) or serialization failure (40001): nothing was kept, and trying again may succeed. */
    static boolean isRetryable(Throwable failure) {
        for (Throwable cause : chain(failure)) {
            if (cause instanceof SQLException sql && isConflict(sql.getSQLState())) {
                return true;
            }
        }
        return false;
    }

    /** @return what went wrong, for the log, when {@code failure} is a storage fault */
    static Optional<String> storageFault(Throwable failure) {
        boolean underSql = false;
        for (Throwable cause : chain(failure)) {
            if (cause instanceof SQLTransientConnectionException) {
                return Optional.of("no database connection within the pool's timeout: " + cause.getMessage());
            }
            if (isClosedByThePool(cause)) {
                // Hikari logs why at WARN ("marked as broken because of SQLSTATE(…)")
                return Optional.of("database connection broke (the pool had closed it)");
            }
            if (cause instanceof SQLNonTransientConnectionException || cause instanceof SQLRecoverableException
                    || underSql && isBrokenSocket(cause)) {
                return Optional.of("database connection failed: " + cause.getMessage());
            }
            if (cause instanceof SQLException sql) {
                underSql = true;
                Optional<String> kind = kindOf(sql.getSQLState());
                if (kind.isPresent()) {
                    return Optional.of(kind.get() + " (SQLState " + sql.getSQLState() + "): " + sql.getMessage());
                }
            }
        }
        return Optional.empty();
    }

    /** The SQLStates (PostgreSQL's appendix A) that say the database, not the request, is the problem. */
    private static Optional<String> kindOf(String sqlState) {
        if (sqlState == null) {
            return Optional.empty();
        }
        if (sqlState.startsWith("08")) {
            return Optional.of("database connection failed");
        }
        if (sqlState.startsWith("57P")) {
            // 57P01 admin shutdown, 57P02 crash shutdown, 57P03 cannot connect now, 57P04 database dropped,
            // 57P05 idle session timeout
            return Optional.of("database shutting down or refusing connections");
        }
        if (sqlState.equals("57014")) {
            return Optional.of("statement cancelled by the database (statement timeout or an operator)");
        }
        if (sqlState.equals("25P03")) {
            return Optional.of("connection closed by the database (idle-in-transaction timeout)");
        }
        if (sqlState.startsWith("53")) {
            // 53100 disk full, 53200 out of memory, 53300 too many connections, 53400 configuration limit
            return Optional.of("database out of resources");
        }
        if (sqlState.startsWith("58")) {
            return Optional.of("database system or I/O error");
        }
        if (isConflict(sqlState)) {
            return Optional.of("still in conflict with concurrent transactions after retries");
        }
        return Optional.empty();
    }

    private static boolean isConflict(String sqlState) {
        return "40001".equals(sqlState) || "40P01".equals(sqlState);
    }

    /**
     * Hikari's stand-in for a connection it closed on seeing it break (an 08 or 57P state): every later call on it
     * (the transaction manager's rollback, its reset of auto-commit) throws this, without an SQLState, and that
     * exception replaces the one that told why. Within a unit of work nothing else closes a connection.
     */
    private static boolean isClosedByThePool(Throwable cause) {
        return cause instanceof SQLException sql && sql.getSQLState() == null
                && CLOSED_BY_THE_POOL.equals(sql.getMessage());
    }

    /** A socket that broke under the driver; PostgreSQL's driver normally says 08006 itself. */
    private static boolean isBrokenSocket(Throwable cause) {
        return cause instanceof SocketException || cause instanceof SocketTimeoutException
                || cause instanceof EOFException;
    }

    /** {@code failure} and its causes, outermost first, each once (a cause chain may loop). */
    private static List<Throwable> chain(Throwable failure) {
        List<Throwable> chain = new ArrayList<>();
        Set<Throwable> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        for (Throwable cause = failure; cause != null && seen.add(cause); cause = cause.getCause()) {
            chain.add(cause);
        }
        return chain;
    }
}
