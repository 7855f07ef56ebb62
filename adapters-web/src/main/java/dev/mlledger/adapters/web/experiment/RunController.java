package dev.mlledger.adapters.web.experiment;

import dev.mlledger.adapters.web.json.JsonBodies;
import dev.mlledger.adapters.web.json.JsonFields;
import dev.mlledger.adapters.web.json.Violations;
import dev.mlledger.adapters.web.paging.CursorCodec;
import dev.mlledger.adapters.web.paging.CursorQuery;
import dev.mlledger.adapters.web.paging.PageView;
import dev.mlledger.adapters.web.requestlog.RequestAttributes;
import dev.mlledger.application.experiment.FindRun;
import dev.mlledger.application.experiment.FinishRun;
import dev.mlledger.application.experiment.LogMetrics;
import dev.mlledger.application.experiment.MetricHistory;
import dev.mlledger.application.experiment.MetricToLog;
import dev.mlledger.application.experiment.RunWithLatestMetrics;
import dev.mlledger.domain.experiment.MetricKey;
import dev.mlledger.domain.experiment.MetricPoint;
import dev.mlledger.domain.experiment.RunStatus;
import dev.mlledger.domain.paging.Page;
import dev.mlledger.domain.paging.PageLimit;
import dev.mlledger.domain.validation.Checks;
import dev.mlledger.domain.validation.TooManyItems;
import dev.mlledger.domain.validation.Violation;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Patch;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.json.tree.JsonNode;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.serde.annotation.Serdeable;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/** {@code /api/v1/runs}: read and end runs, log metrics, read metric history. */
@Controller("/api/v1/runs")
@ExecuteOn(TaskExecutors.BLOCKING)
public class RunController {

    private static final Set<String> POINT_FIELDS = Set.of("name", "step", "value", "timestamp");

    @Serdeable
    public record LoggedView(int logged) {
    }

    private final FindRun findRun;
    private final FinishRun finishRun;
    private final LogMetrics logMetrics;
    private final MetricHistory metricHistory;
    private final JsonBodies bodies;
    private final CursorCodec cursors;

    public RunController(FindRun findRun, FinishRun finishRun, LogMetrics logMetrics, MetricHistory metricHistory,
                         JsonBodies bodies, CursorCodec cursors) {
        this.findRun = findRun;
        this.finishRun = finishRun;
        this.logMetrics = logMetrics;
        this.metricHistory = metricHistory;
        this.bodies = bodies;
        this.cursors = cursors;
    }

    @Get("/{id}")
    public RunView byId(@PathVariable UUID id) {
        RunWithLatestMetrics found = findRun.byId(id);
        return RunView.of(found.run(), found.latestMetrics());
    }

    @Patch(value = "/{id}", consumes = MediaType.APPLICATION_JSON)
    public RunView finish(HttpRequest<?> request, @PathVariable UUID id, @Body byte[] body) {
        JsonNode json = parse(request, body);
        List<Violation> violations = new ArrayList<>();
        JsonFields fields = new JsonFields(json, "", violations);
        String status = fields.string("status");
        fields.require("status");
        fields.rejectOthers(Set.of("status"));
        RunStatus outcome = status == null ? null : Violations.collect(violations, () -> RunStatus.parse("status", status));
        Checks.throwIfAny(violations);
        return RunView.of(finishRun.finish(id, outcome));
    }

    @Post(value = "/{id}/metrics", consumes = MediaType.APPLICATION_JSON)
    public HttpResponse<MetricPointView> logOne(HttpRequest<?> request, @PathVariable UUID id, @Body byte[] body) {
        JsonNode json = parse(request, body);
        List<Violation> violations = new ArrayList<>();
        MetricToLog point = point(json, "", violations);
        Checks.throwIfAny(violations);
        return HttpResponse.created(MetricPointView.of(logMetrics.logOne(id, point)));
    }

    @Post(value = "/{id}/metrics/batch", consumes = MediaType.APPLICATION_JSON)
    public HttpResponse<LoggedView> logBatch(HttpRequest<?> request, @PathVariable UUID id, @Body byte[] body) {
        JsonNode json = parse(request, body);
        List<Violation> violations = new ArrayList<>();
        JsonFields fields = new JsonFields(json, "", violations);
        List<JsonNode> items = fields.array("metrics");
        fields.require("metrics");
        fields.rejectOthers(Set.of("metrics"));
        Checks.throwIfAny(violations);
        if (items.size() > LogMetrics.MAX_BATCH) {
            throw new TooManyItems("metrics", LogMetrics.MAX_BATCH, items.size());
        }
        List<MetricToLog> points = new ArrayList<>(items.size());
        for (int i = 0; i < items.size(); i++) {
            String prefix = "metrics[" + i + "]";
            if (!items.get(i).isObject()) {
                violations.add(new Violation(prefix, "must be a JSON object"));
                continue;
            }
            points.add(point(items.get(i), prefix + ".", violations));
        }
        Checks.throwIfAny(violations);
        return HttpResponse.created(new LoggedView(logMetrics.logBatch(id, points)));
    }

    @Get("/{id}/metrics")
    public PageView<MetricPointView> history(@PathVariable UUID id,
                                             @Nullable @QueryValue("name") String name,
                                             @Nullable @QueryValue("limit") Integer limit,
                                             @Nullable @QueryValue("cursor") String cursor) {
        PageLimit pageLimit = PageLimit.of(limit, MetricHistory.DEFAULT_LIMIT, MetricHistory.MAX_LIMIT);
        // no name filter must not read like the metric named "null"
        String query = CursorQuery.of("metrics").with("run", id).with("name", name).toString();
        Page<MetricPoint> page = metricHistory.history(id, name, cursors.decodeMetric(cursor, query), pageLimit);
        String next = null;
        if (page.hasMore()) {
            MetricPoint last = page.items().getLast();
            next = cursors.encodeMetric(new MetricKey(last.name(), last.step()), query);
        }
        return new PageView<>(page.items().stream().map(MetricPointView::of).toList(), next);
    }

    private static MetricToLog point(JsonNode json, String prefix, List<Violation> violations) {
        JsonFields fields = new JsonFields(json, prefix, violations);
        MetricToLog point = new MetricToLog(fields.string("name"), fields.wholeNumber("step"), fields.number("value"),
                fields.instant("timestamp"));
        fields.rejectOthers(POINT_FIELDS);
        // the point's own rules too, so that a body with a wrong type also hears of an empty name or a negative step
        Violations.collect(violations, () -> {
            List<Violation> rules = new ArrayList<>();
            MetricPoint.check(rules, prefix, point.name(), point.step(), point.value());
            Checks.throwIfAny(rules);
            return null;
        });
        return point;
    }

    private JsonNode parse(HttpRequest<?> request, byte[] body) {
        JsonNode json = bodies.object(body);
        RequestAttributes.setRequestData(request, bodies.document(json));
        return json;
    }
}
