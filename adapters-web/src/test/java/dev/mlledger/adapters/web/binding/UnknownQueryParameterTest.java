package dev.mlledger.adapters.web.binding;

import dev.mlledger.adapters.web.testing.WebTest;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

class UnknownQueryParameterTest extends WebTest {

    @Test
    void anUnknownQueryParameterIsA400NamingIt() {
        assertEquals(Map.of("riskLevel", "is not a known query parameter"),
                errors(send("GET", "/api/v1/predictions?riskLevel=HIGH", null)));
    }

    @Test
    void everyUnknownQueryParameterIsNamedInOneAnswer() {
        assertEquals(Map.of("days", "is not a known query parameter", "sort", "is not a known query parameter"),
                errors(send("GET", "/api/v1/experiments?owner=alice&days=3&sort=name", null)));
    }

    @Test
    void theQueryParametersARouteDeclaresAreAccepted() {
        body(send("GET", "/api/v1/predictions?risk_level=HIGH&limit=5", null), 200);
        body(send("GET", "/api/v1/analytics/high-risk?days=3", null), 200);
    }

    @Test
    void aBodyRouteDeclaresNoQueryParameters() {
        assertEquals(Map.of("dry_run", "is not a known query parameter"),
                errors(send("POST", "/api/v1/predict?dry_run=true", "{\"features\": {\"age\": 40}}")));
    }
}
