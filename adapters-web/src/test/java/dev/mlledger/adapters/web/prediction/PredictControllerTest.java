package dev.mlledger.adapters.web.prediction;

import dev.mlledger.adapters.web.testing.WebTest;
import dev.mlledger.domain.requestlog.RequestLog;
import dev.mlledger.domain.requestlog.RequestLogEntry;
import dev.mlledger.domain.transaction.UnitOfWork;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;

class PredictControllerTest extends WebTest {

    @Inject
    RequestLog requestLog;

    @Inject
    UnitOfWork unitOfWork;

    @Test
    void aScoredEmployeeIsAnsweredAndLoggedWithTheStatusTheWebAdapterChose() {
        String sent = "{\"employee_id\": \"E-7\",  \"features\": {\"age\": 40, \"overtime\": true}}";

        Map<String, Object> prediction = body(send("POST", "/api/v1/predict", sent), 200);

        assertEquals("E-7", prediction.get("employee_id"));
        assertEquals("web-test-1", prediction.get("model_version"));
        RequestLogEntry logged = unitOfWork.read(() -> requestLog.find(
                UUID.fromString((String) prediction.get("request_id")))).orElseThrow();
        assertEquals(200, logged.httpStatus());
        assertEquals(sent, logged.requestData().text(), "the body as the client sent it");
    }

    @Test
    void aRecordedPredictionIsA201LoggedAs201() {
        Map<String, Object> recorded = body(send("POST", "/api/v1/predictions",
                "{\"attrition_prob\": 0.7, \"model_version\": \"elsewhere-1\", \"features_snapshot\": {\"a\": [1]}}"), 201);

        assertEquals("HIGH", recorded.get("risk_level"));
        assertEquals(Map.of("a", java.util.List.of(1)), recorded.get("features_snapshot"));
        RequestLogEntry logged = unitOfWork.read(() -> requestLog.find(
                UUID.fromString((String) recorded.get("request_id")))).orElseThrow();
        assertEquals(201, logged.httpStatus());
    }
}
