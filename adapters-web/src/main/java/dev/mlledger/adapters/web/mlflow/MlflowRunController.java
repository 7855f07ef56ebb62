package dev.mlledger.adapters.web.mlflow;

import dev.mlledger.adapters.web.binding.LenientShape;
import dev.mlledger.adapters.web.binding.Violations;
import dev.mlledger.adapters.web.idempotency.IdempotentAnswers;
import dev.mlledger.adapters.web.mlflow.MlflowEntities.Metric;
import dev.mlledger.adapters.web.paging.CursorCodec;
import dev.mlledger.adapters.web.paging.CursorQuery;
import dev.mlledger.adapters.web.security.CallerOfRequest;
import dev.mlledger.adapters.web.security.Roles;
import dev.mlledger.application.experiment.DeleteRun;
import dev.mlledger.application.experiment.FindExperiments;
import dev.mlledger.application.experiment.FindRun;
import dev.mlledger.application.experiment.LogRunData;
import dev.mlledger.application.experiment.MetricHistory;
import dev.mlledger.application.experiment.RunChanges;
import dev.mlledger.application.experiment.RunData;
import dev.mlledger.application.experiment.RunDetails;
import dev.mlledger.application.experiment.RunToStart;
import dev.mlledger.application.experiment.SearchRuns;
import dev.mlledger.application.experiment.StartRun;
import dev.mlledger.application.experiment.UntagRun;
import dev.mlledger.application.experiment.UpdateRun;
import dev.mlledger.domain.experiment.Experiment;
import dev.mlledger.domain.experiment.Lifecycle;
import dev.mlledger.domain.experiment.MetricKey;
import dev.mlledger.domain.experiment.MetricPoint;
import dev.mlledger.domain.experiment.Param;
import dev.mlledger.domain.experiment.Run;
import dev.mlledger.domain.experiment.RunStatus;
import dev.mlledger.domain.experiment.Tag;
import dev.mlledger.domain.experiment.search.RunPage;
import dev.mlledger.domain.experiment.search.RunPosition;
import dev.mlledger.domain.experiment.search.RunQuery;
import dev.mlledger.domain.paging.Page;
import dev.mlledger.domain.paging.PageLimit;
import dev.mlledger.domain.validation.Checks;
import dev.mlledger.domain.validation.NotFound;
import dev.mlledger.domain.validation.Violation;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.swagger.v3.oas.annotations.Hidden;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;

import static dev.mlledger.adapters.web.mlflow.MlflowPaths.AJAX;
import static dev.mlledger.adapters.web.mlflow.MlflowPaths.API;

/**
 * MLflow's run requests ({@code runs/…} and {@code metrics/get-history} of its REST API 2.0) on mlledger's use cases.
 * A run's MLflow id is its UUID as 32 hex digits. Not in the OpenAPI document (see {@link MlflowExperimentController}).
 */
@Hidden
@LenientShape
@Controller
@Secured(Roles.TRACKER)
@ExecuteOn(TaskExecutors.BLOCKING)
public class MlflowRunController {

    /** The tag MLflow's clients name a run with when they give no run_name. */
    static final String RUN_NAME_TAG = "mlflow.runName";
    private static final MlflowRequests.CreateRun NO_RUN = new MlflowRequests.CreateRun(null, null, null, null, null);
    private static final MlflowRequests.SearchRuns NO_SEARCH =
            new MlflowRequests.SearchRuns(null, null, null, null, null, null);
    /** MLflow's largest page of runs; mlledger answers at most {@link RunQuery#MAX_RESULTS} a page. */
    private static final int MAX_SEARCH_RESULTS = 50_000;

    private final FindExperiments findExperiments;
    private final StartRun startRun;
    private final FindRun findRun;
    private final UpdateRun updateRun;
    private final DeleteRun deleteRun;
    private final LogRunData logRunData;
    private final UntagRun untagRun;
    private final MetricHistory metricHistory;
    private final SearchRuns searchRuns;
    private final CursorCodec cursors;
    private final CallerOfRequest callers;
    private final IdempotentAnswers idempotent;

    public MlflowRunController(FindExperiments findExperiments, StartRun startRun, FindRun findRun, UpdateRun updateRun,
                               DeleteRun deleteRun, LogRunData logRunData, UntagRun untagRun,
                               MetricHistory metricHistory, SearchRuns searchRuns, CursorCodec cursors,
                               CallerOfRequest callers, IdempotentAnswers idempotent) {
        this.findExperiments = findExperiments;
        this.startRun = startRun;
        this.findRun = findRun;
        this.updateRun = updateRun;
        this.deleteRun = deleteRun;
        this.logRunData = logRunData;
        this.untagRun = untagRun;
        this.metricHistory = metricHistory;
        this.searchRuns = searchRuns;
        this.cursors = cursors;
        this.callers = callers;
        this.idempotent = idempotent;
    }

    /**
     * Starts a run owned by the caller (user_id is ignored), named run_name, else by its {@code mlflow.runName} tag,
     * else by a made-up name; at start_time when given.
     */
    @Post(uris = {API + "/runs/create", AJAX + "/runs/create"}, consumes = MediaType.APPLICATION_JSON)
    public HttpResponse<MlflowResponses.GetRun> create(HttpRequest<?> request,
                                                       @Nullable @Body MlflowRequests.CreateRun body) {
        String key = IdempotentAnswers.keyOf(request);
        return key == null ? newRun(request, body) : idempotent.answer(request, key, body, () -> newRun(request, body));
    }

    private HttpResponse<MlflowResponses.GetRun> newRun(HttpRequest<?> request, @Nullable MlflowRequests.CreateRun body) {
        MlflowRequests.CreateRun given = body == null ? NO_RUN : body;
        Experiment experiment = findExperiments.taggedByNumber(MlflowIds.experimentNumber(
                MlflowBodies.required(given.experimentId(), "experiment_id"))).experiment();
        List<Violation> violations = new ArrayList<>();
        List<Tag> tags = MlflowBodies.tags(violations, "tags", given.tags());
        String name = MlflowBodies.given(given.runName()) != null ? given.runName()
                : tags.stream().filter(tag -> tag.key().equals(RUN_NAME_TAG)).map(Tag::value).reduce((a, b) -> b)
                .orElse(null);
        RunToStart toStart = Violations.collect(violations, "", () -> new RunToStart(experiment.id(), name,
                MlflowIds.instant(given.startTime()), null, tags));
        Checks.throwIfAny(violations);
        Run started = startRun.start(callers.of(request), toStart);
        SortedMap<String, String> startedTags = new TreeMap<>();
        tags.forEach(tag -> startedTags.put(tag.key(), tag.value()));
        return HttpResponse.ok(new MlflowResponses.GetRun(run(started, experiment.number(), List.of(),
                new TreeMap<>(), startedTags)));
    }

    @Get(uris = {API + "/runs/get", AJAX + "/runs/get"})
    @Secured(Roles.READER)
    public MlflowResponses.GetRun get(@Nullable @QueryValue("run_id") String runId,
                                      @Nullable @QueryValue("run_uuid") String runUuid) {
        RunDetails details = findRun.byId(MlflowBodies.runId(runId, runUuid));
        // the latest value of each metric, without its step and timestamp, which FindRun does not read
        List<Metric> latest = details.latestMetrics().entrySet().stream()
                .map(metric -> new Metric(metric.getKey(), metric.getValue(), null, null)).toList();
        return new MlflowResponses.GetRun(run(details.run(), numberOf(details.run()), latest, details.params(),
                details.tags()));
    }

    /** Ends the run (FINISHED, FAILED, KILLED) at end_time or now, and/or renames it. */
    @Post(uris = {API + "/runs/update", AJAX + "/runs/update"}, consumes = MediaType.APPLICATION_JSON)
    public MlflowResponses.UpdateRun update(HttpRequest<?> request, @Nullable @Body MlflowRequests.UpdateRun body) {
        UUID id = MlflowBodies.runId(body == null ? null : body.runId(), body == null ? null : body.runUuid());
        RunStatus status = MlflowBodies.given(body.status()) == null ? null
                : MlflowSpellings.runStatus("status", body.status());
        String name = MlflowBodies.given(body.runName());
        Instant endedAt = status == null || status == RunStatus.RUNNING ? null : MlflowIds.instant(body.endTime());
        Run updated = updateRun.update(callers.of(request), id, new RunChanges(name, status, endedAt));
        return new MlflowResponses.UpdateRun(MlflowViews.runInfo(updated, numberOf(updated)));
    }

    /** Moves the run to the bin (lifecycle_stage deleted); restorable. */
    @Post(uris = {API + "/runs/delete", AJAX + "/runs/delete"}, consumes = MediaType.APPLICATION_JSON)
    public MlflowResponses.Empty delete(HttpRequest<?> request, @Nullable @Body MlflowRequests.RunReference body) {
        deleteRun.delete(callers.of(request), MlflowBodies.runId(body == null ? null : body.runId(), null));
        return new MlflowResponses.Empty();
    }

    @Post(uris = {API + "/runs/restore", AJAX + "/runs/restore"}, consumes = MediaType.APPLICATION_JSON)
    public MlflowResponses.Empty restore(HttpRequest<?> request, @Nullable @Body MlflowRequests.RunReference body) {
        deleteRun.restore(callers.of(request), MlflowBodies.runId(body == null ? null : body.runId(), null));
        return new MlflowResponses.Empty();
    }

    /**
     * MLflow's filter grammar and order_by on mlledger's run search (see docs/mlflow.md); experiments a client names
     * that do not exist have no runs, as in MLflow. Pages of at most 1000 runs (a larger max_results gets 1000 and a
     * next_page_token); each run with its latest metrics (step and timestamp too), params and tags.
     */
    @Post(uris = {API + "/runs/search", AJAX + "/runs/search"}, consumes = MediaType.APPLICATION_JSON)
    @Secured(Roles.READER)
    public MlflowResponses.SearchRuns search(@Nullable @Body MlflowRequests.SearchRuns body) {
        MlflowRequests.SearchRuns given = body == null ? NO_SEARCH : body;
        List<Violation> violations = new ArrayList<>();
        List<String> experimentIds = given.experimentIds() == null ? List.of() : given.experimentIds();
        if (experimentIds.isEmpty()) {
            violations.add(new Violation("experiment_ids", "must name at least one experiment"));
        }
        int maxResults = given.maxResults() == null ? RunQuery.MAX_RESULTS : given.maxResults();
        if (maxResults < 1 || maxResults > MAX_SEARCH_RESULTS) {
            violations.add(new Violation("max_results", "must be between 1 and " + MAX_SEARCH_RESULTS));
        }
        Lifecycle lifecycle = Violations.collect(violations, "", () -> MlflowSpellings.viewType("run_view_type",
                given.runViewType()));
        String bound = CursorQuery.of("mlflow-runs").with("experiments", new TreeSet<>(experimentIds))
                .with("filter", given.filter()).with("order", given.orderBy()).with("lifecycle", lifecycle).toString();
        RunPosition after = MlflowPaging.position(() -> cursors.decodeRun(MlflowBodies.given(given.pageToken()), bound));
        // a page holds at most what mlledger pages by; the token asks for the rest, as MLflow allows
        RunQuery query = Violations.collect(violations, "", () -> RunQuery.of(given.filter(), given.orderBy(),
                lifecycle, Math.min(maxResults, RunQuery.MAX_RESULTS), after));
        Checks.throwIfAny(violations);
        Map<UUID, Long> numbers = new HashMap<>();
        for (String experimentId : new TreeSet<>(experimentIds)) {
            try {
                Experiment experiment = findExperiments.taggedByNumber(MlflowIds.experimentNumber(experimentId))
                        .experiment();
                numbers.put(experiment.id(), experiment.number());
            } catch (NotFound noSuchExperiment) {
                // an experiment that does not exist has no runs to find
            }
        }
        RunPage page = numbers.isEmpty() ? new RunPage(List.of(), null) : searchRuns.search(numbers.keySet(), query);
        return new MlflowResponses.SearchRuns(page.runs().stream()
                .map(found -> run(found.run(), numbers.get(found.run().experimentId()),
                        found.latestMetrics().values().stream().map(MlflowViews::metric).toList(),
                        found.params(), found.tags()))
                .toList(), page.next() == null ? null : cursors.encodeRun(page.next(), bound));
    }

    /** One metric point; logging its key and step again replaces it (MLflow would keep both). */
    @Post(uris = {API + "/runs/log-metric", AJAX + "/runs/log-metric"}, consumes = MediaType.APPLICATION_JSON)
    public MlflowResponses.Empty logMetric(HttpRequest<?> request, @Nullable @Body MlflowRequests.LogMetric body) {
        UUID id = MlflowBodies.runId(body == null ? null : body.runId(), body == null ? null : body.runUuid());
        RunData data = new RunData(List.of(MlflowBodies.metric(body.key(), body.value(), body.timestamp(),
                body.step())), List.of(), List.of());
        MlflowBodies.inMlflowWords(true, () -> {
            logRunData.log(callers.of(request), id, data);
            return null;
        });
        return new MlflowResponses.Empty();
    }

    /** Up to 1000 metrics, 100 params and 100 tags, all or nothing, in one unit of work. */
    @Post(uris = {API + "/runs/log-batch", AJAX + "/runs/log-batch"}, consumes = MediaType.APPLICATION_JSON)
    public MlflowResponses.Empty logBatch(HttpRequest<?> request, @Nullable @Body MlflowRequests.LogBatch body) {
        UUID id = MlflowBodies.runId(body == null ? null : body.runId(), null);
        List<Violation> violations = new ArrayList<>();
        List<Param> params = MlflowBodies.params(violations, "params", body.params());
        List<Tag> tags = MlflowBodies.tags(violations, "tags", body.tags());
        List<?> metrics = body.metrics() == null ? List.of() : body.metrics();
        if (metrics.isEmpty() && params.isEmpty() && tags.isEmpty() && violations.isEmpty()) {
            findRun.byId(id);   // MLflow takes an empty batch; the run must still exist
            return new MlflowResponses.Empty();
        }
        RunData data = Violations.collect(violations, "", () -> new RunData(MlflowBodies.metrics(body.metrics()),
                params, tags));
        Checks.throwIfAny(violations);
        MlflowBodies.inMlflowWords(false, () -> {
            logRunData.log(callers.of(request), id, data);
            return null;
        });
        return new MlflowResponses.Empty();
    }

    /** Written once per key: the same value again is no change, another value INVALID_PARAMETER_VALUE. */
    @Post(uris = {API + "/runs/log-parameter", AJAX + "/runs/log-parameter"}, consumes = MediaType.APPLICATION_JSON)
    public MlflowResponses.Empty logParameter(HttpRequest<?> request, @Nullable @Body MlflowRequests.LogParam body) {
        UUID id = MlflowBodies.runId(body == null ? null : body.runId(), body == null ? null : body.runUuid());
        logRunData.log(callers.of(request), id, RunData.params(List.of(new Param(body.key(), body.value()))));
        return new MlflowResponses.Empty();
    }

    @Post(uris = {API + "/runs/set-tag", AJAX + "/runs/set-tag"}, consumes = MediaType.APPLICATION_JSON)
    public MlflowResponses.Empty setTag(HttpRequest<?> request, @Nullable @Body MlflowRequests.SetTag body) {
        UUID id = MlflowBodies.runId(body == null ? null : body.runId(), body == null ? null : body.runUuid());
        logRunData.log(callers.of(request), id, RunData.tags(List.of(new Tag(body.key(), body.value()))));
        return new MlflowResponses.Empty();
    }

    /** A key the run has no tag for is RESOURCE_DOES_NOT_EXIST, as in MLflow. */
    @Post(uris = {API + "/runs/delete-tag", AJAX + "/runs/delete-tag"}, consumes = MediaType.APPLICATION_JSON)
    public MlflowResponses.Empty deleteTag(HttpRequest<?> request, @Nullable @Body MlflowRequests.DeleteTag body) {
        UUID id = MlflowBodies.runId(body == null ? null : body.runId(), null);
        String key = MlflowBodies.required(body.key(), "key");
        if (!untagRun.untag(callers.of(request), id, key)) {
            throw new NotFound("tag '" + key + "' of run " + MlflowIds.runId(id));
        }
        return new MlflowResponses.Empty();
    }

    /**
     * A metric's points by step. Without max_results up to 25,000 points a page; {@code next_page_token} only when
     * another page follows (the Java client pages as long as the member is there).
     */
    @Get(uris = {API + "/metrics/get-history", AJAX + "/metrics/get-history"})
    @Secured(Roles.READER)
    public MlflowResponses.GetMetricHistory history(@Nullable @QueryValue("run_id") String runId,
                                                    @Nullable @QueryValue("run_uuid") String runUuid,
                                                    @Nullable @QueryValue("metric_key") String metricKey,
                                                    @Nullable @QueryValue("max_results") Integer maxResults,
                                                    @Nullable @QueryValue("page_token") String pageToken) {
        UUID id = MlflowBodies.runId(runId, runUuid);
        String key = MlflowBodies.required(metricKey, "metric_key");
        PageLimit limit = Violations.under("maxResults", () -> PageLimit.of(
                maxResults == null ? null : Math.min(maxResults, MetricHistory.MAX_LIMIT), MetricHistory.MAX_LIMIT,
                MetricHistory.MAX_LIMIT));
        String query = CursorQuery.of("mlflow-metrics").with("run", id).with("key", key).toString();
        MetricKey after = MlflowPaging.position(() -> cursors.decodeMetric(MlflowBodies.given(pageToken), query));
        Page<MetricPoint> page = metricHistory.history(id, key, after, limit);
        String next = null;
        if (page.hasMore()) {
            MetricPoint last = page.items().getLast();
            next = cursors.encodeMetric(new MetricKey(last.name(), last.step()), query);
        }
        return new MlflowResponses.GetMetricHistory(page.items().stream().map(MlflowViews::metric).toList(), next);
    }

    /** The number of the run's experiment, MLflow's experiment id. */
    private long numberOf(Run run) {
        Experiment experiment = findExperiments.byIds(Set.of(run.experimentId())).get(run.experimentId());
        if (experiment == null) {
            throw new NotFound("run " + MlflowIds.runId(run.id()));
        }
        return experiment.number();
    }

    private static MlflowEntities.Run run(Run run, long experimentNumber, List<Metric> latestMetrics,
                                          SortedMap<String, String> params, SortedMap<String, String> tags) {
        return new MlflowEntities.Run(MlflowViews.runInfo(run, experimentNumber),
                new MlflowEntities.RunData(latestMetrics, MlflowViews.keyValues(params), MlflowViews.keyValues(tags)));
    }
}
