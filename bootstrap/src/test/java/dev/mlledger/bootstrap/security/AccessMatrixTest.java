package dev.mlledger.bootstrap.security;

import dev.mlledger.adapters.persistence.testing.FreshDatabaseTest;
import dev.mlledger.bootstrap.testing.RawHttp;
import io.micronaut.management.endpoint.EndpointSensitivityProcessor;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.web.router.Router;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.stream.Stream;

import static dev.mlledger.bootstrap.testing.TrackingApi.body;
import static dev.mlledger.bootstrap.testing.TrackingApi.expect;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Issue 11: every route called as anonymous, reader, scorer, tracker, admin and a tracker who does not own the
 * experiment: 401 (Bearer challenge, problem+json) without credentials on a protected route, 403 problem+json for
 * the wrong role or owner, the route's success status where it is allowed. The table must have a row for every
 * route of the router: a route added without one fails {@link #the_table_has_a_row_for_every_route_of_the_router}.
 */
@MicronautTest(transactional = false)
class AccessMatrixTest extends FreshDatabaseTest {

    enum Caller { ANONYMOUS, READER, SCORER, TRACKER, ADMIN, NON_OWNER }

    private static final Set<Caller> EVERYONE = EnumSet.allOf(Caller.class);
    private static final Set<Caller> AUTHENTICATED = EnumSet.complementOf(EnumSet.of(Caller.ANONYMOUS));
    private static final Set<Caller> SCORERS = EnumSet.of(Caller.SCORER, Caller.ADMIN);
    private static final Set<Caller> TRACKERS = EnumSet.of(Caller.TRACKER, Caller.ADMIN, Caller.NON_OWNER);
    /** Changing an experiment or its runs: its owner (the tracker) or an admin. */
    private static final Set<Caller> OWNER = EnumSet.of(Caller.TRACKER, Caller.ADMIN);
    private static final Set<Caller> ADMINS = EnumSet.of(Caller.ADMIN);

    private static final String MLFLOW_API = "/api/2.0/mlflow";
    private static final String MLFLOW_AJAX = "/ajax-api/2.0/mlflow";
    private static final String EMPLOYEE = "{\"employee_id\": \"E-1\", \"features\": {\"age\": 36.9, "
            + "\"monthly_income\": 6503, \"overtime\": false, \"job_satisfaction\": 2.73}}";
    private static final String RECORDED = "{\"employee_id\": \"E-2\", \"attrition_prob\": 0.42, "
            + "\"model_version\": \"xgb_enhanced_v1.0\", \"features_snapshot\": {\"age\": 41}}";

    /** What one call sends. */
    record Call(String path, String body) {
    }

    /**
     * A route, the status it answers when allowed, who is allowed, and how to make a call of it (a fresh
     * experiment, run or token where the call changes or uses one up).
     */
    record Row(String method, String route, int success, Set<Caller> allowed, Function<AccessMatrixTest, Call> call) {

        String name() {
            return method + " " + route;
        }
    }

    private static final List<Row> TABLE = Stream.concat(Stream.of(
            new Row("GET", "/health", 200, EVERYONE, t -> new Call("/health", null)),
            new Row("GET", "/openapi.yml", 200, EVERYONE, t -> new Call("/openapi.yml", null)),
            new Row("GET", "/swagger-ui", 303, EVERYONE, t -> new Call("/swagger-ui", null)),
            new Row("GET", "/", 303, EVERYONE, t -> new Call("/", null)),
            new Row("GET", "/ui", 303, EVERYONE, t -> new Call("/ui", null)),
            new Row("GET", "/prometheus", 200, AUTHENTICATED, t -> new Call("/prometheus", null)),
            new Row("GET", "/api/v1/whoami", 200, AUTHENTICATED, t -> new Call("/api/v1/whoami", null)),
            new Row("GET", "/api/v1/model", 200, AUTHENTICATED, t -> new Call("/api/v1/model", null)),
            new Row("POST", "/api/v1/predict", 200, SCORERS, t -> new Call("/api/v1/predict", EMPLOYEE)),
            new Row("POST", "/api/v1/predict/batch", 200, SCORERS,
                    t -> new Call("/api/v1/predict/batch", "{\"items\": [" + EMPLOYEE + "]}")),
            new Row("POST", "/api/v1/predictions", 201, SCORERS, t -> new Call("/api/v1/predictions", RECORDED)),
            new Row("GET", "/api/v1/predictions", 200, AUTHENTICATED, t -> new Call("/api/v1/predictions", null)),
            new Row("GET", "/api/v1/predictions/{id}", 200, AUTHENTICATED,
                    t -> new Call("/api/v1/predictions/" + t.predictionId, null)),
            new Row("GET", "/api/v1/analytics/risk-distribution", 200, AUTHENTICATED,
                    t -> new Call("/api/v1/analytics/risk-distribution", null)),
            new Row("GET", "/api/v1/analytics/summary", 200, AUTHENTICATED,
                    t -> new Call("/api/v1/analytics/summary", null)),
            new Row("GET", "/api/v1/analytics/high-risk", 200, AUTHENTICATED,
                    t -> new Call("/api/v1/analytics/high-risk", null)),
            new Row("GET", "/api/v1/requests/{id}", 200, AUTHENTICATED,
                    t -> new Call("/api/v1/requests/" + t.requestId, null)),
            new Row("DELETE", "/api/v1/retention", 200, ADMINS,
                    t -> new Call("/api/v1/retention?older_than_days=3650", null)),
            new Row("POST", "/api/v1/tokens", 201, ADMINS,
                    t -> new Call("/api/v1/tokens", "{\"name\": \"" + t.unique("issued") + "\", \"role\": \"reader\"}")),
            new Row("GET", "/api/v1/tokens", 200, ADMINS, t -> new Call("/api/v1/tokens", null)),
            new Row("DELETE", "/api/v1/tokens/{name}", 200, ADMINS,
                    t -> new Call("/api/v1/tokens/" + t.freshToken(), null)),
            new Row("POST", "/api/v1/experiments", 201, TRACKERS,
                    t -> new Call("/api/v1/experiments", "{\"name\": \"" + t.unique("created") + "\"}")),
            new Row("GET", "/api/v1/experiments", 200, AUTHENTICATED, t -> new Call("/api/v1/experiments", null)),
            new Row("GET", "/api/v1/experiments/{id}", 200, AUTHENTICATED,
                    t -> new Call("/api/v1/experiments/" + t.experimentId, null)),
            new Row("PATCH", "/api/v1/experiments/{id}", 200, OWNER,
                    t -> new Call("/api/v1/experiments/" + t.freshExperiment(), "{\"description\": \"changed\"}")),
            new Row("DELETE", "/api/v1/experiments/{id}", 204, OWNER,
                    t -> new Call("/api/v1/experiments/" + t.freshExperiment(), null)),
            new Row("POST", "/api/v1/experiments/{id}/runs", 201, OWNER,
                    t -> new Call("/api/v1/experiments/" + t.freshExperiment() + "/runs", "{}")),
            new Row("POST", "/api/v1/experiments/{id}/restore", 200, OWNER,
                    t -> new Call("/api/v1/experiments/" + t.freshExperiment() + "/restore", null)),
            new Row("POST", "/api/v1/experiments/{id}/tags", 204, OWNER,
                    t -> new Call("/api/v1/experiments/" + t.freshExperiment() + "/tags", "{\"tags\": {\"k\": \"v\"}}")),
            new Row("DELETE", "/api/v1/experiments/{id}/tags", 204, OWNER,
                    t -> new Call("/api/v1/experiments/" + t.freshTaggedExperiment() + "/tags?key=k", null)),
            new Row("GET", "/api/v1/runs/{id}", 200, AUTHENTICATED, t -> new Call("/api/v1/runs/" + t.runId, null)),
            new Row("GET", "/api/v1/runs", 200, AUTHENTICATED, t -> new Call("/api/v1/runs?experiment_id="
                    + t.experimentId + "&filter=metrics.loss%20%3C%201&order_by=metrics.loss", null)),
            new Row("PATCH", "/api/v1/runs/{id}", 200, OWNER,
                    t -> new Call("/api/v1/runs/" + t.freshRun(), "{\"status\": \"completed\"}")),
            new Row("DELETE", "/api/v1/runs/{id}", 204, OWNER,
                    t -> new Call("/api/v1/runs/" + t.freshRun(), null)),
            new Row("POST", "/api/v1/runs/{id}/restore", 200, OWNER,
                    t -> new Call("/api/v1/runs/" + t.freshRun() + "/restore", null)),
            new Row("POST", "/api/v1/runs/{id}/params", 201, OWNER,
                    t -> new Call("/api/v1/runs/" + t.freshRun() + "/params", "{\"params\": {\"lr\": \"0.1\"}}")),
            new Row("POST", "/api/v1/runs/{id}/tags", 201, OWNER,
                    t -> new Call("/api/v1/runs/" + t.freshRun() + "/tags", "{\"tags\": {\"k\": \"v\"}}")),
            new Row("DELETE", "/api/v1/runs/{id}/tags", 204, OWNER,
                    t -> new Call("/api/v1/runs/" + t.freshTaggedRun() + "/tags?key=k", null)),
            new Row("POST", "/api/v1/runs/{id}/metrics", 201, OWNER,
                    t -> new Call("/api/v1/runs/" + t.freshRun() + "/metrics",
                            "{\"name\": \"loss\", \"step\": 1, \"value\": 0.5}")),
            new Row("POST", "/api/v1/runs/{id}/metrics/batch", 201, OWNER,
                    t -> new Call("/api/v1/runs/" + t.freshRun() + "/metrics/batch",
                            "{\"metrics\": [{\"name\": \"loss\", \"step\": 1, \"value\": 0.5}]}")),
            new Row("GET", "/api/v1/runs/{id}/metrics", 200, AUTHENTICATED,
                    t -> new Call("/api/v1/runs/" + t.runId + "/metrics", null))),
            Stream.of(MLFLOW_API, MLFLOW_AJAX).flatMap(AccessMatrixTest::mlflowRows)).toList();

    /**
     * MLflow's routes (issue 12), the same under both of its prefixes: reads for every role, writes for trackers,
     * changes of an experiment or run for its owner. Their refusals are in MLflow's shape (see {@link #wrongAnswer}).
     */
    private static Stream<Row> mlflowRows(String prefix) {
        return Stream.of(
                new Row("POST", prefix + "/experiments/create", 200, TRACKERS,
                        t -> new Call(prefix + "/experiments/create", "{\"name\": \"" + t.unique("mlflow") + "\"}")),
                new Row("GET", prefix + "/experiments/get", 200, AUTHENTICATED,
                        t -> new Call(prefix + "/experiments/get?experiment_id=" + t.mlflowExperimentId, null)),
                new Row("GET", prefix + "/experiments/get-by-name", 200, AUTHENTICATED,
                        t -> new Call(prefix + "/experiments/get-by-name?experiment_name=" + t.mlflowExperimentName, null)),
                new Row("GET", prefix + "/experiments/search", 200, AUTHENTICATED,
                        t -> new Call(prefix + "/experiments/search?max_results=5", null)),
                new Row("POST", prefix + "/experiments/search", 200, AUTHENTICATED,
                        t -> new Call(prefix + "/experiments/search", "{\"max_results\": 5}")),
                new Row("POST", prefix + "/experiments/update", 200, OWNER,
                        t -> new Call(prefix + "/experiments/update", "{\"experiment_id\": \"" + t.freshMlflowExperiment()
                                + "\", \"new_name\": \"" + t.unique("renamed") + "\"}")),
                new Row("POST", prefix + "/experiments/delete", 200, OWNER,
                        t -> new Call(prefix + "/experiments/delete", "{\"experiment_id\": \"" + t.freshMlflowExperiment() + "\"}")),
                new Row("POST", prefix + "/experiments/restore", 200, OWNER,
                        t -> new Call(prefix + "/experiments/restore", "{\"experiment_id\": \"" + t.deletedMlflowExperiment() + "\"}")),
                new Row("POST", prefix + "/experiments/set-experiment-tag", 200, OWNER,
                        t -> new Call(prefix + "/experiments/set-experiment-tag", "{\"experiment_id\": \""
                                + t.freshMlflowExperiment() + "\", \"key\": \"team\", \"value\": \"nlp\"}")),
                new Row("POST", prefix + "/runs/create", 200, OWNER,
                        t -> new Call(prefix + "/runs/create", "{\"experiment_id\": \"" + t.freshMlflowExperiment() + "\"}")),
                new Row("GET", prefix + "/runs/get", 200, AUTHENTICATED,
                        t -> new Call(prefix + "/runs/get?run_id=" + t.mlflowRunId, null)),
                new Row("POST", prefix + "/runs/update", 200, OWNER,
                        t -> new Call(prefix + "/runs/update", "{\"run_id\": \"" + t.freshMlflowRun() + "\", \"status\": \"FINISHED\"}")),
                new Row("POST", prefix + "/runs/delete", 200, OWNER,
                        t -> new Call(prefix + "/runs/delete", "{\"run_id\": \"" + t.freshMlflowRun() + "\"}")),
                new Row("POST", prefix + "/runs/restore", 200, OWNER,
                        t -> new Call(prefix + "/runs/restore", "{\"run_id\": \"" + t.deletedMlflowRun() + "\"}")),
                new Row("POST", prefix + "/runs/search", 200, AUTHENTICATED,
                        t -> new Call(prefix + "/runs/search", "{\"experiment_ids\": [\"" + t.mlflowExperimentId + "\"]}")),
                new Row("POST", prefix + "/runs/log-metric", 200, OWNER,
                        t -> new Call(prefix + "/runs/log-metric", "{\"run_id\": \"" + t.freshMlflowRun()
                                + "\", \"key\": \"loss\", \"value\": 0.5, \"timestamp\": 1, \"step\": 1}")),
                new Row("POST", prefix + "/runs/log-batch", 200, OWNER,
                        t -> new Call(prefix + "/runs/log-batch", "{\"run_id\": \"" + t.freshMlflowRun()
                                + "\", \"params\": [{\"key\": \"lr\", \"value\": \"0.1\"}]}")),
                new Row("POST", prefix + "/runs/log-parameter", 200, OWNER,
                        t -> new Call(prefix + "/runs/log-parameter", "{\"run_id\": \"" + t.freshMlflowRun()
                                + "\", \"key\": \"lr\", \"value\": \"0.1\"}")),
                new Row("POST", prefix + "/runs/set-tag", 200, OWNER,
                        t -> new Call(prefix + "/runs/set-tag", "{\"run_id\": \"" + t.freshMlflowRun()
                                + "\", \"key\": \"team\", \"value\": \"nlp\"}")),
                new Row("POST", prefix + "/runs/delete-tag", 200, OWNER,
                        t -> new Call(prefix + "/runs/delete-tag", "{\"run_id\": \"" + t.taggedMlflowRun()
                                + "\", \"key\": \"team\"}")),
                new Row("GET", prefix + "/metrics/get-history", 200, AUTHENTICATED,
                        t -> new Call(prefix + "/metrics/get-history?run_id=" + t.mlflowRunId + "&metric_key=loss", null)));
    }

    @Inject
    EmbeddedServer server;

    @Inject
    Router router;

    @Inject
    EndpointSensitivityProcessor sensitivity;

    private final Map<Caller, RawHttp> clients = new EnumMap<>(Caller.class);
    private final AtomicInteger sequence = new AtomicInteger();
    private RawHttp admin;
    private RawHttp tracker;
    private String experimentId;
    private String runId;
    private String predictionId;
    private String requestId;
    private String mlflowExperimentId;
    private String mlflowExperimentName;
    private String mlflowRunId;

    @BeforeAll
    void callersAndWhatTheyCall() {
        admin = new RawHttp(server.getURL());
        clients.put(Caller.ANONYMOUS, admin.anonymous());
        clients.put(Caller.READER, admin.as(SecurityApi.issueToken(admin, "matrix-reader", "reader")));
        clients.put(Caller.SCORER, admin.as(SecurityApi.issueToken(admin, "matrix-scorer", "scorer")));
        clients.put(Caller.TRACKER, admin.as(SecurityApi.issueToken(admin, "matrix-tracker", "tracker")));
        clients.put(Caller.ADMIN, admin.as(SecurityApi.issueToken(admin, "matrix-admin", "admin")));
        clients.put(Caller.NON_OWNER, admin.as(SecurityApi.issueToken(admin, "mallory", "tracker")));
        tracker = clients.get(Caller.TRACKER);
        experimentId = freshExperiment();
        runId = freshRun();
        expect(201, tracker.postJson("/api/v1/runs/" + runId + "/metrics", "{\"name\": \"loss\", \"step\": 1, \"value\": 0.5}"));
        Map<String, Object> prediction = body(expect(200, admin.postJson("/api/v1/predict", EMPLOYEE)));
        predictionId = (String) prediction.get("prediction_id");
        requestId = (String) prediction.get("request_id");
        mlflowExperimentName = unique("mlflow-read");
        mlflowExperimentId = (String) body(expect(200, tracker.postJson(MLFLOW_API + "/experiments/create",
                "{\"name\": \"" + mlflowExperimentName + "\"}"))).get("experiment_id");
        mlflowRunId = mlflowRunIn(mlflowExperimentId);
    }

    @TestFactory
    Stream<DynamicTest> every_route_answers_each_caller_as_its_role_and_ownership_allow() {
        return TABLE.stream().map(row -> DynamicTest.dynamicTest(row.name(), () -> {
            List<String> wrong = new ArrayList<>();
            for (Caller caller : Caller.values()) {
                Call call = row.call().apply(this);
                HttpResponse<String> response = clients.get(caller).send(row.method(), call.path(),
                        call.body() == null ? null : "application/json", call.body());
                String problem = wrongAnswer(row, caller, response);
                if (problem != null) {
                    wrong.add(caller + ": " + problem);
                }
            }
            assertEquals(List.of(), wrong, row.name());
        }));
    }

    @Test
    void the_table_has_a_row_for_every_route_of_the_router() {
        Set<String> routes = new TreeSet<>(new RouteRules(router, sensitivity).all().stream()
                // the HEAD route beside each GET has its rule; the test-only probes are no routes of the service
                .filter(route -> !route.method().equals("HEAD"))
                .filter(route -> !route.declaringType().getPackageName().startsWith("dev.mlledger.bootstrap.testing"))
                .map(RouteRules.RouteRule::route)
                .toList());

        Set<String> rows = new TreeSet<>(TABLE.stream().map(Row::name).toList());

        assertEquals(routes, rows);
    }

    @Test
    void whoami_names_each_caller_and_the_role_it_acts_in() {
        Map<Caller, String> expected = Map.of(Caller.READER, "matrix-reader/reader", Caller.SCORER,
                "matrix-scorer/scorer", Caller.TRACKER, "matrix-tracker/tracker", Caller.ADMIN, "matrix-admin/admin",
                Caller.NON_OWNER, "mallory/tracker");
        for (Map.Entry<Caller, String> caller : expected.entrySet()) {
            Map<String, Object> whoami = body(expect(200, clients.get(caller.getKey()).get("/api/v1/whoami")));
            assertEquals(caller.getValue(), whoami.get("name") + "/" + whoami.get("role"));
        }
    }

    /**
     * @return null when the answer is the one the table expects, else what is wrong with it: refusals are
     * problem+json, but MLflow's routes refuse in MLflow's shape (UNAUTHENTICATED, PERMISSION_DENIED)
     */
    private static String wrongAnswer(Row row, Caller caller, HttpResponse<String> response) {
        int status = response.statusCode();
        String contentType = response.headers().firstValue("Content-Type").orElse("");
        String seen = status + " " + contentType + " " + abbreviated(response.body());
        if (row.allowed().contains(caller)) {
            return status == row.success() ? null : "expected " + row.success() + ", got " + seen;
        }
        boolean mlflow = row.route().startsWith(MLFLOW_API) || row.route().startsWith(MLFLOW_AJAX);
        if (caller == Caller.ANONYMOUS) {
            String challenge = response.headers().firstValue("WWW-Authenticate").orElse("");
            return status == 401 && refusalShape(mlflow, contentType, response.body(), "UNAUTHENTICATED")
                    && challenge.startsWith("Bearer ")
                    ? null : "expected 401 " + (mlflow ? "UNAUTHENTICATED" : "problem+json")
                    + " with a Bearer challenge, got " + seen + " [" + challenge + "]";
        }
        return status == 403 && refusalShape(mlflow, contentType, response.body(), "PERMISSION_DENIED")
                ? null : "expected 403 " + (mlflow ? "PERMISSION_DENIED" : "problem+json") + ", got " + seen;
    }

    private static boolean refusalShape(boolean mlflow, String contentType, String body, String mlflowCode) {
        return mlflow ? contentType.equals("application/json") && body.contains("\"error_code\":\"" + mlflowCode + "\"")
                : contentType.equals("application/problem+json");
    }

    private static String abbreviated(String body) {
        return body.length() > 200 ? body.substring(0, 200) + "…" : body;
    }

    String unique(String prefix) {
        return prefix + "-" + sequence.incrementAndGet();
    }

    /** A new experiment, created (and so owned) by the tracker. */
    String freshExperiment() {
        return (String) body(expect(201, tracker.postJson("/api/v1/experiments",
                "{\"name\": \"" + unique("owned") + "\"}"))).get("id");
    }

    /** A new running run, in a new experiment of the tracker's. */
    String freshRun() {
        return (String) body(expect(201, tracker.postJson("/api/v1/experiments/" + freshExperiment() + "/runs", "{}")))
                .get("id");
    }

    /** A new experiment of the tracker's with the tag k. */
    String freshTaggedExperiment() {
        String id = freshExperiment();
        expect(204, tracker.postJson("/api/v1/experiments/" + id + "/tags", "{\"tags\": {\"k\": \"v\"}}"));
        return id;
    }

    /** A new running run of the tracker's with the tag k. */
    String freshTaggedRun() {
        String id = freshRun();
        expect(201, tracker.postJson("/api/v1/runs/" + id + "/tags", "{\"tags\": {\"k\": \"v\"}}"));
        return id;
    }

    /** A new experiment of the tracker's, by its MLflow id. */
    String freshMlflowExperiment() {
        return (String) body(expect(200, tracker.postJson(MLFLOW_API + "/experiments/create",
                "{\"name\": \"" + unique("mlflow-owned") + "\"}"))).get("experiment_id");
    }

    /** A deleted experiment of the tracker's, for a restore to use up. */
    String deletedMlflowExperiment() {
        String experimentId = freshMlflowExperiment();
        expect(200, tracker.postJson(MLFLOW_API + "/experiments/delete", "{\"experiment_id\": \"" + experimentId + "\"}"));
        return experimentId;
    }

    /** A new running run in a new experiment of the tracker's, by its MLflow id. */
    String freshMlflowRun() {
        return mlflowRunIn(freshMlflowExperiment());
    }

    /** A deleted run of the tracker's, for a restore to use up. */
    String deletedMlflowRun() {
        String runId = freshMlflowRun();
        expect(200, tracker.postJson(MLFLOW_API + "/runs/delete", "{\"run_id\": \"" + runId + "\"}"));
        return runId;
    }

    /** A run of the tracker's with the tag {@code team}, for a deletion to use up. */
    String taggedMlflowRun() {
        String runId = freshMlflowRun();
        expect(200, tracker.postJson(MLFLOW_API + "/runs/set-tag",
                "{\"run_id\": \"" + runId + "\", \"key\": \"team\", \"value\": \"nlp\"}"));
        return runId;
    }

    private String mlflowRunIn(String experimentId) {
        Map<String, Object> created = body(expect(200, tracker.postJson(MLFLOW_API + "/runs/create",
                "{\"experiment_id\": \"" + experimentId + "\"}")));
        return (String) ((Map<?, ?>) ((Map<?, ?>) created.get("run")).get("info")).get("run_id");
    }

    /** The name of a new live token, for a revocation to use up. */
    String freshToken() {
        String name = unique("to-revoke");
        SecurityApi.issueToken(admin, name, "reader");
        return name;
    }
}
