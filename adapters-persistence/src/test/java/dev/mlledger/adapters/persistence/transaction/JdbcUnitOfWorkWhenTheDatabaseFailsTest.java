package dev.mlledger.adapters.persistence.transaction;

import dev.mlledger.adapters.persistence.testing.EmptyLedgerTest;
import dev.mlledger.adapters.persistence.testing.LedgerRows;
import dev.mlledger.domain.id.Ids;
import dev.mlledger.domain.requestlog.RequestLog;
import dev.mlledger.domain.requestlog.RequestLogEntry;
import dev.mlledger.domain.storage.StorageUnavailable;
import dev.mlledger.domain.transaction.UnitOfWork;
import io.micronaut.data.exceptions.DataAccessException;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static dev.mlledger.adapters.persistence.testing.LedgerRows.request;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Units of work on a real PostgreSQL that cuts their connection, a pool with nothing to give, and conflicts that
 * do or do not clear: a storage fault leaves as {@link StorageUnavailable}, and nothing is half-written. The pool
 * is small, so that a test can hold all its connections.
 */
@MicronautTest(transactional = false, startApplication = false)
class JdbcUnitOfWorkWhenTheDatabaseFailsTest extends EmptyLedgerTest {

    private static final Instant AT = Instant.parse("2026-01-05T08:00:00Z");
    /** The fewest Flyway can migrate with (it locks on one connection and migrates on another). */
    private static final int POOL_SIZE = 2;

    @Inject
    RequestLog requestLog;

    /** Hands out the current unit of work's connection. */
    @Inject
    DataSource dataSource;

    @Override
    protected Map<String, String> settings() {
        return Map.of("datasources.default.maximum-pool-size", String.valueOf(POOL_SIZE), "datasources.default.connection-timeout", "1000");
    }

    @Test
    void a_connection_terminated_in_the_middle_of_a_unit_of_work_is_storage_unavailable_and_nothing_is_kept() {
        RequestLogEntry before = request(Ids.newId(), AT);

        assertThrows(StorageUnavailable.class, () -> unitOfWork.write(() -> {
            requestLog.append(List.of(before));
            terminateThisUnitOfWorksConnection();
            requestLog.append(List.of(request(Ids.newId(), AT)));
            return null;
        }));

        assertEquals(List.of(), LedgerRows.requestIds(database));
        assertThePoolRecovers();
    }

    @Test
    void a_connection_terminated_before_commit_makes_the_commit_storage_unavailable_and_nothing_is_kept() {
        assertThrows(StorageUnavailable.class, () -> unitOfWork.write(() -> {
            requestLog.append(List.of(request(Ids.newId(), AT)));
            terminateThisUnitOfWorksConnection();
            return null;
        }));

        assertEquals(List.of(), LedgerRows.requestIds(database));
        assertThePoolRecovers();
    }

    @Test
    void a_read_on_a_terminated_connection_is_storage_unavailable() {
        assertThrows(StorageUnavailable.class, () -> unitOfWork.read(() -> {
            terminateThisUnitOfWorksConnection();
            return requestLog.find(Ids.newId());
        }));

        assertThePoolRecovers();
    }

    @Test
    void a_pool_with_no_connection_to_give_within_its_timeout_is_storage_unavailable() throws Exception {
        CountDownLatch holding = new CountDownLatch(POOL_SIZE);
        CountDownLatch release = new CountDownLatch(1);
        List<Thread> holders = new ArrayList<>();
        for (int i = 0; i < POOL_SIZE; i++) {
            holders.add(Thread.ofPlatform().start(() -> unitOfWork.write(() -> {
                holding.countDown();
                awaitQuietly(release);
                return null;
            })));
        }
        try {
            assertTrue(holding.await(10, TimeUnit.SECONDS), "other units of work hold every connection");

            StorageUnavailable thrown = assertThrows(StorageUnavailable.class,
                    () -> unitOfWork.read(() -> requestLog.find(Ids.newId())));

            assertTrue(thrown.getMessage().contains("pool"), thrown::getMessage);
        } finally {
            release.countDown();
            for (Thread holder : holders) {
                holder.join(Duration.ofSeconds(10));
            }
        }
        assertThePoolRecovers();
    }

    @ParameterizedTest
    @ValueSource(strings = {"40001", "40P01"})
    void a_conflict_still_failing_on_the_last_try_is_storage_unavailable_and_nothing_is_kept(String sqlState) {
        AtomicInteger tries = new AtomicInteger();

        StorageUnavailable thrown = assertThrows(StorageUnavailable.class, () -> unitOfWork.write(() -> {
            tries.incrementAndGet();
            requestLog.append(List.of(request(Ids.newId(), AT)));
            throw conflict(sqlState);
        }));

        assertEquals(3, tries.get(), "tried three times");
        assertTrue(thrown.getMessage().contains(sqlState), thrown::getMessage);
        assertEquals(List.of(), LedgerRows.requestIds(database));
    }

    @Test
    void a_conflict_that_clears_on_a_later_try_is_not_seen_and_only_that_try_is_kept() {
        AtomicInteger tries = new AtomicInteger();
        RequestLogEntry first = request(Ids.newId(), AT);
        RequestLogEntry second = request(Ids.newId(), AT);

        String result = unitOfWork.write(() -> {
            boolean firstTry = tries.incrementAndGet() == 1;
            requestLog.append(List.of(firstTry ? first : second));
            if (firstTry) {
                throw conflict("40P01");
            }
            return "done";
        });

        assertEquals("done", result);
        assertEquals(2, tries.get());
        assertEquals(List.of(second.id()), LedgerRows.requestIds(database));
    }

    @Test
    void a_conflict_in_a_nested_unit_of_work_is_tried_again_by_the_outermost_one() {
        AtomicInteger tries = new AtomicInteger();
        RequestLogEntry kept = request(Ids.newId(), AT);

        unitOfWork.write(() -> {
            boolean firstTry = tries.incrementAndGet() == 1;
            return unitOfWork.write(() -> {
                if (firstTry) {
                    throw conflict("40001");
                }
                requestLog.append(List.of(kept));
                return null;
            });
        });

        assertEquals(2, tries.get());
        assertEquals(List.of(kept.id()), LedgerRows.requestIds(database));
    }

    /** What PostgreSQL's conflict looks like once Micronaut Data has wrapped it. */
    private static DataAccessException conflict(String sqlState) {
        return new DataAccessException("Error executing SQL UPDATE",
                new SQLException("could not serialize access due to concurrent update", sqlState));
    }

    /** Terminates the backend of the current unit of work's connection (and no other), and waits till it is gone. */
    private void terminateThisUnitOfWorksConnection() {
        try {
            Connection current = dataSource.getConnection();
            int pid;
            try (Statement statement = current.createStatement();
                 ResultSet row = statement.executeQuery("SELECT pg_backend_pid()")) {
                row.next();
                pid = row.getInt(1);
            }
            try (Connection other = database.connect(); Statement statement = other.createStatement();
                 ResultSet row = statement.executeQuery("SELECT pg_terminate_backend(" + pid + ", 10000)")) {
                row.next();
                assertTrue(row.getBoolean(1), "backend " + pid + " terminated");
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The pool replaces what the database took: the next unit of work writes as usual. */
    private void assertThePoolRecovers() {
        RequestLogEntry entry = request(Ids.newId(), AT);
        unitOfWork.write(() -> {
            requestLog.append(List.of(entry));
            return null;
        });
        assertTrue(LedgerRows.requestIds(database).contains(entry.id()));
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
