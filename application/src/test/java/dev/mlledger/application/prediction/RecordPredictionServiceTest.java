package dev.mlledger.application.prediction;

import dev.mlledger.domain.access.Caller;
import dev.mlledger.domain.access.Role;
import dev.mlledger.application.testing.FakeUnitOfWork;
import dev.mlledger.application.testing.InMemoryPredictions;
import dev.mlledger.application.testing.InMemoryRequestLog;
import dev.mlledger.domain.json.JsonDocument;
import dev.mlledger.domain.prediction.Prediction;
import dev.mlledger.domain.prediction.RiskLevel;
import dev.mlledger.domain.prediction.RiskThresholds;
import dev.mlledger.domain.requestlog.RequestLogEntry;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

class RecordPredictionServiceTest {

    private static final Instant NOW = Instant.parse("2026-03-10T09:30:15.123456Z");
    private static final RequestOrigin ORIGIN = new RequestOrigin("/api/v1/predictions", "POST",
            new JsonDocument("{\"attrition_prob\":0.42}"), "10.1.2.3", "client/1.0", System.nanoTime(), 201,
            new Caller("ci", Role.SCORER));

    private final InMemoryPredictions predictions = new InMemoryPredictions();
    private final InMemoryRequestLog requestLog = new InMemoryRequestLog(predictions);
    private final FakeUnitOfWork unitOfWork = new FakeUnitOfWork();
    private final RecordPrediction recordPrediction = new RecordPredictionService(new RiskThresholds(0.5, 0.9),
            predictions, unitOfWork, Clock.fixed(NOW, ZoneOffset.UTC));

    @Test
    void a_recorded_prediction_is_stored_with_its_log_entry_in_one_unit_of_work() {
        JsonDocument snapshot = new JsonDocument("{\"age\":41}");
        Instant madeAt = Instant.parse("2026-03-01T12:00:00Z");

        Prediction recorded = recordPrediction.record(ORIGIN,
                new PredictionToRecord("E-1", 0.42, RiskLevel.MEDIUM, "xgb_enhanced_v1.0", snapshot, madeAt));

        assertEquals(1, unitOfWork.writes());
        assertEquals(List.of(recorded), predictions.all());
        RequestLogEntry entry = requestLog.all().getFirst();
        assertEquals(List.of(entry), requestLog.all());
        assertEquals(entry.id(), recorded.requestId());
        assertEquals(201, entry.httpStatus());
        assertEquals("/api/v1/predictions", entry.endpoint());
        assertEquals(NOW, entry.createdAt());
        assertEquals(NOW, recorded.createdAt());
        assertEquals(madeAt, recorded.predictionDate());
        assertEquals("E-1", recorded.employeeId());
        assertEquals(0.42, recorded.probability().value());
        assertEquals(RiskLevel.MEDIUM, recorded.riskLevel());
        assertEquals("xgb_enhanced_v1.0", recorded.modelVersion());
        assertEquals(snapshot, recorded.featuresSnapshot());
    }

    @Test
    void without_a_risk_level_it_is_derived_from_the_configured_thresholds() {
        List<RiskLevel> levels = List.of(0.0, 0.49, 0.5, 0.89, 0.9, 1.0).stream()
                .map(p -> recordPrediction.record(ORIGIN, new PredictionToRecord(null, p, null, "m", null, null)))
                .map(Prediction::riskLevel).toList();

        assertEquals(List.of(RiskLevel.LOW, RiskLevel.LOW, RiskLevel.MEDIUM, RiskLevel.MEDIUM, RiskLevel.HIGH,
                RiskLevel.HIGH), levels);
    }

    @Test
    void a_given_risk_level_is_kept_even_when_the_thresholds_would_say_otherwise() {
        Prediction recorded = recordPrediction.record(ORIGIN, new PredictionToRecord(null, 0.95, RiskLevel.LOW, "m", null, null));

        assertEquals(RiskLevel.LOW, recorded.riskLevel());
    }

    @Test
    void without_a_prediction_date_it_is_the_time_of_recording() {
        Prediction recorded = recordPrediction.record(ORIGIN, new PredictionToRecord(null, 0.3, null, "m", null, null));

        assertEquals(NOW, recorded.predictionDate());
        assertEquals(predictions.all(), List.of(recorded));
    }
}
