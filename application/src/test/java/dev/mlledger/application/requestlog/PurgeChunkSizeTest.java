package dev.mlledger.application.requestlog;

import dev.mlledger.application.testing.FakeUnitOfWork;
import dev.mlledger.application.testing.InMemoryPredictions;
import dev.mlledger.application.testing.InMemoryRequestLog;
import dev.mlledger.domain.id.Ids;
import dev.mlledger.domain.json.JsonDocument;
import dev.mlledger.domain.requestlog.PurgeResult;
import dev.mlledger.domain.requestlog.RequestLogEntry;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class PurgeChunkSizeTest {

    private static final Instant NOW = Instant.parse("2026-03-10T09:30:00Z");
    private static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);

    private final InMemoryPredictions predictions = new InMemoryPredictions();
    private final InMemoryRequestLog requestLog = new InMemoryRequestLog(predictions);
    private final FakeUnitOfWork unitOfWork = new FakeUnitOfWork();

    @Test
    void a_chunk_size_of_one_purges_one_entry_per_unit_of_work() {
        for (int i = 0; i < 3; i++) {
            requestLog.append(List.of(new RequestLogEntry(Ids.newId(), NOW.minus(Duration.ofDays(10 + i)),
                    "/api/v1/health", "GET", JsonDocument.EMPTY_OBJECT, null, null, 200, 1)));
        }

        PurgeResult result = new PurgeRequestLogService(requestLog, unitOfWork, CLOCK, 1).purgeOlderThan(5);

        assertEquals(new PurgeResult(3, 0), result);
        assertEquals(List.of(1, 1, 1, 1), requestLog.purgeChunks());
        assertEquals(4, unitOfWork.writes());
    }

    @Test
    void a_chunk_size_below_one_is_refused() {
        assertThrows(IllegalArgumentException.class, () -> new PurgeRequestLogService(requestLog, unitOfWork, CLOCK, 0));
        assertThrows(IllegalArgumentException.class, () -> new PurgeRequestLogService(requestLog, unitOfWork, CLOCK, -5));
    }
}
