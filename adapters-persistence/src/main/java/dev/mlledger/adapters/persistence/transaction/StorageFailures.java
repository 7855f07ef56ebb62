package dev.mlledger.adapters.persistence.transaction;

import dev.mlledger.domain.storage.StorageUnavailable;

import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;

/** Tells "the database is out of reach" (→ {@link StorageUnavailable}, a 503) from everything else. */
final class StorageFailures {

    private StorageFailures() {
    }

    static RuntimeException translate(RuntimeException failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof StorageUnavailable unavailable) {
                return unavailable;
            }
            if (cause instanceof SQLTransientConnectionException
                    || cause instanceof SQLException sql && isUnavailable(sql.getSQLState())) {
                return new StorageUnavailable(cause.getMessage(), failure);
            }
        }
        return failure;
    }

    /** A deadlock (40P01) or serialization failure (40001): nothing was kept, and trying again may succeed. */
    static boolean isRetryable(RuntimeException failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof SQLException sql && ("40P01".equals(sql.getSQLState()) || "40001".equals(sql.getSQLState()))) {
                return true;
            }
        }
        return false;
    }

    /** Connection errors (08), shutdown in progress (57P), too many connections (53300). */
    private static boolean isUnavailable(String sqlState) {
        return sqlState != null
                && (sqlState.startsWith("08") || sqlState.startsWith("57P") || sqlState.equals("53300"));
    }
}
