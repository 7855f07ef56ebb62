package dev.mlledger.adapters.web.requestlog;

import dev.mlledger.adapters.web.testing.DirectRecorder;
import dev.mlledger.adapters.web.testing.WebTest;
import dev.mlledger.application.requestlog.RecordApiRequest;
import dev.mlledger.domain.requestlog.RequestLogEntry;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

/** A request the request log has no room for is refused before it is carried out, and the refusal is logged. */
class RequestLogAdmissionTest extends WebTest {

    @Inject
    RecordApiRequest recorder;

    @AfterEach
    void roomAgain() {
        log().refuse(false);
    }

    @Test
    void aRequestTheLogHasNoRoomForIsNotCarriedOutAndIsAnswered503WithRetryAfterAndLogged() {
        log().refuse(true);

        HttpResponse<String> refused = send("POST", "/api/v1/experiments",
                "{\"name\": \"refused-experiment\", \"owner\": \"alice\"}");

        Map<String, Object> problem = body(refused, 503);
        assertEquals("application/problem+json", refused.headers().firstValue("Content-Type").orElse(""));
        assertEquals("1", refused.headers().firstValue("Retry-After").orElse(null));
        assertEquals(503, problem.get("status"));
        RequestLogEntry logged = log().recorded().getLast();
        assertEquals(List.of("/api/v1/experiments", "POST", 503),
                List.of(logged.endpoint(), logged.method(), logged.httpStatus()));
        log().refuse(false);
        String listed = send("GET", "/api/v1/experiments", null).body();
        assertFalse(listed.contains("refused-experiment"), listed);
    }

    private DirectRecorder log() {
        return (DirectRecorder) recorder;
    }
}
