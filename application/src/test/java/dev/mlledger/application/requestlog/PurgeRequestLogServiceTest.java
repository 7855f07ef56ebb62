package dev.mlledger.application.requestlog;

import dev.mlledger.application.testing.FakeUnitOfWork;
import dev.mlledger.application.testing.InMemoryPredictions;
import dev.mlledger.application.testing.InMemoryRequestLog;
import dev.mlledger.domain.id.Ids;
import dev.mlledger.domain.json.JsonDocument;
import dev.mlledger.domain.prediction.AttritionProbability;
import dev.mlledger.domain.prediction.Prediction;
import dev.mlledger.domain.prediction.RiskLevel;
import dev.mlledger.domain.requestlog.PurgeResult;
import dev.mlledger.domain.requestlog.RequestLog;
import dev.mlledger.domain.requestlog.RequestLogEntry;
import dev.mlledger.domain.validation.InvalidInput;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class PurgeRequestLogServiceTest {

    private static final Instant NOW = Instant.parse("2026-03-10T09:30:00Z");
    private static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);

    private final InMemoryPredictions predictions = new InMemoryPredictions();
    private final InMemoryRequestLog requestLog = new InMemoryRequestLog(predictions);
    private final FakeUnitOfWork unitOfWork = new FakeUnitOfWork();

    @Test
    void entries_older_than_the_days_go_chunk_by_chunk_with_their_predictions_and_the_counts_add_up() {
        for (int i = 0; i < 10; i++) {
            log(NOW.minus(Duration.ofDays(40 + i)), i % 3);
        }
        RequestLogEntry recent = log(NOW.minus(Duration.ofDays(29)), 2);
        RequestLogEntry onTheCutOff = log(NOW.minus(Duration.ofDays(30)), 1);

        PurgeResult result = new PurgeRequestLogService(requestLog, unitOfWork, CLOCK, 3).purgeOlderThan(30);

        // 10 old entries holding 0+1+2+0+1+2+0+1+2+0 predictions, in chunks of 3, 3, 3, 1
        assertEquals(new PurgeResult(10, 9), result);
        assertEquals(List.of(3, 3, 3, 3), requestLog.purgeChunks());
        assertEquals(4, unitOfWork.writes(), "one unit of work per chunk");
        assertEquals(List.of(recent, onTheCutOff), requestLog.all());
        assertEquals(3, predictions.all().size());
    }

    @Test
    void the_purge_goes_on_while_chunks_are_full_and_stops_at_the_first_short_one() {
        ScriptedRequestLog scripted = new ScriptedRequestLog(
                new PurgeResult(100, 250), new PurgeResult(100, 0), new PurgeResult(37, 12), new PurgeResult(100, 1));

        PurgeResult result = new PurgeRequestLogService(scripted, unitOfWork, CLOCK, 100).purgeOlderThan(7);

        assertEquals(new PurgeResult(237, 262), result);
        assertEquals(3, scripted.cutoffs.size());
        assertEquals(List.of(NOW.minus(Duration.ofDays(7))), scripted.cutoffs.stream().distinct().toList());
        assertEquals(3, unitOfWork.writes());
    }

    @Test
    void a_last_full_chunk_is_followed_by_an_empty_one() {
        ScriptedRequestLog scripted = new ScriptedRequestLog(new PurgeResult(50, 5), PurgeResult.NOTHING);

        PurgeResult result = new PurgeRequestLogService(scripted, unitOfWork, CLOCK, 50).purgeOlderThan(1);

        assertEquals(new PurgeResult(50, 5), result);
        assertEquals(2, scripted.cutoffs.size());
    }

    @Test
    void nothing_to_purge_is_one_empty_chunk() {
        PurgeResult result = new PurgeRequestLogService(requestLog, unitOfWork, CLOCK, 100).purgeOlderThan(365);

        assertEquals(PurgeResult.NOTHING, result);
        assertEquals(List.of(100), requestLog.purgeChunks());
    }

    @Test
    void fewer_than_one_day_or_more_than_the_maximum_is_invalid_and_purges_nothing() {
        PurgeRequestLog purge = new PurgeRequestLogService(requestLog, unitOfWork, CLOCK, 100);
        RequestLogEntry old = log(NOW.minus(Duration.ofDays(3)), 1);

        for (int days : new int[] {0, -1, Integer.MIN_VALUE, PurgeRequestLog.MAX_DAYS + 1}) {
            InvalidInput invalid = assertThrows(InvalidInput.class, () -> purge.purgeOlderThan(days), () -> "days " + days);
            assertEquals("olderThanDays", invalid.violations().getFirst().field());
        }

        assertEquals(List.of(), requestLog.purgeChunks());
        assertEquals(List.of(old), requestLog.all());
        assertEquals(PurgeResult.NOTHING, purge.purgeOlderThan(PurgeRequestLog.MAX_DAYS));
        assertEquals(new PurgeResult(1, 1), purge.purgeOlderThan(1));
    }

    private RequestLogEntry log(Instant at, int predictionCount) {
        RequestLogEntry entry = new RequestLogEntry(Ids.newId(), at, "/api/v1/predict", "POST",
                JsonDocument.EMPTY_OBJECT, null, null, 200, 5);
        requestLog.append(List.of(entry));
        List<Prediction> made = new ArrayList<>();
        for (int i = 0; i < predictionCount; i++) {
            made.add(new Prediction(Ids.newId(), entry.id(), at, at, null, new AttritionProbability(0.5),
                    RiskLevel.MEDIUM, "m", null));
        }
        predictions.addAll(made);
        return entry;
    }

    /** Answers purges with the given results, in order, remembering the cut-offs asked for. */
    private static final class ScriptedRequestLog implements RequestLog {

        private final Deque<PurgeResult> results;
        private final List<Instant> cutoffs = new ArrayList<>();

        ScriptedRequestLog(PurgeResult... results) {
            this.results = new ArrayDeque<>(List.of(results));
        }

        @Override
        public PurgeResult purgeOlderThan(Instant cutoff, int maxRequests) {
            cutoffs.add(cutoff);
            return results.removeFirst();
        }

        @Override
        public void append(List<RequestLogEntry> entries) {
            throw new UnsupportedOperationException();
        }

        @Override
        public Optional<RequestLogEntry> find(UUID id) {
            throw new UnsupportedOperationException();
        }
    }
}
