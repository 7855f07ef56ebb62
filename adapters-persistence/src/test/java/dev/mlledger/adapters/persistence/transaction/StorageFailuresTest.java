package dev.mlledger.adapters.persistence.transaction;

import dev.mlledger.domain.storage.StorageUnavailable;
import io.micronaut.data.connection.exceptions.ConnectionException;
import io.micronaut.data.connection.jdbc.exceptions.CannotGetJdbcConnectionException;
import io.micronaut.data.exceptions.DataAccessException;
import io.micronaut.transaction.exceptions.CannotCreateTransactionException;
import io.micronaut.transaction.exceptions.TransactionSystemException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.EOFException;
import java.io.UncheckedIOException;
import java.net.SocketException;
import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientConnectionException;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Which failures are storage faults (a 503 for the client), in the shapes Micronaut Data wraps them in. */
class StorageFailuresTest {

    private static SQLException sql(String sqlState) {
        return new SQLException("the driver's message", sqlState);
    }

    /** A statement's failure, as Micronaut Data's repositories throw it. */
    private static DataAccessException statementFailed(Throwable cause) {
        return new DataAccessException("Error executing SQL UPDATE: " + cause.getMessage(), cause);
    }

    private static StorageUnavailable assertUnavailable(RuntimeException failure) {
        RuntimeException translated = StorageFailures.translate(failure);
        StorageUnavailable unavailable = assertInstanceOf(StorageUnavailable.class, translated, failure::toString);
        assertSame(failure, unavailable.getCause(), "the original failure is kept as the cause, for the log");
        return unavailable;
    }

    private static void assertUnchanged(RuntimeException failure) {
        assertSame(failure, StorageFailures.translate(failure));
    }

    @ParameterizedTest
    @ValueSource(strings = {"08000", "08001", "08003", "08004", "08006", "08P01"})
    void every_connection_exception_of_class_08_is_storage_unavailable(String sqlState) {
        StorageUnavailable unavailable = assertUnavailable(statementFailed(sql(sqlState)));

        assertTrue(unavailable.getMessage().contains("SQLState " + sqlState), unavailable::getMessage);
    }

    @ParameterizedTest
    @ValueSource(strings = {"57P01", "57P02", "57P03", "57P04", "57P05"})
    void admin_shutdown_crash_shutdown_cannot_connect_now_and_the_other_57P_states_are_storage_unavailable(
            String sqlState) {
        assertUnavailable(statementFailed(sql(sqlState)));
    }

    @ParameterizedTest
    @ValueSource(strings = {"53000", "53100", "53200", "53300", "53400"})
    void a_database_out_of_resources_is_storage_unavailable(String sqlState) {
        assertUnavailable(statementFailed(sql(sqlState)));
    }

    @ParameterizedTest
    @ValueSource(strings = {"57014", "25P03", "58000", "58030"})
    void a_cancelled_statement_a_connection_timed_out_in_a_transaction_and_a_system_error_are_storage_unavailable(
            String sqlState) {
        assertUnavailable(statementFailed(sql(sqlState)));
    }

    @ParameterizedTest
    @ValueSource(strings = {"40001", "40P01"})
    void a_serialization_failure_or_deadlock_is_retryable_and_once_retrying_is_over_storage_unavailable(
            String sqlState) {
        DataAccessException conflict = statementFailed(sql(sqlState));

        assertTrue(StorageFailures.isRetryable(conflict));
        StorageUnavailable unavailable = assertUnavailable(conflict);
        assertTrue(StorageFailures.isRetryable(unavailable), "an outer unit of work still sees the conflict");
    }

    @Test
    void a_connection_lost_during_commit_is_storage_unavailable() {
        assertUnavailable(new TransactionSystemException("Could not commit JDBC transaction",
                new SQLException("An I/O error occurred while sending to the backend.", "08006",
                        new SocketException("Connection reset"))));
    }

    @Test
    void a_rollback_on_a_connection_the_database_closed_is_storage_unavailable() {
        assertUnavailable(new TransactionSystemException("Could not roll back JDBC transaction",
                new SQLException("This connection has been closed.", "08003")));
    }

    @Test
    void a_transaction_that_cannot_begin_because_the_database_is_shutting_down_is_storage_unavailable() {
        assertUnavailable(new CannotCreateTransactionException("Could not create JDBC savepoint",
                sql("57P01")));
    }

    @Test
    void a_pool_that_timed_out_waiting_for_a_connection_is_storage_unavailable_whatever_its_sqlstate() {
        StorageUnavailable unavailable = assertUnavailable(new CannotGetJdbcConnectionException(
                "Failed to obtain JDBC Connection", new SQLTransientConnectionException(
                        "HikariPool-1 - Connection is not available, request timed out after 1000ms.")));

        assertTrue(unavailable.getMessage().contains("pool"), unavailable::getMessage);
    }

    @Test
    void a_connection_that_failed_to_reset_or_close_is_storage_unavailable() {
        assertUnavailable(new ConnectionException("Failed to close the connection: Connection is closed",
                new SQLException("Connection is closed", "08003")));
        assertUnavailable(new ConnectionException("Failed to read the connection's auto commit value",
                sql("57P02")));
    }

    @Test
    void a_connection_the_pool_closed_as_broken_is_storage_unavailable_though_it_gives_no_sqlstate() {
        // what replaces the 57P01 when the transaction manager then resets auto-commit, or rolls back
        StorageUnavailable unavailable = assertUnavailable(new ConnectionException("Could not set JDBC Connection [HikariProxyConnection@1 wrapping"
                + " com.zaxxer.hikari.pool.ProxyConnection.ClosedConnection] read-only: Connection is closed",
                new SQLException("Connection is closed")));
        assertUnavailable(new TransactionSystemException("Could not roll back JDBC transaction",
                new SQLException("Connection is closed")));

        assertTrue(unavailable.getMessage().contains("pool had closed it"), unavailable::getMessage);
    }

    @Test
    void an_sqlstate_less_failure_that_is_not_a_closed_connection_is_not_a_storage_fault() {
        assertUnchanged(statementFailed(new SQLException("Connection is closing soon")));
        assertUnchanged(statementFailed(new SQLException("Connection is closed", "23505")));
    }

    @Test
    void the_jdbc_types_of_a_connection_failure_are_storage_unavailable_without_an_sqlstate() {
        assertUnavailable(statementFailed(new SQLNonTransientConnectionException("connection refused")));
        assertUnavailable(statementFailed(new SQLRecoverableException("connection lost")));
    }

    @Test
    void a_socket_that_broke_under_the_driver_is_storage_unavailable_without_an_sqlstate() {
        assertUnavailable(statementFailed(new SQLException("I/O error", null, new EOFException())));
        assertUnavailable(statementFailed(new SQLException("I/O error", null, new SocketException("reset"))));
    }

    @Test
    void a_broken_socket_that_is_not_the_databases_is_not_taken_for_a_storage_fault() {
        assertUnchanged(new UncheckedIOException(new SocketException("Connection reset")));
    }

    @ParameterizedTest
    @ValueSource(strings = {"23505", "23503", "23502", "23514", "23P01", "22001", "22P02", "42P01", "XX000"})
    void a_constraint_violation_bad_data_or_a_bug_in_a_statement_is_not_a_storage_fault(String sqlState) {
        DataAccessException failure = statementFailed(sql(sqlState));

        assertUnchanged(failure);
        assertFalse(StorageFailures.isRetryable(failure));
    }

    @Test
    void a_constraint_violation_found_on_commit_is_not_a_storage_fault() {
        assertUnchanged(new TransactionSystemException("Could not commit JDBC transaction", sql("23505")));
    }

    @Test
    void a_failure_without_any_sql_exception_passes_unchanged() {
        assertUnchanged(new IllegalStateException("the work failed"));
        assertUnchanged(new DataAccessException("no current connection"));
    }

    @Test
    void a_storage_unavailable_already_in_the_chain_is_the_answer_as_it_is() {
        StorageUnavailable inner = new StorageUnavailable("from a nested unit of work", sql("08006"));

        assertSame(inner, StorageFailures.translate(new IllegalStateException("wrapped", inner)));
        assertSame(inner, StorageFailures.translate(inner));
    }

    @Test
    void a_cause_chain_that_loops_ends_the_walk() {
        RuntimeException first = new RuntimeException("first");
        RuntimeException second = new RuntimeException("second", first);
        first.initCause(second);

        assertUnchanged(first);
        assertFalse(StorageFailures.isRetryable(first));
    }
}
