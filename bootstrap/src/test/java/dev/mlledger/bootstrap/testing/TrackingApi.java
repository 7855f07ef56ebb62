package dev.mlledger.bootstrap.testing;

import java.net.http.HttpResponse;
import java.util.Collections;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The experiment-tracking endpoints as a client uses them, for tests that need experiments, runs and metrics. */
public final class TrackingApi {

    private final RawHttp http;

    public TrackingApi(RawHttp http) {
        this.http = http;
    }

    public RawHttp http() {
        return http;
    }

    /** POSTs an experiment that must be accepted; @return the answered experiment */
    public Map<String, Object> createExperiment(String json) {
        return body(expect(201, http.postJson("/api/v1/experiments", json)));
    }

    /** @return the id of a new experiment with {@code runs} runs */
    public String experiment(String name, String owner, int runs) {
        String runList = String.join(", ", Collections.nCopies(runs, "{}"));
        return (String) createExperiment("{\"name\": \"" + name + "\", \"owner\": \"" + owner + "\", \"runs\": ["
                + runList + "]}").get("id");
    }

    /** @return the id of a new run of the experiment */
    public String startRun(String experimentId) {
        return (String) body(expect(201, http.postJson("/api/v1/experiments/" + experimentId + "/runs", "{}")))
                .get("id");
    }

    /** @return the id of a new running run, in an experiment of its own */
    public String runningRun() {
        return startRun(experiment("for-a-run", "alice", 0));
    }

    public HttpResponse<String> patch(String path, String json) {
        return http.send("PATCH", path, "application/json", json);
    }

    public void setExperimentStatus(String experimentId, String status) {
        expect(200, patch("/api/v1/experiments/" + experimentId, "{\"status\": \"" + status + "\"}"));
    }

    public void finishRun(String runId, String status) {
        expect(200, patch("/api/v1/runs/" + runId, "{\"status\": \"" + status + "\"}"));
    }

    /** Logs a batch that must be accepted; {@code points} is the inside of the {@code metrics} array. */
    public void logBatch(String runId, String points) {
        expect(201, http.postJson("/api/v1/runs/" + runId + "/metrics/batch", "{\"metrics\": [" + points + "]}"));
    }

    public Map<String, Object> get(String path) {
        return body(expect(200, http.get(path)));
    }

    public static HttpResponse<String> expect(int status, HttpResponse<String> response) {
        assertEquals(status, response.statusCode(), response::body);
        return response;
    }

    public static Map<String, Object> body(HttpResponse<String> response) {
        return ProblemAssertions.parse(response.body());
    }

    @SuppressWarnings("unchecked")
    public static List<Map<String, Object>> items(Map<String, Object> page) {
        return (List<Map<String, Object>>) page.get("items");
    }

    /** The fields named in a problem's {@code errors}. */
    @SuppressWarnings("unchecked")
    public static List<String> errorFields(Map<String, Object> problem) {
        return ((List<Map<String, Object>>) problem.get("errors")).stream().map(e -> (String) e.get("field")).toList();
    }
}
