package dev.mlledger.adapters.web.binding;

import dev.mlledger.adapters.web.error.ValueExpectations;
import dev.mlledger.adapters.web.testing.WebTest;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Every way a body can fail to bind, or break a rule once bound, answered as one 400 with JSON paths. */
class BodyProblemsTest extends WebTest {

    @Test
    void everyMisfitOfABodyIsNamedByItsJsonPathInOneAnswer() {
        String batch = "{\"items\": [{\"employee_id\": 5, \"features\": {\"age\": 40}},"
                + " {\"features\": {\"age\": 40}, \"extra\": true}, \"E-3\", null,"
                + " {\"features\": [40]}], \"dry_run\": 1}";

        assertEquals(Map.of(
                        "dry_run", "is not a known field",
                        "items[0].employee_id", "must be a string",
                        "items[1].extra", "is not a known field",
                        "items[2]", "must be a JSON object",
                        "items[3]", "must be a JSON object",
                        "items[4].features", "must be a JSON object"),
                errors(send("POST", "/api/v1/predict/batch", batch)));
    }

    @Test
    void numbersAreCheckedForTheirKindAndRange() {
        String points = "{\"metrics\": [{\"name\": \"loss\", \"step\": 2.5, \"value\": 1},"
                + " {\"name\": \"loss\", \"step\": 1e30, \"value\": \"0.5\"},"
                + " {\"name\": \"loss\", \"step\": 1, \"value\": 1e999}]}";

        assertEquals(Map.of(
                        "metrics[0].step", "must be an integer",
                        "metrics[1].step", "is out of range",
                        "metrics[1].value", "must be a number",
                        "metrics[2].value", "must be a finite number"),
                errors(send("POST", "/api/v1/runs/" + java.util.UUID.randomUUID() + "/metrics/batch", points)));
    }

    @Test
    void aTimeMustBeAnIsoDateTimeWithAnOffset() {
        assertEquals(Map.of("prediction_date", ValueExpectations.DATE_TIME),
                errors(send("POST", "/api/v1/predictions",
                        "{\"attrition_prob\": 0.4, \"model_version\": \"m\", \"prediction_date\": \"2026-03-01\"}")));
    }

    @Test
    void textThatNoStoreCanKeepIsNamedWhereItIs() {
        assertEquals(Map.of("items[0].employee_id", "must not contain the NUL character (\\u0000)",
                        "items[1].features.dept", "must not contain half of a surrogate pair (\\ud800 to \\udfff)"),
                errors(send("POST", "/api/v1/predict/batch", "{\"items\": [{\"employee_id\": \"E\\u0000\","
                        + " \"features\": {\"age\": 1}}, {\"features\": {\"age\": 1, \"dept\": \"\\ud800\"}}]}")));
    }

    @Test
    void aBrokenRuleOfTheDomainIsNamedByItsJsonPath() {
        String batch = "{\"items\": [{\"features\": {\"age\": 40}}, {\"features\": {\"age\": \"old\"}},"
                + " {\"employee_id\": \"" + "E".repeat(51) + "\", \"features\": {}}]}";

        assertEquals(Map.of(
                        "items[1].features.age", "must be a number",
                        "items[2].employee_id", "must be 1 to 50 characters",
                        "items[2].features.age", "is required"),
                errors(send("POST", "/api/v1/predict/batch", batch)));
    }

    @Test
    void aMissingRequiredMemberBreaksTheRecordsConstraint() {
        assertEquals(Map.of("metrics", "is required"),
                errors(send("POST", "/api/v1/runs/" + java.util.UUID.randomUUID() + "/metrics/batch", "{}")));
    }

    @Test
    void malformedJsonIsA400SayingWhereTheParserStopped() {
        HttpResponse<String> response = send("POST", "/api/v1/predict", "{\"features\": {\"age\": 40,");

        String detail = (String) body(response, 400).get("detail");
        assertTrue(detail.startsWith("Malformed JSON at line 1"), detail);
    }

    @Test
    void aBodyThatIsNotAnObjectIsNamedBody() {
        assertEquals(Map.of("body", "must be a JSON object"), errors(send("POST", "/api/v1/predict", "[1, 2]")));
    }
}
