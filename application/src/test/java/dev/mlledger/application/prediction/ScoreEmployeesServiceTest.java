package dev.mlledger.application.prediction;

import dev.mlledger.domain.access.Caller;
import dev.mlledger.domain.access.Role;
import dev.mlledger.application.testing.FakeUnitOfWork;
import dev.mlledger.application.testing.InMemoryPredictions;
import dev.mlledger.application.testing.InMemoryRequestLog;
import dev.mlledger.application.testing.StubAttritionModel;
import dev.mlledger.domain.json.JsonDocument;
import dev.mlledger.domain.prediction.Prediction;
import dev.mlledger.domain.prediction.RiskLevel;
import dev.mlledger.domain.prediction.RiskThresholds;
import dev.mlledger.domain.requestlog.RequestLogEntry;
import dev.mlledger.domain.validation.InvalidInput;
import dev.mlledger.domain.validation.TooManyItems;
import dev.mlledger.domain.validation.Violation;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class ScoreEmployeesServiceTest {

    private static final Instant NOW = Instant.parse("2026-03-10T09:30:15.123456789Z");
    private static final RequestOrigin ORIGIN = new RequestOrigin("/api/v1/predict/batch", "POST",
            new JsonDocument("{\"items\":[]}"), "10.1.2.3", "client/1.0", System.nanoTime(), 200,
            new Caller("ci", Role.SCORER));

    private final InMemoryPredictions predictions = new InMemoryPredictions();
    private final InMemoryRequestLog requestLog = new InMemoryRequestLog(predictions);
    private final FakeUnitOfWork unitOfWork = new FakeUnitOfWork();
    private final ScoreEmployees scoreEmployees = new ScoreEmployeesService(new StubAttritionModel(),
            new RiskThresholds(0.3, 0.6), predictions, unitOfWork, Clock.fixed(NOW, ZoneOffset.UTC));

    @Test
    void a_batch_is_stored_as_one_log_entry_and_one_prediction_per_item_in_one_unit_of_work() {
        List<EmployeeToScore> items = List.of(employee("E-1", 0.1), employee(null, 0.45), employee("E-3", 0.9));

        ScoredEmployees scored = scoreEmployees.scoreBatch(ORIGIN, items);

        assertEquals(1, unitOfWork.writes());
        RequestLogEntry entry = requestLog.all().getFirst();
        assertEquals(1, requestLog.all().size());
        assertEquals(scored.requestId(), entry.id());
        assertEquals(NOW, entry.createdAt(), "the time as the clock gave it; each store keeps what it can");
        assertEquals("/api/v1/predict/batch", entry.endpoint());
        assertEquals("POST", entry.method());
        assertEquals(ORIGIN.requestData(), entry.requestData());
        assertEquals("10.1.2.3", entry.clientIp());
        assertEquals("client/1.0", entry.userAgent());
        assertEquals(new Caller("ci", Role.SCORER), entry.caller());
        assertEquals(200, entry.httpStatus());
        assertEquals(scored.predictions(), predictions.all());
        assertEquals(StubAttritionModel.VERSION, scored.modelVersion());
        assertEquals(3, scored.predictions().size());
        for (int i = 0; i < items.size(); i++) {
            Prediction prediction = scored.predictions().get(i);
            assertEquals(entry.id(), prediction.requestId());
            assertEquals(entry.createdAt(), prediction.createdAt());
            assertEquals(entry.createdAt(), prediction.predictionDate());
            assertEquals(items.get(i).employeeId(), prediction.employeeId());
            assertEquals(items.get(i).featuresSnapshot(), prediction.featuresSnapshot());
            assertEquals(StubAttritionModel.VERSION, prediction.modelVersion());
        }
        assertEquals(List.of(0.1, 0.45, 0.9), scored.predictions().stream().map(p -> p.probability().value()).toList());
        assertEquals(3, scored.predictions().stream().map(Prediction::id).distinct().count());
    }

    @Test
    void risk_levels_follow_the_thresholds_with_each_threshold_starting_the_higher_level() {
        List<Double> scores = List.of(0.0, 0.2999, 0.3, 0.5999, 0.6, 1.0);

        List<RiskLevel> levels = scoreEmployees.scoreBatch(ORIGIN, scores.stream().map(s -> employee("E", s)).toList())
                .predictions().stream().map(Prediction::riskLevel).toList();

        assertEquals(List.of(RiskLevel.LOW, RiskLevel.LOW, RiskLevel.MEDIUM, RiskLevel.MEDIUM, RiskLevel.HIGH,
                RiskLevel.HIGH), levels);
    }

    @Test
    void violations_of_batch_items_are_named_by_their_index_and_nothing_is_stored() {
        List<EmployeeToScore> items = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            items.add(employee("E-" + i, 0.5));
        }
        items.set(1, new EmployeeToScore("E-1", Map.of("score", 0.5, "tenure", 3.0), JsonDocument.EMPTY_OBJECT));
        items.set(3, new EmployeeToScore("x".repeat(51), Map.of("score", 1.5, "overtime", "yes"),
                JsonDocument.EMPTY_OBJECT));

        InvalidInput invalid = assertThrows(InvalidInput.class, () -> scoreEmployees.scoreBatch(ORIGIN, items));

        assertEquals(List.of(
                new Violation("[1].features.tenure", "is not a feature of this model"),
                new Violation("[3].employeeId", "must be 1 to 50 characters"),
                new Violation("[3].features.score", "must be a number between 0 and 1"),
                new Violation("[3].features.overtime", "must be true or false")), invalid.violations());
        assertNothingStored();
    }

    @Test
    void violations_of_a_single_employee_carry_no_index() {
        EmployeeToScore employee = new EmployeeToScore("", Map.of("overtime", true), JsonDocument.EMPTY_OBJECT);

        InvalidInput invalid = assertThrows(InvalidInput.class, () -> scoreEmployees.scoreOne(ORIGIN, employee));

        assertEquals(List.of(new Violation("employeeId", "must be 1 to 50 characters"),
                new Violation("features.score", "is required")), invalid.violations());
        assertNothingStored();
    }

    @Test
    void a_single_employee_is_stored_with_its_log_entry() {
        ScoredEmployees scored = scoreEmployees.scoreOne(ORIGIN, employee("E-7", 0.61));

        Prediction prediction = scored.predictions().getFirst();
        assertEquals(List.of(prediction), predictions.all());
        assertEquals(scored.requestId(), prediction.requestId());
        assertEquals(List.of(scored.requestId()), requestLog.all().stream().map(RequestLogEntry::id).toList());
        assertEquals(RiskLevel.HIGH, prediction.riskLevel());
    }

    @Test
    void a_batch_without_items_is_invalid() {
        InvalidInput empty = assertThrows(InvalidInput.class, () -> scoreEmployees.scoreBatch(ORIGIN, List.of()));
        InvalidInput missing = assertThrows(InvalidInput.class, () -> scoreEmployees.scoreBatch(ORIGIN, null));

        assertEquals("", empty.violations().getFirst().field(), "the list as a whole");
        assertEquals("", missing.violations().getFirst().field());
        assertNothingStored();
    }

    @Test
    void a_batch_over_a_thousand_items_is_too_many_and_a_thousand_are_fine() {
        List<EmployeeToScore> thousandAndOne = Collections.nCopies(1001, employee("E", 0.5));

        TooManyItems tooMany = assertThrows(TooManyItems.class,
                () -> scoreEmployees.scoreBatch(ORIGIN, thousandAndOne));

        assertEquals("", tooMany.field());
        assertEquals(1000, tooMany.max());
        assertNothingStored();

        ScoredEmployees thousand = scoreEmployees.scoreBatch(ORIGIN, thousandAndOne.subList(0, 1000));
        assertEquals(1000, thousand.predictions().size());
        assertEquals(1000, predictions.all().size());
    }

    @Test
    void two_requests_get_two_request_ids() {
        ScoredEmployees first = scoreEmployees.scoreOne(ORIGIN, employee("E-1", 0.1));
        ScoredEmployees second = scoreEmployees.scoreOne(ORIGIN, employee("E-1", 0.1));

        assertEquals(2, requestLog.all().size());
        assertEquals(2, List.of(first.requestId(), second.requestId()).stream().distinct().count());
    }

    private void assertNothingStored() {
        assertEquals(List.of(), requestLog.all());
        assertEquals(List.of(), predictions.all());
        assertEquals(0, unitOfWork.writes());
    }

    private static EmployeeToScore employee(String employeeId, double score) {
        Map<String, Object> features = new HashMap<>();
        features.put("score", score);
        return new EmployeeToScore(employeeId, features, new JsonDocument("{\"score\":" + score + "}"));
    }
}
