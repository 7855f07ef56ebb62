package dev.mlledger.bootstrap.http;

import dev.mlledger.adapters.persistence.testing.FreshDatabaseTest;
import dev.mlledger.bootstrap.testing.RawHttp;
import dev.mlledger.bootstrap.testing.Rows;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;

import static dev.mlledger.bootstrap.testing.ProblemAssertions.assertProblem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A flood of requests against a deliberately tiny request-log queue, written slowly: requests that find no room in
 * time are refused with 503 and Retry-After, and every answered request, 200 or 503, has its row.
 */
@MicronautTest(transactional = false)
class RequestLogFloodTest extends FreshDatabaseTest {

    private static final int CLIENTS = 24;
    private static final int REQUESTS_PER_CLIENT = 12;

    @Inject
    EmbeddedServer server;

    @Override
    protected Map<String, String> settings() {
        // two rows of room, four for refusals, and batches that never fill (so each waits the flush interval):
        // at most six rows every 100 ms, far below what 24 clients ask
        return Map.of(
                "mlledger.request-log.buffer-capacity", "2",
                "mlledger.request-log.refusal-capacity", "4",
                "mlledger.request-log.batch-size", "100",
                "mlledger.request-log.flush-interval", "100ms",
                "mlledger.request-log.admission-wait", "20ms");
    }

    @Test
    void every_answered_request_of_a_flood_has_its_row_and_those_without_room_are_refused_with_503_and_retry_after()
            throws InterruptedException {
        Map<Integer, AtomicInteger> statuses = new ConcurrentHashMap<>();
        ConcurrentLinkedQueue<HttpResponse<String>> refusals = new ConcurrentLinkedQueue<>();
        ConcurrentLinkedQueue<Throwable> failures = new ConcurrentLinkedQueue<>();
        List<Thread> clients = new ArrayList<>();
        for (int c = 0; c < CLIENTS; c++) {
            clients.add(Thread.ofPlatform().start(() -> {
                RawHttp http = new RawHttp(server.getURL());
                for (int i = 0; i < REQUESTS_PER_CLIENT; i++) {
                    try {
                        HttpResponse<String> answer = http.get("/api/v1/model");
                        statuses.computeIfAbsent(answer.statusCode(), s -> new AtomicInteger()).incrementAndGet();
                        if (answer.statusCode() == 503) {
                            refusals.add(answer);
                        }
                    } catch (RuntimeException e) {
                        failures.add(e);
                    }
                }
            }));
        }
        for (Thread client : clients) {
            client.join();
        }

        assertTrue(failures.isEmpty(), () -> "requests without an answer: " + failures);
        int answered = statuses.values().stream().mapToInt(AtomicInteger::get).sum();
        assertEquals(CLIENTS * REQUESTS_PER_CLIENT, answered);
        assertTrue(statuses.keySet().stream().allMatch(status -> status == 200 || status == 503), statuses::toString);
        assertTrue(statuses.containsKey(200) && statuses.containsKey(503), "both served and refused: " + statuses);
        for (HttpResponse<String> refusal : refusals) {
            assertProblem(refusal, 503);
            assertEquals("1", refusal.headers().firstValue("Retry-After").orElse(null));
        }
        String logged = "SELECT count(*) FROM api_requests WHERE endpoint = '/api/v1/model'";
        long deadline = System.nanoTime() + 60_000_000_000L;
        while (Rows.count(database, logged) < answered && System.nanoTime() < deadline) {
            Thread.sleep(100);
        }
        assertEquals(answered, Rows.count(database, logged), "one row per answered request");
        assertEquals(statuses.get(503).get(), Rows.count(database, logged + " AND http_status = 503"),
                "one row per refusal");
        String metrics = new RawHttp(server.getURL()).get("/prometheus").body();
        assertTrue(metrics.contains("mlledger_request_log_refused_total " + statuses.get(503).get() + ".0"),
                metrics);
        Thread.sleep(300);
        assertEquals(answered, Rows.count(database, logged), "and no row twice");
    }
}
