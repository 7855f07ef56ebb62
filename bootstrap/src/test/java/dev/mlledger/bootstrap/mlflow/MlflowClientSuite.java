package dev.mlledger.bootstrap.mlflow;

import dev.mlledger.bootstrap.testing.RawHttp;
import io.micronaut.runtime.server.EmbeddedServer;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.mlflow.api.proto.Service.Experiment;
import org.mlflow.api.proto.Service.Metric;
import org.mlflow.api.proto.Service.Param;
import org.mlflow.api.proto.Service.Run;
import org.mlflow.api.proto.Service.RunInfo;
import org.mlflow.api.proto.Service.RunStatus;
import org.mlflow.api.proto.Service.RunTag;
import org.mlflow.api.proto.Service.ViewType;
import org.mlflow.tracking.MlflowClient;
import org.mlflow.tracking.MlflowHttpException;
import org.mlflow.tracking.Page;
import org.mlflow.tracking.RunsPage;
import org.mlflow.tracking.creds.BasicMlflowHostCreds;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;

import static dev.mlledger.bootstrap.testing.TrackingApi.body;
import static dev.mlledger.bootstrap.testing.TrackingApi.expect;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Issue 12: the stock MLflow Java client ({@code org.mlflow:mlflow-client}) tracks experiments in the running service
 * unchanged, authenticated as it sends credentials: a bearer API token, or Basic with an API token as the password.
 * A subclass per persistence adapter says which one the service uses.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public abstract class MlflowClientSuite {

    @Inject
    EmbeddedServer server;

    private final AtomicInteger sequence = new AtomicInteger();
    private RawHttp admin;
    private String trackerToken;
    private MlflowClient client;
    private MlflowClient reader;

    @BeforeAll
    void aTrackerAndAReaderWithTheStockClient() {
        admin = new RawHttp(server.getURL());
        trackerToken = issueToken(admin, "mlflow-tracker-" + getClass().getSimpleName(), "tracker");
        client = new MlflowClient(new BasicMlflowHostCreds(server.getURL().toString(), trackerToken));
        reader = new MlflowClient(new BasicMlflowHostCreds(server.getURL().toString(),
                issueToken(admin, "mlflow-reader-" + getClass().getSimpleName(), "reader")));
    }

    @AfterAll
    void closeTheClients() {
        client.close();
        reader.close();
    }

    @Test
    void an_experiment_created_by_the_client_is_read_back_by_id_by_name_and_in_a_search() {
        String name = unique("created");

        String id = client.createExperiment(name);

        assertTrue(id.matches("[1-9][0-9]*"), id);
        Experiment byId = client.getExperiment(id);
        assertEquals(name, byId.getName());
        assertEquals("active", byId.getLifecycleStage());
        assertTrue(byId.getCreationTime() > 0, byId::toString);
        assertEquals(byId, client.getExperimentByName(name).orElseThrow());
        assertEquals(List.of(name), client.searchExperiments().getItems().stream().map(Experiment::getName)
                .filter(name::equals).toList());
        assertTrue(client.getExperimentByName(unique("never-created")).isEmpty());
    }

    @Test
    void the_default_experiment_0_exists_and_takes_runs_of_any_tracker() {
        Experiment defaultExperiment = client.getExperiment("0");

        assertEquals("Default", defaultExperiment.getName());
        RunInfo run = client.createRun();
        assertEquals("0", run.getExperimentId());
        assertEquals(RunStatus.RUNNING, run.getStatus());
    }

    @Test
    void a_run_gets_its_metrics_params_and_tags_and_ends_finished() {
        String experimentId = client.createExperiment(unique("lifecycle"));
        RunInfo created = client.createRun(experimentId);

        assertTrue(created.getRunId().matches("[0-9a-f]{32}"), created.getRunId());
        assertEquals(created.getRunId(), created.getRunUuid());
        client.logMetric(created.getRunId(), "loss", 0.75, 1_700_000_000_000L, 1);
        client.logMetric(created.getRunId(), "loss", 0.25, 1_700_000_000_500L, 2);
        client.logParam(created.getRunId(), "lr", "0.01");
        client.setTag(created.getRunId(), "team", "vision");
        client.setTag(created.getRunId(), "doomed", "yes");
        client.deleteTag(created.getRunId(), "doomed");
        client.setTerminated(created.getRunId());

        Run run = client.getRun(created.getRunId());
        assertEquals(RunStatus.FINISHED, run.getInfo().getStatus());
        assertTrue(run.getInfo().getEndTime() >= run.getInfo().getStartTime(), run::toString);
        assertEquals(experimentId, run.getInfo().getExperimentId());
        assertFalse(run.getInfo().getRunName().isBlank());
        assertTrue(run.getInfo().getArtifactUri().startsWith("mlledger-artifacts:/"), run.getInfo()::getArtifactUri);
        assertEquals(Map.of("loss", 0.25), run.getData().getMetricsList().stream()
                .collect(Collectors.toMap(Metric::getKey, Metric::getValue)));
        assertEquals(Map.of("lr", "0.01"), run.getData().getParamsList().stream()
                .collect(Collectors.toMap(Param::getKey, Param::getValue)));
        assertEquals("vision", run.getData().getTagsList().stream().filter(tag -> tag.getKey().equals("team"))
                .findFirst().orElseThrow().getValue());
        assertTrue(run.getData().getTagsList().stream().noneMatch(tag -> tag.getKey().equals("doomed")));
        assertEquals(List.of(0.75, 0.25), client.getMetricHistory(created.getRunId(), "loss").stream()
                .map(Metric::getValue).toList());
    }

    @Test
    void a_batch_of_1000_metrics_with_params_and_tags_is_logged_at_once_and_read_back_as_history() {
        String runId = client.createRun(client.createExperiment(unique("batch"))).getRunId();
        List<Metric> metrics = new ArrayList<>();
        for (int step = 0; step < 1000; step++) {
            metrics.add(Metric.newBuilder().setKey("loss").setValue(1.0 / (step + 1)).setTimestamp(1_700_000_000_000L + step)
                    .setStep(step).build());
        }

        client.logBatch(runId, metrics, List.of(Param.newBuilder().setKey("optimizer").setValue("adam").build()),
                List.of(RunTag.newBuilder().setKey("stage").setValue("batch").build()));

        List<Metric> history = client.getMetricHistory(runId, "loss");
        assertEquals(1000, history.size());
        assertEquals(999, history.getLast().getStep());
        assertEquals(1.0 / 1000, history.getLast().getValue());
        assertEquals(1_700_000_000_999L, history.getLast().getTimestamp());
        Run run = client.getRun(runId);
        assertEquals("adam", run.getData().getParams(0).getValue());
        assertEquals(1.0 / 1000, run.getData().getMetrics(0).getValue());
    }

    @Test
    void a_param_logged_again_with_another_value_is_refused_as_an_invalid_parameter_value() {
        String runId = client.createRun(client.createExperiment(unique("params"))).getRunId();
        client.logParam(runId, "lr", "0.01");

        client.logParam(runId, "lr", "0.01");
        MlflowHttpException refused = assertThrows(MlflowHttpException.class, () -> client.logParam(runId, "lr", "0.1"));

        assertEquals(400, refused.getStatusCode());
        assertTrue(refused.getBodyMessage().contains("\"INVALID_PARAMETER_VALUE\""), refused.getBodyMessage());
    }

    @Test
    void runs_are_found_by_search_with_a_metric_filter_in_order_a_page_at_a_time() {
        String experimentId = client.createExperiment(unique("search"));
        List<String> runIds = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            String runId = client.createRun(experimentId).getRunId();
            client.logMetric(runId, "loss", i * 0.2, 1_700_000_000_000L + i, 7);
            client.logParam(runId, "lr", "0.0" + i);
            runIds.add(runId);
        }
        client.createRun(client.createExperiment(unique("elsewhere")));

        RunsPage first = client.searchRuns(List.of(experimentId), "metrics.loss < 0.5 AND params.lr != '0.01'",
                ViewType.ACTIVE_ONLY, 1, List.of("metrics.loss DESC"));
        Page<Run> second = first.getNextPage();

        assertEquals(List.of(runIds.get(2)), first.getItems().stream().map(run -> run.getInfo().getRunId()).toList());
        assertTrue(first.hasNextPage());
        assertEquals(List.of(runIds.get(0)), ((RunsPage) second).getItems().stream()
                .map(run -> run.getInfo().getRunId()).toList());
        assertFalse(second.hasNextPage());
        Metric latest = first.getItems().getFirst().getData().getMetrics(0);
        assertEquals(List.of("loss", 0.4, 7L, 1_700_000_000_002L),
                List.of(latest.getKey(), latest.getValue(), latest.getStep(), latest.getTimestamp()));
        assertEquals("0.02", first.getItems().getFirst().getData().getParams(0).getValue());
        assertEquals(runIds.stream().sorted().toList(), client.searchRuns(List.of(experimentId), null).stream()
                .map(RunInfo::getRunId).sorted().toList());
    }

    @Test
    void a_filter_mlflow_would_refuse_is_an_invalid_parameter_value_naming_the_column() {
        String experimentId = client.createExperiment(unique("bad-filter"));

        MlflowHttpException refused = assertThrows(MlflowHttpException.class,
                () -> client.searchRuns(List.of(experimentId), "metrics.loss < 0.5 OR params.lr = '1'"));

        assertEquals(400, refused.getStatusCode());
        assertTrue(refused.getBodyMessage().contains("\"INVALID_PARAMETER_VALUE\""), refused.getBodyMessage());
        assertTrue(refused.getBodyMessage().contains("column"), refused.getBodyMessage());
    }

    @Test
    void a_deleted_experiment_is_hidden_takes_no_runs_and_comes_back_when_restored() {
        String experimentId = client.createExperiment(unique("bin"));

        client.deleteExperiment(experimentId);

        assertEquals("deleted", client.getExperiment(experimentId).getLifecycleStage());
        assertTrue(client.searchExperiments(null, ViewType.ACTIVE_ONLY, 1000, List.of()).getItems().stream()
                .noneMatch(experiment -> experiment.getExperimentId().equals(experimentId)));
        MlflowHttpException refused = assertThrows(MlflowHttpException.class, () -> client.createRun(experimentId));
        assertEquals(400, refused.getStatusCode(), refused.getBodyMessage());
        client.restoreExperiment(experimentId);
        assertEquals("active", client.getExperiment(experimentId).getLifecycleStage());
        assertEquals(RunStatus.RUNNING, client.createRun(experimentId).getStatus());
    }

    @Test
    void a_deleted_run_is_marked_deleted_and_restored() {
        String runId = client.createRun(client.createExperiment(unique("run-bin"))).getRunId();

        client.deleteRun(runId);
        assertEquals("deleted", client.getRun(runId).getInfo().getLifecycleStage());
        client.restoreRun(runId);

        assertEquals("active", client.getRun(runId).getInfo().getLifecycleStage());
    }

    @Test
    void an_experiment_is_renamed_and_tagged() {
        String experimentId = client.createExperiment(unique("before"));
        String after = unique("after");

        client.renameExperiment(experimentId, after);
        client.setExperimentTag(experimentId, "owner-team", "nlp");

        Experiment renamed = client.getExperiment(experimentId);
        assertEquals(after, renamed.getName());
        assertEquals("nlp", renamed.getTags(0).getValue());
    }

    @Test
    void a_run_is_ended_as_killed_or_failed_with_its_end_time() {
        String experimentId = client.createExperiment(unique("ends"));
        String killed = client.createRun(experimentId).getRunId();
        String failed = client.createRun(experimentId).getRunId();

        client.setTerminated(killed, RunStatus.KILLED, 1_800_000_000_000L);
        client.setTerminated(failed, RunStatus.FAILED);

        RunInfo killedInfo = client.getRun(killed).getInfo();
        assertEquals(RunStatus.KILLED, killedInfo.getStatus());
        assertEquals(1_800_000_000_000L, killedInfo.getEndTime());
        assertEquals(RunStatus.FAILED, client.getRun(failed).getInfo().getStatus());
    }

    @Test
    void an_unknown_run_or_experiment_is_a_404_the_client_reports() {
        MlflowHttpException run = assertThrows(MlflowHttpException.class,
                () -> client.getRun("0123456789abcdef0123456789abcdef"));
        MlflowHttpException experiment = assertThrows(MlflowHttpException.class,
                () -> client.getExperiment("987654321"));

        assertEquals(404, run.getStatusCode());
        assertTrue(run.getBodyMessage().contains("\"RESOURCE_DOES_NOT_EXIST\""), run.getBodyMessage());
        assertEquals(404, experiment.getStatusCode());
    }

    @Test
    void a_reader_reads_but_may_not_write() {
        String experimentId = client.createExperiment(unique("read-only"));

        assertEquals(experimentId, reader.getExperiment(experimentId).getExperimentId());
        MlflowHttpException refused = assertThrows(MlflowHttpException.class, () -> reader.createRun(experimentId));
        assertEquals(403, refused.getStatusCode());
        assertTrue(refused.getBodyMessage().contains("\"PERMISSION_DENIED\""), refused.getBodyMessage());
    }

    @Test
    void basic_credentials_with_an_api_token_as_password_are_accepted() {
        try (MlflowClient basic = new MlflowClient(new BasicMlflowHostCreds(server.getURL().toString(), "anyone",
                trackerToken))) {
            String experimentId = basic.createExperiment(unique("basic"));

            assertEquals(experimentId, basic.getExperiment(experimentId).getExperimentId());
        }
    }

    @Test
    void a_client_without_credentials_is_told_it_is_unauthenticated() {
        try (MlflowClient anonymous = new MlflowClient(new BasicMlflowHostCreds(server.getURL().toString()))) {
            MlflowHttpException refused = assertThrows(MlflowHttpException.class, () -> anonymous.getExperiment("0"));

            assertEquals(401, refused.getStatusCode());
            assertTrue(refused.getBodyMessage().contains("\"UNAUTHENTICATED\""), refused.getBodyMessage());
        }
    }

    private String unique(String prefix) {
        return prefix + "-" + getClass().getSimpleName() + "-" + sequence.incrementAndGet();
    }

    private static String issueToken(RawHttp admin, String name, String role) {
        return (String) body(expect(201, admin.postJson("/api/v1/tokens",
                "{\"name\": \"" + name + "\", \"role\": \"" + role + "\"}"))).get("token");
    }
}
