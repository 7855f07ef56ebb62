package dev.mlledger.bootstrap.experiment;

import dev.mlledger.adapters.persistence.testing.FreshDatabaseTest;
import dev.mlledger.adapters.persistence.testing.StatementRecorder;
import dev.mlledger.bootstrap.testing.RawHttp;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;

import static dev.mlledger.bootstrap.testing.ProblemAssertions.parse;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** No N+1: the statements a request sends do not grow with the number of experiments or runs. */
@MicronautTest(transactional = false)
class ExperimentStatementCountTest extends FreshDatabaseTest {

    @Inject
    EmbeddedServer server;

    @Inject
    StatementRecorder recorder;

    @Override
    protected Map<String, String> settings() {
        return Map.of("mlledger.test.record-statements", "true");
    }

    @Test
    void a_page_of_a_hundred_experiments_with_five_runs_each_and_their_run_counts_is_one_statement() {
        for (int i = 0; i < 100; i++) {
            createExperiment("list-" + i, 5);
        }
        recorder.clear();

        HttpResponse<String> page = http().get("/api/v1/experiments?limit=100&owner=counter");

        assertEquals(200, page.statusCode(), page.body());
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> items = (List<Map<String, Object>>) parse(page.body()).get("items");
        assertEquals(100, items.size());
        items.forEach(item -> assertEquals(5, ((Number) item.get("run_count")).intValue()));
        assertEquals(1, experimentStatements().size(), () -> "statements: " + experimentStatements());
    }

    @Test
    void an_experiment_is_read_with_its_runs_in_the_same_number_of_statements_whether_it_has_one_run_or_fifty() {
        String small = createExperiment("one-run", 1);
        String large = createExperiment("fifty-runs", 50);

        recorder.clear();
        assertEquals(200, http().get("/api/v1/experiments/" + small).statusCode());
        int forOneRun = experimentStatements().size();
        recorder.clear();
        HttpResponse<String> fifty = http().get("/api/v1/experiments/" + large);
        int forFiftyRuns = experimentStatements().size();

        assertEquals(50, ((List<?>) parse(fifty.body()).get("runs")).size());
        assertEquals(forOneRun, forFiftyRuns, () -> "statements: " + experimentStatements());
        assertEquals(3, forFiftyRuns, "one for the experiment, one for all its runs, one for its tags");
    }

    /** Statements of the request itself; the request log writes its own rows in the background. */
    private List<String> experimentStatements() {
        return recorder.statements().stream().filter(sql -> !sql.contains("api_requests")).toList();
    }

    private String createExperiment(String name, int runs) {
        String runList = String.join(",", java.util.Collections.nCopies(runs, "{\"seed\": 7}"));
        HttpResponse<String> created = http().postJson("/api/v1/experiments",
                "{\"name\": \"" + name + "\", \"owner\": \"counter\", \"runs\": [" + runList + "]}");
        assertEquals(201, created.statusCode(), created.body());
        return (String) parse(created.body()).get("id");
    }

    private RawHttp http() {
        return new RawHttp(server.getURL());
    }
}
