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
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static dev.mlledger.bootstrap.testing.ProblemAssertions.parse;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Concurrent scoring requests are written together (group commit): fewer transactions than requests, and every
 * request answered 200 has its predictions and its request-log row stored, each in the transaction of its group.
 */
@MicronautTest(transactional = false)
class ScoringGroupCommitTest extends FreshDatabaseTest {

    private static final String FEATURES = "{\"age\": 41, \"monthly_income\": 5993, \"overtime\": true, \"job_satisfaction\": 2}";
    private static final int CLIENTS = 24;
    private static final int REQUESTS_EACH = 15;

    @Inject
    EmbeddedServer server;

    @Test
    void concurrent_predictions_share_transactions_and_every_answered_one_is_stored_with_its_logged_request()
            throws Exception {
        RawHttp http = new RawHttp(server.getURL());
        ExecutorService clients = Executors.newFixedThreadPool(CLIENTS);
        List<Future<List<UUID>>> answered = new ArrayList<>();
        for (int client = 0; client < CLIENTS; client++) {
            int c = client;
            answered.add(clients.submit(() -> {
                List<UUID> requestIds = new ArrayList<>();
                for (int n = 0; n < REQUESTS_EACH; n++) {
                    HttpResponse<String> scored = n % 5 == 4
                            ? http.postJson("/api/v1/predict/batch", "{\"items\": [" + employee(c, n, 0) + ", "
                                    + employee(c, n, 1) + "]}")
                            : http.postJson("/api/v1/predict", employee(c, n, 0));
                    assertEquals(200, scored.statusCode(), scored::body);
                    requestIds.add(UUID.fromString((String) parse(scored.body()).get("request_id")));
                }
                return requestIds;
            }));
        }
        Set<UUID> requests = new HashSet<>();
        for (Future<List<UUID>> client : answered) {
            requests.addAll(client.get(2, TimeUnit.MINUTES));
        }
        clients.shutdown();

        Map<UUID, Long> transactionOfRequest = new HashMap<>();
        for (Map<String, Object> row : Rows.query(database,
                "SELECT r.id, r.xmin::text::bigint AS tx, count(p.id) AS predictions FROM api_requests r "
                        + "JOIN predictions p ON p.request_id = r.id AND p.xmin = r.xmin GROUP BY r.id, r.xmin")) {
            transactionOfRequest.put((UUID) row.get("id"), (Long) row.get("tx"));
        }
        assertEquals(CLIENTS * REQUESTS_EACH, requests.size());
        assertTrue(transactionOfRequest.keySet().containsAll(requests),
                "every answered request is stored, its predictions in the transaction of its log row");
        long transactions = requests.stream().map(transactionOfRequest::get).distinct().count();
        assertTrue(transactions < requests.size(), transactions + " transactions for " + requests.size()
                + " concurrent requests: some were written together");
    }

    private static String employee(int client, int n, int i) {
        return "{\"employee_id\": \"G-" + client + "-" + n + "-" + i + "\", \"features\": " + FEATURES + "}";
    }
}
