package dev.mlledger.bootstrap.http;

import dev.mlledger.adapters.persistence.testing.FreshDatabaseTest;
import dev.mlledger.application.access.IssueApiToken;
import dev.mlledger.application.access.NewApiToken;
import dev.mlledger.application.idempotency.PurgeIdempotencyKeys;
import dev.mlledger.bootstrap.testing.RawHttp;
import dev.mlledger.bootstrap.testing.Rows;
import dev.mlledger.domain.access.Role;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static dev.mlledger.bootstrap.testing.Json.errorFields;
import static dev.mlledger.bootstrap.testing.ProblemAssertions.assertProblem;
import static dev.mlledger.bootstrap.testing.ProblemAssertions.parse;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code Idempotency-Key} on every POST route, on PostgreSQL: a repeat is answered byte for byte and writes
 * nothing, another body under the key is a 422, a repeat while the first still runs a 409 at once; keys are per
 * caller and expire; errors are not kept; a request without the header is done every time.
 */
@MicronautTest(transactional = false)
class IdempotencyKeyEndpointTest extends FreshDatabaseTest {

    private static final String KEY = "Idempotency-Key";
    private static final String REPLAYED = "Idempotent-Replayed";
    private static final String FEATURES =
            "{\"age\": 41, \"monthly_income\": 5993, \"overtime\": true, \"job_satisfaction\": 2}";

    @Inject
    EmbeddedServer server;

    @Inject
    PurgeIdempotencyKeys purgeIdempotencyKeys;

    @Inject
    IssueApiToken issueApiToken;

    private final ExecutorService clients = Executors.newCachedThreadPool();

    @AfterAll
    void stopClients() {
        clients.shutdownNow();
    }

    private RawHttp http() {
        return new RawHttp(server.getURL());
    }

    /**
     * A POST route, with a body, another body, what it answers, the table its writes wait for when a test locks it,
     * and a query whose answer changes with every write the route makes (the metric routes replace a point of the
     * same name and step, so their query reads its time too).
     */
    private record Route(String path, String body, String otherBody, int status, String table, String writes) {
    }

    private Route route(String name) {
        return switch (name) {
            case "predict" -> new Route("/api/v1/predict", "{\"employee_id\": \"E-1\", \"features\": " + FEATURES + "}",
                    "{\"employee_id\": \"E-2\", \"features\": " + FEATURES + "}", 200, "predictions",
                    "SELECT count(*)::text FROM predictions");
            case "predict batch" -> new Route("/api/v1/predict/batch", "{\"items\": [{\"features\": " + FEATURES
                    + "}, {\"employee_id\": \"E-9\", \"features\": " + FEATURES + "}]}",
                    "{\"items\": [{\"features\": " + FEATURES + "}]}", 200, "predictions",
                    "SELECT count(*)::text FROM predictions");
            case "record prediction" -> new Route("/api/v1/predictions",
                    "{\"employee_id\": \"E-1\", \"attrition_prob\": 0.42, \"model_version\": \"xgb-1\"}",
                    "{\"employee_id\": \"E-1\", \"attrition_prob\": 0.43, \"model_version\": \"xgb-1\"}", 201,
                    "predictions", "SELECT count(*)::text FROM predictions");
            case "create experiment" -> new Route("/api/v1/experiments",
                    "{\"name\": \"baseline\", \"owner\": \"alice\", \"runs\": [{\"seed\": 1}]}",
                    "{\"name\": \"baseline\", \"owner\": \"bob\"}", 201, "experiments",
                    "SELECT count(*)::text FROM experiments");
            case "start run" -> new Route("/api/v1/experiments/" + experiment() + "/runs", "{\"seed\": 42}",
                    "{\"seed\": 43}", 201, "runs", "SELECT count(*)::text FROM runs");
            case "log metric" -> new Route("/api/v1/runs/" + run() + "/metrics",
                    "{\"name\": \"loss\", \"step\": 1, \"value\": 0.5}", "{\"name\": \"loss\", \"step\": 1, \"value\": 0.6}",
                    201, "metrics", "SELECT count(*) || ' ' || coalesce(max(timestamp)::text, '') FROM metrics");
            case "log metric batch" -> new Route("/api/v1/runs/" + run() + "/metrics/batch",
                    "{\"metrics\": [{\"name\": \"loss\", \"step\": 1, \"value\": 0.5}, {\"name\": \"acc\", \"step\": 1, \"value\": 0.9}]}",
                    "{\"metrics\": [{\"name\": \"loss\", \"step\": 1, \"value\": 0.5}]}", 201, "metrics",
                    "SELECT count(*) || ' ' || coalesce(max(timestamp)::text, '') FROM metrics");
            default -> throw new IllegalArgumentException(name);
        };
    }

    private String experiment() {
        HttpResponse<String> created = http().postJson("/api/v1/experiments", "{\"name\": \"e\", \"owner\": \"o\"}");
        assertEquals(201, created.statusCode(), created.body());
        return (String) parse(created.body()).get("id");
    }

    private String run() {
        HttpResponse<String> started = http().postJson("/api/v1/experiments/" + experiment() + "/runs", "{}");
        assertEquals(201, started.statusCode(), started.body());
        return (String) parse(started.body()).get("id");
    }

    private String writes(Route route) {
        return String.valueOf(Rows.query(database, route.writes()).getFirst().values().iterator().next());
    }

    private static String newKey() {
        return "key-" + UUID.randomUUID();
    }

    private static String text(HttpResponse<byte[]> response) {
        return new String(response.body(), StandardCharsets.UTF_8);
    }

    @ParameterizedTest
    @ValueSource(strings = {"predict", "predict batch", "record prediction", "create experiment", "start run",
            "log metric", "log metric batch"})
    void a_repeat_with_the_same_key_and_body_gets_the_first_answer_byte_for_byte_and_writes_nothing(String name)
            throws InterruptedException {
        Route route = route(name);
        String key = newKey();
        String before = writes(route);

        HttpResponse<byte[]> first = http().postJsonForBytes(route.path(), route.body(), KEY, key);
        String afterFirst = writes(route);
        Thread.sleep(2);   // a write done again now would have a later time
        HttpResponse<byte[]> second = http().postJsonForBytes(route.path(), route.body(), KEY, key);
        HttpResponse<byte[]> third = http().postJsonForBytes(route.path(), route.body(), KEY, key);
        String afterRepeats = writes(route);
        HttpResponse<String> withoutKey = http().postJson(route.path(), route.body());

        assertEquals(route.status(), first.statusCode(), () -> text(first));
        assertTrue(first.headers().firstValue(REPLAYED).isEmpty(), "the first answer is no replay");
        assertNotEquals(before, afterFirst, "the first request wrote");
        for (HttpResponse<byte[]> repeat : List.of(second, third)) {
            assertEquals(route.status(), repeat.statusCode(), () -> text(repeat));
            assertArrayEquals(first.body(), repeat.body(), () -> text(first) + " replayed as " + text(repeat));
            assertEquals("true", repeat.headers().firstValue(REPLAYED).orElse(null));
            assertEquals(first.headers().firstValue("Location"), repeat.headers().firstValue("Location"));
            assertEquals(first.headers().firstValue("Content-Type"), repeat.headers().firstValue("Content-Type"));
        }
        assertEquals(route.status() == 201, first.headers().firstValue("Location").isPresent()
                || name.startsWith("log metric"), "a created thing is located, as without the header");
        assertEquals(afterFirst, afterRepeats, "the repeats wrote nothing");
        assertEquals(route.status(), withoutKey.statusCode(), withoutKey.body());
        assertNotEquals(afterRepeats, writes(route), "without the header the same request is done again");
        assertEquals(List.of(Map.of("status", route.status())),
                Rows.query(database, "SELECT status::int AS status FROM idempotency_keys WHERE idempotency_key = ?", key));
    }

    @ParameterizedTest
    @ValueSource(strings = {"predict", "predict batch", "record prediction", "create experiment", "start run",
            "log metric", "log metric batch"})
    void the_same_key_with_another_body_is_a_422_problem_and_writes_nothing(String name) {
        Route route = route(name);
        String key = newKey();
        HttpResponse<String> first = http().postJson(route.path(), route.body(), KEY, key);
        String afterFirst = writes(route);

        HttpResponse<String> other = http().postJson(route.path(), route.otherBody(), KEY, key);

        assertEquals(route.status(), first.statusCode(), first.body());
        assertProblem(other, 422);
        assertEquals(afterFirst, writes(route));
    }

    @ParameterizedTest
    @ValueSource(strings = {"predict", "predict batch", "record prediction", "create experiment", "start run",
            "log metric", "log metric batch"})
    void a_repeat_while_the_first_is_still_being_carried_out_is_a_409_at_once_and_later_gets_the_first_answer(
            String name) throws Exception {
        Route route = route(name);
        String key = newKey();
        Future<HttpResponse<byte[]>> first;
        HttpResponse<String> meanwhile;
        Duration waited;
        try (Connection locker = database.connect(); Statement statement = locker.createStatement()) {
            locker.setAutoCommit(false);
            statement.execute("LOCK TABLE " + route.table() + " IN ACCESS EXCLUSIVE MODE");
            first = clients.submit(() -> http().postJsonForBytes(route.path(), route.body(), KEY, key));
            awaitWaitingFor(route.table());

            Instant sent = Instant.now();
            meanwhile = http().postJson(route.path(), route.body(), KEY, key);
            waited = Duration.between(sent, Instant.now());
            locker.rollback();
        }
        HttpResponse<byte[]> answered = first.get(30, TimeUnit.SECONDS);
        HttpResponse<byte[]> later = http().postJsonForBytes(route.path(), route.body(), KEY, key);

        assertProblem(meanwhile, 409);
        assertEquals("1", meanwhile.headers().firstValue("Retry-After").orElse(null));
        assertTrue(waited.compareTo(Duration.ofSeconds(5)) < 0, "answered without waiting for the first: " + waited);
        assertEquals(route.status(), answered.statusCode(), () -> text(answered));
        assertEquals(route.status(), later.statusCode(), () -> text(later));
        assertArrayEquals(answered.body(), later.body());
        assertEquals("true", later.headers().firstValue(REPLAYED).orElse(null));
    }

    /** Until a statement of the service waits for the lock this test holds on the table. */
    private void awaitWaitingFor(String table) throws InterruptedException {
        Instant deadline = Instant.now().plusSeconds(20);
        while (Rows.count(database, "SELECT count(*) FROM pg_locks WHERE NOT granted AND relation = to_regclass(?)",
                table) == 0) {
            assertTrue(Instant.now().isBefore(deadline), "the first request never reached the locked table");
            Thread.sleep(20);
        }
    }

    @Test
    void keys_are_per_caller_so_two_callers_using_the_same_key_get_their_own_answers() {
        Route route = route("create experiment");
        String key = newKey();
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        RawHttp alice = http().as(issueApiToken.issue(new NewApiToken("alice-" + suffix, Role.ADMIN, 1)).secret());
        RawHttp bob = http().as(issueApiToken.issue(new NewApiToken("bob-" + suffix, Role.ADMIN, 1)).secret());
        long before = Rows.count(database, "SELECT count(*) FROM experiments");

        HttpResponse<String> byAlice = alice.postJson(route.path(), route.body(), KEY, key);
        HttpResponse<String> byBob = bob.postJson(route.path(), route.body(), KEY, key);
        HttpResponse<String> byAdmin = http().postJson(route.path(), route.otherBody(), KEY, key);
        HttpResponse<String> byAliceAgain = alice.postJson(route.path(), route.body(), KEY, key);

        assertEquals(201, byAlice.statusCode(), byAlice.body());
        assertEquals(201, byBob.statusCode(), byBob.body());
        assertEquals(201, byAdmin.statusCode(), byAdmin.body());
        assertNotEquals(parse(byAlice.body()).get("id"), parse(byBob.body()).get("id"));
        assertEquals(byAlice.body(), byAliceAgain.body());
        assertEquals("true", byAliceAgain.headers().firstValue(REPLAYED).orElse(null));
        assertEquals(before + 3, Rows.count(database, "SELECT count(*) FROM experiments"));
        List<Object> scopes = Rows.query(database,
                "SELECT scope FROM idempotency_keys WHERE idempotency_key = ? ORDER BY scope", key).stream()
                .map(row -> row.get("scope")).toList();
        assertEquals(3, scopes.size(), scopes::toString);
        assertTrue(scopes.containsAll(List.of("alice-" + suffix, "bob-" + suffix)), scopes::toString);
    }

    @Test
    void a_key_is_kept_24_hours_then_the_same_key_is_a_new_request_and_expired_keys_are_purged() {
        Route route = route("create experiment");
        String key = newKey();
        HttpResponse<String> first = http().postJson(route.path(), route.body(), KEY, key);
        long keptSeconds = Rows.count(database, "SELECT extract(epoch FROM expires_at - created_at)::bigint"
                + " FROM idempotency_keys WHERE idempotency_key = ?", key);
        long before = Rows.count(database, "SELECT count(*) FROM experiments");
        String expire = "UPDATE idempotency_keys SET created_at = created_at - interval '25 hours',"
                + " expires_at = expires_at - interval '25 hours' WHERE idempotency_key = ?";

        Rows.update(database, expire, key);
        HttpResponse<String> dayLater = http().postJson(route.path(), route.otherBody(), KEY, key);
        long afterDayLater = Rows.count(database, "SELECT count(*) FROM experiments");
        Rows.update(database, expire, key);
        long purged = purgeIdempotencyKeys.purgeExpired();

        assertEquals(201, first.statusCode(), first.body());
        assertEquals(Duration.ofHours(24).toSeconds(), keptSeconds, "mlledger.idempotency.ttl, 24h by default");
        assertEquals(201, dayLater.statusCode(), dayLater.body());
        assertTrue(dayLater.headers().firstValue(REPLAYED).isEmpty());
        assertEquals(before + 1, afterDayLater, "an expired key does not replay; its new request is done");
        assertTrue(purged >= 1, "purged " + purged);
        assertEquals(0, Rows.count(database, "SELECT count(*) FROM idempotency_keys WHERE idempotency_key = ?", key));
    }

    @Test
    void a_malformed_key_is_a_400_naming_the_header_and_the_quoted_form_names_the_same_key_as_the_bare_one() {
        Route route = route("create experiment");
        long before = Rows.count(database, "SELECT count(*) FROM experiments");
        String bare = "quoted-" + UUID.randomUUID();

        HttpResponse<String> empty = http().postJson(route.path(), route.body(), KEY, "");
        HttpResponse<String> tooLong = http().postJson(route.path(), route.body(), KEY, "k".repeat(256));
        HttpResponse<String> twice = http().postJson(route.path(), route.body(), KEY, "a", KEY, "b");
        HttpResponse<String> badQuoting = http().postJson(route.path(), route.body(), KEY, "\"a\"b\"");
        long afterRefusals = Rows.count(database, "SELECT count(*) FROM experiments");
        HttpResponse<String> longest = http().postJson(route.path(), route.body(), KEY, "k".repeat(255));
        HttpResponse<String> quoted = http().postJson(route.path(), route.body(), KEY, "\"" + bare + "\"");
        HttpResponse<String> bareAgain = http().postJson(route.path(), route.body(), KEY, bare);

        for (HttpResponse<String> refused : List.of(empty, tooLong, twice, badQuoting)) {
            assertEquals(List.of(KEY), errorFields(assertProblem(refused, 400)));
        }
        assertEquals(before, afterRefusals, "a refused key does nothing");
        assertEquals(201, longest.statusCode(), longest.body());
        assertEquals(201, quoted.statusCode(), quoted.body());
        assertEquals(quoted.body(), bareAgain.body());
        assertEquals("true", bareAgain.headers().firstValue(REPLAYED).orElse(null));
    }

    @Test
    void a_repeat_whose_body_differs_only_in_spacing_and_number_spelling_is_the_same_request() {
        Route route = route("log metric");
        String key = newKey();

        HttpResponse<String> first = http().postJson(route.path(), "{\"name\": \"loss\", \"step\": 1, \"value\": 0.5}",
                KEY, key);
        HttpResponse<String> respelt = http().postJson(route.path(), "{ \"name\":\"loss\",\"step\":1.0,\"value\":5e-1 }",
                KEY, key);

        assertEquals(201, first.statusCode(), first.body());
        assertEquals(first.body(), respelt.body());
        assertEquals("true", respelt.headers().firstValue(REPLAYED).orElse(null));
    }

    @Test
    void error_answers_are_not_kept_so_the_key_can_be_used_again_once_the_request_is_corrected() {
        Route route = route("record prediction");
        String key = newKey();
        String missing = "/api/v1/experiments/" + UUID.randomUUID() + "/runs";

        HttpResponse<String> invalid = http().postJson(route.path(),
                "{\"employee_id\": \"E-1\", \"attrition_prob\": 1.5, \"model_version\": \"xgb-1\"}", KEY, key);
        HttpResponse<String> corrected = http().postJson(route.path(), route.body(), KEY, key);
        HttpResponse<String> notFound = http().postJson(missing, "{}", KEY, "missing-" + key);
        HttpResponse<String> notFoundAgain = http().postJson(missing, "{}", KEY, "missing-" + key);

        assertProblem(invalid, 400);
        assertEquals(201, corrected.statusCode(), corrected.body());
        assertProblem(notFound, 404);
        assertProblem(notFoundAgain, 404);
        assertEquals(List.of(Map.of("idempotency_key", key, "status", 201)), Rows.query(database,
                "SELECT idempotency_key, status::int AS status FROM idempotency_keys WHERE idempotency_key IN (?, ?)",
                key, "missing-" + key));
    }

    @Test
    void when_storing_the_answer_fails_the_prediction_goes_with_it_and_the_failed_request_is_still_logged()
            throws Exception {
        String key = "refused-" + UUID.randomUUID();
        Rows.execute(database, "ALTER TABLE idempotency_keys ADD CONSTRAINT test_refuses_one_key"
                + " CHECK (idempotency_key <> '" + key + "')");
        String body = "{\"employee_id\": \"E-" + UUID.randomUUID().toString().substring(0, 8) + "\", \"features\": "
                + FEATURES + "}";
        long predictionsBefore = Rows.count(database, "SELECT count(*) FROM predictions");
        try {
            HttpResponse<String> failed = http().postJson("/api/v1/predict", body, KEY, key);

            assertProblem(failed, 500);
            assertEquals(predictionsBefore, Rows.count(database, "SELECT count(*) FROM predictions"),
                    "nothing half-written: the prediction and its request row were rolled back with the answer");
            String logged = "SELECT count(*) FROM api_requests WHERE http_status = 500 AND request_data = ?::jsonb";
            Instant deadline = Instant.now().plusSeconds(10);
            while (Rows.count(database, logged, body) == 0 && Instant.now().isBefore(deadline)) {
                Thread.sleep(50);
            }
            assertEquals(1, Rows.count(database, logged, body), "the request-log filter logged the failed request");
        } finally {
            Rows.execute(database, "ALTER TABLE idempotency_keys DROP CONSTRAINT test_refuses_one_key");
        }
    }

    @Test
    void a_replay_is_logged_as_a_request_of_its_own_but_stores_no_second_prediction() throws Exception {
        String body = "{\"employee_id\": \"E-" + UUID.randomUUID().toString().substring(0, 8) + "\", \"features\": "
                + FEATURES + "}";
        Route route = new Route("/api/v1/predict", body, body, 200, "predictions", "");
        String key = newKey();
        long predictionsBefore = Rows.count(database, "SELECT count(*) FROM predictions");

        HttpResponse<String> first = http().postJson(route.path(), route.body(), KEY, key);
        HttpResponse<String> replay = http().postJson(route.path(), route.body(), KEY, key);
        HttpResponse<String> replayAgain = http().postJson(route.path(), route.body(), KEY, key);

        assertEquals(200, first.statusCode(), first.body());
        assertEquals(first.body(), replay.body());
        assertEquals(first.body(), replayAgain.body());
        assertEquals(predictionsBefore + 1, Rows.count(database, "SELECT count(*) FROM predictions"));
        String requestId = (String) parse(first.body()).get("request_id");
        String logged = "SELECT count(*) FROM api_requests WHERE endpoint = '/api/v1/predict' AND http_status = 200"
                + " AND request_data = ?::jsonb";
        Instant deadline = Instant.now().plusSeconds(10);
        while (Rows.count(database, logged, route.body()) < 3 && Instant.now().isBefore(deadline)) {
            Thread.sleep(50);
        }
        assertEquals(3, Rows.count(database, logged, route.body()), "the request and its two replays are logged");
        assertEquals(1, Rows.count(database, "SELECT count(*) FROM predictions WHERE request_id = ?::uuid", requestId));
        assertEquals(1, Rows.count(database, "SELECT count(*) FROM predictions p JOIN api_requests r"
                + " ON r.id = p.request_id WHERE r.request_data = ?::jsonb", route.body()),
                "only the first request's row has a prediction");
    }
}
