package dev.mlledger.bootstrap.http;

import dev.mlledger.adapters.persistence.testing.FreshDatabaseTest;
import dev.mlledger.bootstrap.testing.RawHttp;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;

import static dev.mlledger.bootstrap.testing.ProblemAssertions.assertProblem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Every way a request can go wrong gets the same problem+json shape, with nothing internal in it. */
@MicronautTest(transactional = false)
class ErrorResponsesTest extends FreshDatabaseTest {

    @Inject
    EmbeddedServer server;

    private RawHttp http() {
        return new RawHttp(server.getURL());
    }

    @Test
    void a_well_formed_request_to_the_probe_succeeds_so_the_failures_below_are_about_their_input() {
        HttpResponse<String> response = http().postJson("/test-probe/echo", "{\"name\": \"a\", \"count\": 2}");

        assertEquals(200, response.statusCode(), response.body());
    }

    @Test
    void malformed_json_is_a_400_that_says_where_the_parser_stopped() {
        Map<String, Object> problem = assertProblem(http().postJson("/test-probe/echo", "{\"name\": \"a\", "), 400);

        assertTrue(((String) problem.get("detail")).startsWith("Malformed JSON"), problem::toString);
    }

    @Test
    void a_body_property_of_the_wrong_type_is_a_400_naming_the_property() {
        Map<String, Object> problem = assertProblem(
                http().postJson("/test-probe/echo", "{\"name\": \"a\", \"count\": \"many\"}"), 400);

        assertEquals(List.of(Map.of("field", "count", "message", "must be an integer")), problem.get("errors"));
    }

    @Test
    void a_body_property_out_of_its_range_is_a_400_naming_the_property() {
        Map<String, Object> problem = assertProblem(
                http().postJson("/test-probe/echo", "{\"name\": \"a\", \"count\": 99999999999}"), 400);

        assertEquals(List.of(Map.of("field", "count", "message", "is out of range")), problem.get("errors"));
    }

    @Test
    void a_body_of_the_wrong_json_shape_is_a_400() {
        assertProblem(http().postJson("/test-probe/echo", "[1, 2]"), 400);
    }

    @Test
    void a_missing_body_is_a_400() {
        assertProblem(http().send("POST", "/test-probe/echo", "application/json", ""), 400);
    }

    @Test
    void an_unknown_route_is_a_404() {
        assertProblem(http().get("/api/v1/no-such-thing"), 404);
    }

    @Test
    void a_method_the_route_does_not_support_is_a_405_with_an_allow_header() {
        HttpResponse<String> response = http().send("DELETE", "/test-probe/echo", null, null);

        assertProblem(response, 405);
        assertTrue(response.headers().firstValue("Allow").orElse("").contains("POST"), response.headers()::toString);
    }

    @Test
    void a_body_that_is_not_json_is_a_415() {
        assertProblem(http().send("POST", "/test-probe/echo", "text/plain", "name=a"), 415);
    }

    @Test
    void a_body_over_the_one_mebibyte_limit_is_a_413() {
        String big = "{\"name\": \"" + "x".repeat(1024 * 1024) + "\", \"count\": 1}";

        assertProblem(http().postJson("/test-probe/echo", big), 413);
    }

    @Test
    void a_path_value_that_is_not_a_uuid_is_a_400_naming_the_parameter() {
        Map<String, Object> problem = assertProblem(http().get("/test-probe/items/not-a-uuid"), 400);

        assertEquals(List.of(Map.of("field", "id", "message", "must be a UUID")), problem.get("errors"));
    }

    @Test
    void a_query_value_of_the_wrong_type_is_a_400_naming_the_parameter_as_the_client_wrote_it() {
        Map<String, Object> problem = assertProblem(
                http().get("/test-probe/items/7f1c2a4e-1b3d-4c5e-8f90-123456789abc?min_count=lots"), 400);

        assertEquals(List.of(Map.of("field", "min_count", "message", "must be an integer")), problem.get("errors"));
    }

    @Test
    void an_unexpected_error_is_a_500_that_reveals_nothing_but_a_reference() {
        Map<String, Object> problem = assertProblem(http().get("/test-probe/bug"), 500);

        assertTrue(((String) problem.get("detail")).contains("reference"), problem::toString);
    }

    @Test
    void an_unreachable_database_is_a_503_with_retry_after() {
        HttpResponse<String> response = http().get("/test-probe/database-down");

        assertProblem(response, 503);
        assertEquals("5", response.headers().firstValue("Retry-After").orElse(null));
    }
}
