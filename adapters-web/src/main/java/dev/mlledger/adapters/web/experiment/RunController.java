package dev.mlledger.adapters.web.experiment;

import io.micronaut.http.HttpRequest;
import dev.mlledger.adapters.web.security.CallerOfRequest;
import dev.mlledger.adapters.web.security.Roles;
import io.micronaut.security.annotation.Secured;
import dev.mlledger.adapters.web.binding.Violations;
import dev.mlledger.adapters.web.binding.Spellings;
import dev.mlledger.adapters.web.error.Problem;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import dev.mlledger.adapters.web.paging.CursorCodec;
import dev.mlledger.adapters.web.paging.CursorQuery;
import dev.mlledger.adapters.web.paging.PageView;
import jakarta.validation.Valid;
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
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Patch;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.serde.annotation.Serdeable;

import java.util.List;
import java.util.UUID;

/** {@code /api/v1/runs}: read and end runs, log metrics, read metric history. */
@Tag(name = "experiments")
@ApiResponse(responseCode = "400", description = "Malformed JSON, a wrong type, a missing or out-of-range field, a bad UUID or cursor", content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = Problem.class)))
@ApiResponse(responseCode = "404", description = "No such resource", content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = Problem.class)))
@ApiResponse(responseCode = "409", description = "Conflicts with the current state (a forbidden transition, an ended run, a lost race)", content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = Problem.class)))
@ApiResponse(responseCode = "413", description = "Body over the size limit (1 MiB) or a batch over its item limit", content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = Problem.class)))
@ApiResponse(responseCode = "415", description = "The body is not JSON", content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = Problem.class)))
@ApiResponse(responseCode = "503", description = "The database could not do the work now: unreachable, restarting, out of connections, or in conflict after retries (Retry-After is set)", content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = Problem.class)))
@ApiResponse(responseCode = "401", description = "No valid credentials (WWW-Authenticate: Bearer)", content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = Problem.class)))
@ApiResponse(responseCode = "403", description = "The principal's role may not use this route, or it does not own the experiment", content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = Problem.class)))
@Controller("/api/v1/runs")
@Secured(Roles.TRACKER)
@ExecuteOn(TaskExecutors.BLOCKING)
public class RunController {

    @Serdeable
    public record LoggedView(int logged) {
    }

    private final FindRun findRun;
    private final FinishRun finishRun;
    private final LogMetrics logMetrics;
    private final MetricHistory metricHistory;
    private final CursorCodec cursors;
    private final CallerOfRequest callers;

    public RunController(FindRun findRun, FinishRun finishRun, LogMetrics logMetrics, MetricHistory metricHistory,
                         CursorCodec cursors, CallerOfRequest callers) {
        this.findRun = findRun;
        this.finishRun = finishRun;
        this.logMetrics = logMetrics;
        this.metricHistory = metricHistory;
        this.cursors = cursors;
        this.callers = callers;
    }

    @Operation(summary = "A run with latest_metrics (the value at the highest step of each name)")
    @Get("/{id}")
    @Secured(Roles.READER)
    public RunView byId(@PathVariable UUID id) {
        RunWithLatestMetrics found = findRun.byId(id);
        return RunView.of(found.run(), found.latestMetrics());
    }

    @Operation(summary = "End a run as completed or failed", description = "Sets ended_at. A run that already ended is a 409; of two clients ending it at once, one gets 200, the other 409.")
    @Patch(value = "/{id}", consumes = MediaType.APPLICATION_JSON)
    public RunView finish(HttpRequest<?> request, @PathVariable UUID id, @Body @Valid FinishRunRequest body) {
        return RunView.of(finishRun.finish(callers.of(request), id, Violations.under("status", () -> Spellings.runStatus(body.status()))));
    }

    @Operation(summary = "Log one metric point", description = "201 with the stored point. Logging the same name and step again replaces it; logging to an ended run is a 409.")
    @Post(value = "/{id}/metrics", consumes = MediaType.APPLICATION_JSON)
    public HttpResponse<MetricPointView> logOne(HttpRequest<?> request, @PathVariable UUID id,
                                                @Body MetricPointRequest body) {
        return HttpResponse.created(MetricPointView.of(logMetrics.logOne(callers.of(request), id, point(body))));
    }

    @Operation(summary = "Log 1 to 1000 metric points, all or nothing", description = "201 {\"logged\": n}.")
    @Post(value = "/{id}/metrics/batch", consumes = MediaType.APPLICATION_JSON)
    public HttpResponse<LoggedView> logBatch(HttpRequest<?> request, @PathVariable UUID id,
                                             @Body MetricBatchRequest body) {
        List<MetricToLog> points = body.metrics() == null ? null
                : body.metrics().stream().map(RunController::point).toList();
        var caller = callers.of(request);
        return HttpResponse.created(new LoggedView(Violations.under("metrics", () -> logMetrics.logBatch(caller, id, points))));
    }

    @Operation(summary = "Metric history, ordered by name then step", description = "limit 1-25000 (default 10000); keyset paging: follow next_cursor. A page costs the same at any depth.")
    @Get("/{id}/metrics")
    @Secured(Roles.READER)
    public PageView<MetricPointView> history(@PathVariable UUID id,
                                             @Nullable @QueryValue("name") String name,
                                             @Nullable @QueryValue("limit") Integer limit,
                                             @Nullable @QueryValue("cursor") String cursor) {
        PageLimit pageLimit = Violations.under("limit",
                () -> PageLimit.of(limit, MetricHistory.DEFAULT_LIMIT, MetricHistory.MAX_LIMIT));
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

    private static MetricToLog point(MetricPointRequest point) {
        return new MetricToLog(point.name(), point.step(), point.value(),
                point.timestamp() == null ? null : point.timestamp().toInstant());
    }
}
