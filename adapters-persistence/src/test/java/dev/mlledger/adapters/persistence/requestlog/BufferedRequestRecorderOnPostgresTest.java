package dev.mlledger.adapters.persistence.requestlog;

import dev.mlledger.adapters.persistence.requestlog.BufferedRequestRecorder.Settings;
import dev.mlledger.adapters.persistence.testing.EmptyLedgerTest;
import dev.mlledger.domain.id.Ids;
import dev.mlledger.domain.json.JsonDocument;
import dev.mlledger.domain.requestlog.RequestLog;
import dev.mlledger.domain.requestlog.RequestLogEntry;
import dev.mlledger.domain.storage.StorageUnavailable;
import dev.mlledger.domain.transaction.UnitOfWork;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The buffered writer over the JDBC adapter on a real PostgreSQL: every row lands in {@code api_requests} once. */
@MicronautTest(transactional = false, startApplication = false)
class BufferedRequestRecorderOnPostgresTest extends EmptyLedgerTest {

    @Inject
    RequestLog requestLog;

    @Test
    void a_batch_whose_commit_was_reported_as_failed_is_stored_once_when_tried_again() throws SQLException {
        CommitThenFail flaky = new CommitThenFail(unitOfWork, 1);
        Settings settings = new Settings(1_000, 10, Duration.ZERO, 100, Duration.ofMillis(20),
                Duration.ofMillis(20), Duration.ofMillis(200), Duration.ofSeconds(20));
        BufferedRequestRecorder recorder = new BufferedRequestRecorder(requestLog, flaky, settings);
        for (int i = 0; i < 250; i++) {
            recorder.tryReserve().orElseThrow().record(entry(i));
        }

        recorder.start();
        recorder.close();

        assertEquals(250, count("SELECT count(*) FROM api_requests"));
        assertEquals(250, count("SELECT count(DISTINCT id) FROM api_requests"));
        assertEquals(1, recorder.failedWrites());
        assertEquals(3, recorder.writes(), "250 rows in batches of 100");
    }

    private long count(String sql) throws SQLException {
        try (Connection connection = database.connect(); Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery(sql)) {
            rows.next();
            return rows.getLong(1);
        }
    }

    private static RequestLogEntry entry(int i) {
        return new RequestLogEntry(Ids.newId(), Instant.parse("2026-03-10T00:00:00Z").plusMillis(i), "/api/v1/model",
                "GET", JsonDocument.EMPTY_OBJECT, "127.0.0.1", "test", 200, i);
    }

    /** Commits, then reports a lost connection, the first {@code times} writes: the ambiguous failure. */
    private static final class CommitThenFail implements UnitOfWork {

        private final UnitOfWork delegate;
        private final AtomicInteger left;

        CommitThenFail(UnitOfWork delegate, int times) {
            this.delegate = delegate;
            this.left = new AtomicInteger(times);
        }

        @Override
        public <T> T write(Supplier<T> work) {
            T result = delegate.write(work);
            if (left.getAndDecrement() > 0) {
                throw new StorageUnavailable("connection lost after commit", null);
            }
            return result;
        }

        @Override
        public <T> T read(Supplier<T> work) {
            return delegate.read(work);
        }
    }
}
