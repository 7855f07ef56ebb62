package dev.mlledger.bootstrap.http;

import dev.mlledger.adapters.persistence.testing.FreshDatabaseTest;
import dev.mlledger.bootstrap.testing.RawHttp;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

@MicronautTest(transactional = false)
class PrometheusEndpointTest extends FreshDatabaseTest {

    @Inject
    EmbeddedServer server;

    @Test
    void after_a_prediction_prometheus_shows_its_route_timer_the_pool_and_the_prediction_counter() {
        RawHttp http = new RawHttp(server.getURL());
        HttpResponse<String> predicted = http.postJson("/api/v1/predict", "{\"features\": {\"age\": 30, "
                + "\"monthly_income\": 4000, \"overtime\": true, \"job_satisfaction\": 3}}");
        assertEquals(200, predicted.statusCode(), predicted.body());

        HttpResponse<String> metrics = http.get("/prometheus");

        assertEquals(200, metrics.statusCode());
        assertTrue(metrics.headers().firstValue("Content-Type").orElse("").startsWith("text/plain"));
        String body = metrics.body();
        assertTrue(body.contains("http_server_requests_seconds_count{exception=\"none\",method=\"POST\",status=\"200\",uri=\"/api/v1/predict\"}"), body);
        assertTrue(body.contains("hikaricp_connections_active"), "pool gauges");
        assertTrue(body.lines().anyMatch(line -> line.startsWith("mlledger_predictions_total{") && line.contains("source=\"scored\"")
                && !line.endsWith(" 0.0")), "a scored prediction is counted");
        assertTrue(body.contains("mlledger_request_log_queue_depth "), "request-log queue depth");
        assertTrue(body.contains("mlledger_request_log_queue_capacity 10000.0"), "request-log queue capacity");
        assertTrue(body.contains("mlledger_request_log_refused_total "), "requests refused for want of room");
        assertTrue(body.contains("mlledger_request_log_write_failures_total "), "failed request-log writes");
        assertFalse(body.contains("mlledger_request_log_dropped"), "the request log drops nothing, so counts no drops");
    }

    @Test
    void once_a_logged_request_is_written_prometheus_shows_the_write_latency_and_an_empty_queue() {
        RawHttp http = new RawHttp(server.getURL());
        assertEquals(200, http.get("/api/v1/model").statusCode());

        String body = "";
        long deadline = System.nanoTime() + 30_000_000_000L;
        while (System.nanoTime() < deadline) {
            body = http.get("/prometheus").body();
            if (value(body, "mlledger_request_log_written_total") >= 1) {
                break;
            }
        }

        assertTrue(value(body, "mlledger_request_log_written_total") >= 1, body);
        assertTrue(value(body, "mlledger_request_log_write_seconds_count") >= 1, "batches written are timed");
        assertTrue(value(body, "mlledger_request_log_write_seconds_sum") > 0, "and take time");
        assertEquals(0.0, value(body, "mlledger_request_log_queue_depth"), "nothing left to write");
    }

    /** The value of an untagged series in a Prometheus text page. */
    private static double value(String page, String series) {
        return page.lines().filter(line -> line.startsWith(series + " ")).findFirst()
                .map(line -> Double.parseDouble(line.substring(series.length() + 1).trim()))
                .orElseThrow(() -> new AssertionError(series + " missing from " + page));
    }

    @Test
    void management_endpoints_other_than_prometheus_are_not_exposed() {
        RawHttp http = new RawHttp(server.getURL());
        for (String path : new String[]{"/beans", "/env", "/refresh", "/threaddump", "/loggers", "/flyway"}) {
            assertEquals(404, http.get(path).statusCode(), path);
        }
    }
}
