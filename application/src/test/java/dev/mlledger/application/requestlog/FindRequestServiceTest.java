package dev.mlledger.application.requestlog;

import dev.mlledger.application.testing.FakeUnitOfWork;
import dev.mlledger.application.testing.InMemoryPredictions;
import dev.mlledger.application.testing.InMemoryRequestLog;
import dev.mlledger.domain.id.Ids;
import dev.mlledger.domain.json.JsonDocument;
import dev.mlledger.domain.prediction.AttritionProbability;
import dev.mlledger.domain.prediction.Prediction;
import dev.mlledger.domain.prediction.RiskLevel;
import dev.mlledger.domain.requestlog.RequestLogEntry;
import dev.mlledger.domain.validation.NotFound;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class FindRequestServiceTest {

    private static final Instant T0 = Instant.parse("2026-11-21T10:00:00Z");

    private final InMemoryPredictions predictions = new InMemoryPredictions();
    private final InMemoryRequestLog requestLog = new InMemoryRequestLog(predictions);
    private final FakeUnitOfWork unitOfWork = new FakeUnitOfWork();
    private final FindRequest find = new FindRequestService(requestLog, predictions, unitOfWork);

    @Test
    void a_logged_request_is_read_with_the_predictions_it_made_and_no_others() {
        RequestLogEntry batch = logged();
        RequestLogEntry other = logged();
        Prediction first = prediction(batch, 0.2);
        Prediction second = prediction(batch, 0.9);
        predictions.addAll(List.of(first, prediction(other, 0.5), second));

        RequestDetails details = find.byId(batch.id());

        assertEquals(new RequestDetails(batch, List.of(first, second)), details);
        assertEquals(1, unitOfWork.reads());
        assertEquals(0, unitOfWork.writes());
    }

    @Test
    void a_request_that_made_no_prediction_is_read_with_none() {
        RequestLogEntry health = logged();

        assertEquals(List.of(), find.byId(health.id()).predictions());
    }

    @Test
    void a_request_that_was_not_logged_is_not_found() {
        assertThrows(NotFound.class, () -> find.byId(UUID.randomUUID()));
    }

    private RequestLogEntry logged() {
        RequestLogEntry entry = new RequestLogEntry(Ids.newId(), T0, "/api/v1/predict", "POST",
                JsonDocument.EMPTY_OBJECT, "127.0.0.1", "test", 200, 3);
        requestLog.append(List.of(entry));
        return entry;
    }

    private static Prediction prediction(RequestLogEntry madeBy, double probability) {
        return new Prediction(Ids.newId(), madeBy.id(), T0, T0, null, new AttritionProbability(probability),
                RiskLevel.MEDIUM, "m", null);
    }
}
