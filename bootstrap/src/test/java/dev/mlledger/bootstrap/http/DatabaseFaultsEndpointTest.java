package dev.mlledger.bootstrap.http;

import dev.mlledger.adapters.persistence.testing.FreshDatabaseTest;
import dev.mlledger.bootstrap.testing.RawHttp;
import dev.mlledger.bootstrap.testing.Rows;
import dev.mlledger.bootstrap.testing.Rows.Stored;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import static dev.mlledger.bootstrap.testing.ProblemAssertions.assertProblem;
import static dev.mlledger.bootstrap.testing.ProblemAssertions.parse;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * The database cuts the service's connections while clients score: every answer is a 200 whose prediction is
 * stored, or a 503 problem with Retry-After that a client can back off from; never a 500. Only the backends of
 * this class's own database are terminated.
 */
@MicronautTest(transactional = false)
class DatabaseFaultsEndpointTest extends FreshDatabaseTest {

    private static final Logger LOG = LoggerFactory.getLogger(DatabaseFaultsEndpointTest.class);
    private static final String PREDICT = "/api/v1/predict";
    private static final String LIST = "/api/v1/predictions?limit=5";
    private static final String FEATURES = "{\"age\": 36.9, \"monthly_income\": 6503, \"overtime\": false, \"job_satisfaction\": 2.73}";
    private static final int SCORING_CLIENTS = 6;
    private static final int READING_CLIENTS = 1;
    private static final Duration KILL_EVERY = Duration.ofMillis(100);
    /** Load runs at least this long, and on until a fault has reached a client, but never longer than the most. */
    private static final Duration LEAST_LOAD = Duration.ofSeconds(3);
    private static final Duration MOST_LOAD = Duration.ofSeconds(15);
    private static final Duration RECOVERY = Duration.ofSeconds(30);
    private static final String TERMINATE_THE_POOLS_BACKENDS = """
            SELECT count(*) FILTER (WHERE pg_terminate_backend(pid)) FROM pg_stat_activity
            WHERE datname = current_database() AND pid <> pg_backend_pid()""";

    @Inject
    EmbeddedServer server;

    @Override
    protected Map<String, String> settings() {
        // a pool that cannot get a connection says so within a second (503), rather than after the default 3 s
        return Map.of("datasources.default.connection-timeout", "1000");
    }

    /** One answer a client got, or the exception it got instead of an answer. */
    private record Outcome(String path, HttpResponse<String> response, RuntimeException failure) {
    }

    @Test
    void scoring_while_the_database_terminates_the_pools_connections_answers_only_200_or_503_and_every_200_is_a_stored_row()
            throws Exception {
        RawHttp http = new RawHttp(server.getURL());
        UUID beforehand = predictionId(http.postJson(PREDICT, body(0)));
        ConcurrentLinkedQueue<Outcome> outcomes = new ConcurrentLinkedQueue<>();
        AtomicBoolean stop = new AtomicBoolean();
        AtomicInteger unavailable = new AtomicInteger();
        ExecutorService clients = Executors.newFixedThreadPool(SCORING_CLIENTS + READING_CLIENTS);
        int terminated = 0;
        try {
            for (int client = 0; client < SCORING_CLIENTS + READING_CLIENTS; client++) {
                boolean scoring = client < SCORING_CLIENTS;
                clients.submit(() -> {
                    for (int n = 1; !stop.get(); n++) {
                        Outcome outcome = scoring ? send(http, PREDICT, body(n)) : send(http, LIST, null);
                        if (outcome.response() != null && outcome.response().statusCode() == 503) {
                            unavailable.incrementAndGet();
                        }
                        outcomes.add(outcome);
                    }
                });
            }
            try (Connection killer = database.connect(); Statement statement = killer.createStatement()) {
                long start = System.nanoTime();
                Duration loaded;
                do {
                    Thread.sleep(KILL_EVERY.toMillis());
                    terminated += terminate(statement);
                    loaded = Duration.ofNanos(System.nanoTime() - start);
                } while (loaded.compareTo(MOST_LOAD) < 0
                        && (loaded.compareTo(LEAST_LOAD) < 0 || unavailable.get() == 0));
            }
        } finally {
            stop.set(true);
            clients.shutdown();
            assertTrue(clients.awaitTermination(1, TimeUnit.MINUTES), "clients stopped");
        }
        UUID afterwards = recoveredPrediction(http);

        Map<Integer, Integer> statuses = new TreeMap<>();
        List<String> failures = new ArrayList<>();
        Set<UUID> answered = new HashSet<>(Set.of(beforehand, afterwards));
        int unavailablePredictions = 0;
        for (Outcome outcome : outcomes) {
            if (outcome.failure() != null) {
                failures.add(outcome.path() + ": " + outcome.failure());
                continue;
            }
            HttpResponse<String> response = outcome.response();
            statuses.merge(response.statusCode(), 1, Integer::sum);
            if (response.statusCode() == 503) {
                assertProblem(response, 503);
                assertEquals("5", response.headers().firstValue("Retry-After").orElse(null), response::body);
                unavailablePredictions += outcome.path().equals(PREDICT) ? 1 : 0;
            } else if (response.statusCode() == 200 && outcome.path().equals(PREDICT)) {
                answered.add(predictionId(response));
            }
        }
        Set<UUID> stored = storedPredictionIds();
        Stored rows = Stored.in(database);
        LOG.info("Statuses while {} backends were terminated: {}; {} predictions answered 200, {} stored",
                terminated, statuses, answered.size(), stored.size());

        assertEquals(List.of(), failures, "every request got an answer");
        assertEquals(Set.of(200, 503), statuses.keySet(), "statuses " + statuses + ": only 200 and 503, and both");
        assertTrue(terminated > 0, "backends were terminated");
        Set<UUID> lost = new HashSet<>(answered);
        lost.removeAll(stored);
        assertEquals(Set.of(), lost, "predictions answered 200 but not stored");
        // a 503 from a commit whose acknowledgement was cut may still have stored its prediction, no other
        assertTrue(stored.size() - answered.size() <= unavailablePredictions,
                stored.size() + " stored, " + answered.size() + " answered 200, " + unavailablePredictions + " 503");
        assertEquals(rows.predictions(), rows.rolledUpPredictions(), "every stored prediction is in the roll-ups");
    }

    private static Outcome send(RawHttp http, String path, String body) {
        try {
            return new Outcome(path, body == null ? http.get(path) : http.postJson(path, body), null);
        } catch (RuntimeException e) {
            return new Outcome(path, null, e);
        }
    }

    private static String body(int n) {
        return "{\"employee_id\": \"F-" + n + "\", \"features\": " + FEATURES + "}";
    }

    private static int terminate(Statement statement) throws SQLException {
        try (ResultSet result = statement.executeQuery(TERMINATE_THE_POOLS_BACKENDS)) {
            result.next();
            return result.getInt(1);
        }
    }

    /** Once the connections are left alone, the pool replaces the dead ones and scoring works again. */
    private static UUID recoveredPrediction(RawHttp http) throws InterruptedException {
        long deadline = System.nanoTime() + RECOVERY.toNanos();
        HttpResponse<String> response;
        do {
            response = http.postJson(PREDICT, body(-1));
            if (response.statusCode() == 200) {
                return predictionId(response);
            }
            assertEquals(503, response.statusCode(), response::body);
            Thread.sleep(200);
        } while (System.nanoTime() < deadline);
        return fail("scoring did not recover within " + RECOVERY + ": " + response.body());
    }

    private static UUID predictionId(HttpResponse<String> scored) {
        assertEquals(200, scored.statusCode(), scored::body);
        return UUID.fromString((String) parse(scored.body()).get("prediction_id"));
    }

    private Set<UUID> storedPredictionIds() {
        Set<UUID> ids = new HashSet<>();
        for (Map<String, Object> row : Rows.query(database, "SELECT id FROM predictions")) {
            ids.add((UUID) row.get("id"));
        }
        return ids;
    }
}
