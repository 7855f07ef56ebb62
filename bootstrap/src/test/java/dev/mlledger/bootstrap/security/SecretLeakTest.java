package dev.mlledger.bootstrap.security;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.ThrowableProxyUtil;
import ch.qos.logback.core.read.ListAppender;
import dev.mlledger.adapters.persistence.testing.FreshDatabaseTest;
import dev.mlledger.bootstrap.security.RouteRules.RouteRule;
import dev.mlledger.bootstrap.testing.RawHttp;
import dev.mlledger.bootstrap.testing.Rows;
import dev.mlledger.bootstrap.testing.SlowProbeController;
import io.micronaut.management.endpoint.EndpointSensitivityProcessor;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.web.router.Router;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

import static dev.mlledger.bootstrap.security.SecurityApi.basic;
import static dev.mlledger.bootstrap.security.SecurityApi.issueToken;
import static dev.mlledger.bootstrap.testing.TrackingApi.body;
import static dev.mlledger.bootstrap.testing.TrackingApi.expect;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Issue 11: a token, or the {@code Authorization} header that carries it, never reaches the database, the logs or
 * an answer. A known token is sent through every route, valid and in malformed headers, as a Basic password and in
 * a query string; then every text column of every table and every line the service logged are searched for it.
 */
@MicronautTest(transactional = false)
class SecretLeakTest extends FreshDatabaseTest {

    private static final String EMPLOYEE = "{\"employee_id\": \"E-3\", \"features\": {\"age\": 36.9, "
            + "\"monthly_income\": 6503, \"overtime\": false, \"job_satisfaction\": 2.73}}";
    /** A plausible body for each route that takes one; "{}" for the others. */
    private static final Map<String, String> BODIES = Map.of(
            "POST /api/v1/predict", EMPLOYEE,
            "POST /api/v1/predict/batch", "{\"items\": [" + EMPLOYEE + "]}",
            "POST /api/v1/predictions", "{\"employee_id\": \"E-4\", \"attrition_prob\": 0.42, "
                    + "\"model_version\": \"xgb_enhanced_v1.0\", \"features_snapshot\": {\"age\": 41}}",
            "POST /api/v1/experiments", "{\"name\": \"leak-check\"}",
            "PATCH /api/v1/experiments/{id}", "{\"description\": \"changed\"}",
            "PATCH /api/v1/runs/{id}", "{\"status\": \"completed\"}",
            "POST /api/v1/runs/{id}/metrics", "{\"name\": \"loss\", \"step\": 1, \"value\": 0.5}",
            "POST /api/v1/runs/{id}/metrics/batch", "{\"metrics\": [{\"name\": \"loss\", \"step\": 2, \"value\": 0.4}]}",
            "POST /api/v1/tokens", "{\"name\": \"made-while-leak-checking\", \"role\": \"reader\"}",
            "POST /test-probe/echo", "{\"name\": \"x\", \"count\": 1}");

    @Inject
    EmbeddedServer server;

    @Inject
    Router router;

    @Inject
    EndpointSensitivityProcessor sensitivity;

    private final ListAppender<ILoggingEvent> log = new ListAppender<>();
    private final List<String> answers = new ArrayList<>();
    private final AtomicInteger sequence = new AtomicInteger();
    private RawHttp admin;
    private String secret;
    /** The secret, one character off: well-formed, looked up, unknown. */
    private String nearMiss;
    private Set<String> needles;

    @Override
    protected Map<String, String> settings() {
        return Map.of(SlowProbeController.ENABLED, "true");
    }

    @BeforeAll
    void sendTheSecretEverywhere() {
        root().addAppender(log);
        log.start();
        admin = new RawHttp(server.getURL());
        secret = issueToken(admin, "leak-probe", "admin");
        nearMiss = secret.substring(0, secret.length() - 1) + (secret.endsWith("A") ? "B" : "A");
        List<String> headers = List.of("Bearer " + secret, "Bearer  " + secret, "bearer " + secret, "Token " + secret,
                secret, "Bearer " + secret + "x", "Bearer " + nearMiss, basic("leak-probe", secret),
                basic(secret, "x"), basic("leak-probe", nearMiss), "Basic " + secret, "Bearer " + secret + ".a.b");
        needles = new LinkedHashSet<>(List.of(secret, nearMiss));
        headers.stream().filter(header -> !header.equals(secret)).forEach(needles::add);
        needles.add(basic("leak-probe", secret).substring("Basic ".length()));

        RawHttp valid = admin.as(secret);
        for (RouteRule route : routes()) {
            for (String header : headers) {
                send(valid.withAuthorization(header), route);
            }
            send(valid, route, "access_token=" + secret);
            send(valid, route, "owner=" + secret);
            send(valid.anonymous(), route, "access_token=" + secret);
            send(valid.anonymous(), route, "token=" + URLEncoder.encode("Bearer " + secret, StandardCharsets.UTF_8));
        }
        // the request log is written in batches: wait for the last request's row
        String last = "after-" + sequence.incrementAndGet();
        expect(200, valid.get("/api/v1/experiments?owner=" + last));
        assertEquals(1, Rows.await(database, Duration.ofSeconds(10),
                "SELECT id FROM api_requests WHERE request_data ->> 'owner' = ?", last).size());
    }

    @AfterAll
    void stopCapturing() {
        root().detachAppender(log);
        log.stop();
    }

    @Test
    void no_text_column_of_any_table_holds_the_token_or_its_header() {
        List<String> found = new ArrayList<>();
        int values = 0;
        for (Map<String, Object> column : Rows.query(database, """
                SELECT table_name, column_name FROM information_schema.columns
                WHERE table_schema = current_schema()
                  AND data_type IN ('text', 'character varying', 'character', 'json', 'jsonb')
                ORDER BY table_name, column_name""")) {
            String table = (String) column.get("table_name");
            String name = (String) column.get("column_name");
            for (Map<String, Object> row : Rows.query(database,
                    "SELECT \"" + name + "\"::text AS v FROM \"" + table + "\" WHERE \"" + name + "\" IS NOT NULL")) {
                values++;
                String value = (String) row.get("v");
                for (String needle : needles) {
                    if (value.contains(needle)) {
                        found.add(table + "." + name + ": " + abbreviated(value));
                    }
                }
            }
        }

        assertTrue(values > 100, "the dump saw " + values + " values: the requests were not logged?");
        assertEquals(List.of(), found.stream().distinct().limit(10).toList(), found.size() + " values hold it");
        // the requests that put it in their query string were logged, without it
        assertTrue(Rows.count(database, "SELECT count(*) FROM api_requests WHERE request_data ->> 'access_token' = ?",
                "[redacted]") > 0, "query strings with the token were logged");
    }

    @Test
    void no_logged_line_holds_the_token_or_its_header() {
        List<String> lines = log.list.stream().map(SecretLeakTest::text).toList();
        List<String> found = lines.stream().filter(line -> needles.stream().anyMatch(line::contains))
                .map(SecretLeakTest::abbreviated).toList();

        assertTrue(lines.stream().anyMatch(line -> line.contains("Unexpected error")),
                "the capture saw the probe's unexpected error: " + lines.size() + " lines");
        assertEquals(List.of(), found);
    }

    @Test
    void no_answer_holds_the_token_or_its_header() {
        List<String> found = answers.stream().filter(answer -> needles.stream().anyMatch(answer::contains))
                .map(SecretLeakTest::abbreviated).toList();

        assertTrue(answers.size() > 300, answers.size() + " answers");
        assertEquals(List.of(), found);
    }

    private List<RouteRule> routes() {
        return new RouteRules(router, sensitivity).all().stream()
                .filter(route -> !route.method().equals("HEAD"))
                .toList();
    }

    private void send(RawHttp client, RouteRule route) {
        send(client, route, null);
    }

    private void send(RawHttp client, RouteRule route, String query) {
        String path = path(route);
        if (query != null) {
            path += (path.contains("?") ? "&" : "?") + query;
        }
        String body = route.method().equals("GET") || route.method().equals("DELETE") ? null
                : BODIES.getOrDefault(route.route(), "{}");
        HttpResponse<String> response = client.send(route.method(), path, body == null ? null : "application/json", body);
        answers.add(response.statusCode() + " " + route.route() + " " + response.headers().map() + " " + response.body());
    }

    /** The route's path with real things in it, where the route needs them. */
    private String path(RouteRule route) {
        String path = route.path();
        if (path.equals("/api/v1/tokens/{name}")) {
            String name = "revocable-" + sequence.incrementAndGet();
            issueToken(admin, name, "reader");
            return "/api/v1/tokens/" + name;
        }
        if (path.startsWith("/api/v1/experiments/{id}")) {
            return path.replace("{id}", experiment());
        }
        if (path.startsWith("/api/v1/runs/{id}")) {
            return path.replace("{id}", run());
        }
        if (path.equals("/api/v1/predictions/{id}") || path.equals("/api/v1/requests/{id}")) {
            Map<String, Object> prediction = body(expect(200, admin.postJson("/api/v1/predict", EMPLOYEE)));
            return path.replace("{id}", (String) prediction.get(path.contains("predictions") ? "prediction_id" : "request_id"));
        }
        if (path.equals("/api/v1/retention")) {
            return path + "?older_than_days=3650";
        }
        if (path.equals("/api/test-probe/slow")) {
            return path + "?ms=1";
        }
        if (path.startsWith("/test-probe/items/")) {
            return "/test-probe/items/" + java.util.UUID.randomUUID();
        }
        return path;
    }

    private String experiment() {
        return (String) body(expect(201, admin.postJson("/api/v1/experiments",
                "{\"name\": \"leak-" + sequence.incrementAndGet() + "\"}"))).get("id");
    }

    private String run() {
        return (String) body(expect(201, admin.postJson("/api/v1/experiments/" + experiment() + "/runs", "{}")))
                .get("id");
    }

    private static String text(ILoggingEvent event) {
        StringBuilder text = new StringBuilder(event.getLoggerName()).append(' ').append(event.getFormattedMessage());
        event.getMDCPropertyMap().forEach((key, value) -> text.append(' ').append(key).append('=').append(value));
        if (event.getThrowableProxy() != null) {
            text.append('\n').append(ThrowableProxyUtil.asString(event.getThrowableProxy()));
        }
        return text.toString();
    }

    private static String abbreviated(String text) {
        return text.length() > 300 ? text.substring(0, 300) + "…" : text;
    }

    private static Logger root() {
        return ((LoggerContext) LoggerFactory.getILoggerFactory()).getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
    }
}
