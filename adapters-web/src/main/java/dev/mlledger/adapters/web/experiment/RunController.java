package dev.mlledger.adapters.web.experiment;

import io.micronaut.http.HttpRequest;
import dev.mlledger.adapters.web.security.CallerOfRequest;
import dev.mlledger.adapters.web.security.Roles;
import io.micronaut.security.annotation.Secured;
import dev.mlledger.adapters.web.binding.Violations;
import dev.mlledger.adapters.web.binding.Spellings;
import dev.mlledger.adapters.web.error.Problem;
import dev.mlledger.adapters.web.idempotency.IdempotentAnswers;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.enums.ParameterIn;
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
import dev.mlledger.application.experiment.DeleteRun;
import dev.mlledger.application.experiment.LogMetrics;
import dev.mlledger.application.experiment.MetricHistory;
import dev.mlledger.application.experiment.MetricToLog;
import dev.mlledger.application.experiment.LogRunData;
import dev.mlledger.application.experiment.RunChanges;
import dev.mlledger.application.experiment.RunData;
import dev.mlledger.application.experiment.UntagRun;
import dev.mlledger.application.experiment.UpdateRun;
import dev.mlledger.domain.experiment.MetricKey;
import dev.mlledger.domain.experiment.MetricPoint;
import dev.mlledger.domain.experiment.RunStatus;
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
import io.micronaut.http.annotation.Delete;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Patch;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.serde.annotation.Serdeable;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.Supplier;

/** {@code /api/v1/runs}: read, end, rename, delete and restore runs, log metrics and params, tag runs, read metric history. */
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
    private final UpdateRun updateRun;
    private final DeleteRun deleteRun;
    private final LogMetrics logMetrics;
    private final LogRunData logRunData;
    private final UntagRun untagRun;
    private final MetricHistory metricHistory;
    private final CursorCodec cursors;
    private final CallerOfRequest callers;
    private final IdempotentAnswers idempotent;

    public RunController(FindRun findRun, UpdateRun updateRun, DeleteRun deleteRun, LogMetrics logMetrics,
                         LogRunData logRunData, UntagRun untagRun, MetricHistory metricHistory, CursorCodec cursors,
                         CallerOfRequest callers, IdempotentAnswers idempotent) {
        this.findRun = findRun;
        this.updateRun = updateRun;
        this.deleteRun = deleteRun;
        this.logMetrics = logMetrics;
        this.logRunData = logRunData;
        this.untagRun = untagRun;
        this.metricHistory = metricHistory;
        this.cursors = cursors;
        this.callers = callers;
        this.idempotent = idempotent;
    }

    @Operation(summary = "A run with latest_metrics (the value at the highest step of each name), params and tags")
    @Get("/{id}")
    @Secured(Roles.READER)
    public RunView byId(@PathVariable UUID id) {
        return RunView.of(findRun.byId(id));
    }

    @Operation(summary = "End a run (completed, failed or killed) and/or rename it", description = "Sets ended_at (now, or the given ended_at). Ending it again with the same status is no change; with another status a 409: of two clients ending it differently at once, one gets 200, the other 409. A deleted run is a 409.")
    @Patch(value = "/{id}", consumes = MediaType.APPLICATION_JSON)
    public RunView update(HttpRequest<?> request, @PathVariable UUID id, @Body UpdateRunRequest body) {
        List<Violation> violations = new ArrayList<>();
        RunStatus status = body.status() == null ? null
                : Violations.collect(violations, "status", () -> Spellings.runStatus(body.status()));
        Checks.throwIfAny(violations);
        RunChanges changes = Violations.collect(violations, "", () -> new RunChanges(body.name(), status,
                body.endedAt() == null ? null : body.endedAt().toInstant()));
        Checks.throwIfAny(violations);
        return RunView.of(updateRun.update(callers.of(request), id, changes));
    }

    @Operation(summary = "Delete a run to the bin", description = "It takes no metrics, params, tags or changes until restored; deleting it again is no change. Its data is kept.")
    @ApiResponse(responseCode = "204", description = "Deleted")
    @Delete("/{id}")
    public HttpResponse<Void> delete(HttpRequest<?> request, @PathVariable UUID id) {
        deleteRun.delete(callers.of(request), id);
        return HttpResponse.noContent();
    }

    @Operation(summary = "Restore a deleted run", description = "Restoring an active run is no change.")
    @Parameter(in = ParameterIn.HEADER, name = IdempotentAnswers.KEY_HEADER, description = IdempotentAnswers.KEY_DESCRIPTION, schema = @Schema(type = "string", maxLength = 255))
    @ApiResponse(responseCode = "409", description = "Conflicts with the current state (a forbidden transition, an ended or deleted run or experiment, a param logged with another value), or a request with the same Idempotency-Key is still being carried out (then Retry-After is set)", content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = Problem.class)))
    @ApiResponse(responseCode = "422", description = "The Idempotency-Key was used for another request (another method, path or body)", content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = Problem.class)))
    @Post("/{id}/restore")
    public HttpResponse<RunView> restore(HttpRequest<?> request, @PathVariable UUID id) {
        return once(request, null, () -> HttpResponse.ok(RunView.of(deleteRun.restore(callers.of(request), id))));
    }

    @Operation(summary = "Log params, all or nothing", description = "201 {\"logged\": n}. A param is written once: logging a key again with its value is no change, with another value a 409. An ended or deleted run is a 409.")
    @Parameter(in = ParameterIn.HEADER, name = IdempotentAnswers.KEY_HEADER, description = IdempotentAnswers.KEY_DESCRIPTION, schema = @Schema(type = "string", maxLength = 255))
    @ApiResponse(responseCode = "409", description = "Conflicts with the current state (a forbidden transition, an ended or deleted run or experiment, a param logged with another value), or a request with the same Idempotency-Key is still being carried out (then Retry-After is set)", content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = Problem.class)))
    @ApiResponse(responseCode = "422", description = "The Idempotency-Key was used for another request (another method, path or body)", content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = Problem.class)))
    @Post(value = "/{id}/params", consumes = MediaType.APPLICATION_JSON)
    public HttpResponse<LoggedView> logParams(HttpRequest<?> request, @PathVariable UUID id,
                                              @Body KeyValuesRequest body) {
        var params = KeyValueBodies.params(body.params(), "params");
        return logged(request, id, body, "params", () -> RunData.params(params), params.size());
    }

    @Operation(summary = "Set tags of a run, all or nothing", description = "201 {\"logged\": n}. Setting a key again replaces its value; an ended run takes tags, a deleted one does not (409).")
    @Parameter(in = ParameterIn.HEADER, name = IdempotentAnswers.KEY_HEADER, description = IdempotentAnswers.KEY_DESCRIPTION, schema = @Schema(type = "string", maxLength = 255))
    @ApiResponse(responseCode = "409", description = "Conflicts with the current state (a forbidden transition, an ended or deleted run or experiment, a param logged with another value), or a request with the same Idempotency-Key is still being carried out (then Retry-After is set)", content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = Problem.class)))
    @ApiResponse(responseCode = "422", description = "The Idempotency-Key was used for another request (another method, path or body)", content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = Problem.class)))
    @Post(value = "/{id}/tags", consumes = MediaType.APPLICATION_JSON)
    public HttpResponse<LoggedView> tag(HttpRequest<?> request, @PathVariable UUID id, @Body KeyValuesRequest body) {
        var tags = KeyValueBodies.tags(body.tags(), "tags");
        return logged(request, id, body, "tags", () -> RunData.tags(tags), tags.size());
    }

    @Operation(summary = "Delete a tag of a run", description = "404 when the run has no tag with that key.")
    @ApiResponse(responseCode = "204", description = "Deleted")
    @Delete("/{id}/tags")
    public HttpResponse<Void> untag(HttpRequest<?> request, @PathVariable UUID id,
                                    @Parameter(description = "The tag's key", required = true)
                                    @Nullable @QueryValue("key") String key) {
        if (!Violations.under("key", () -> untagRun.untag(callers.of(request), id, key))) {
            throw new NotFound("tag '" + key + "' of run " + id);
        }
        return HttpResponse.noContent();
    }

    @Operation(summary = "Log one metric point", description = "201 with the stored point. Logging the same name and step again replaces it; logging to an ended run is a 409.")
    @Parameter(in = ParameterIn.HEADER, name = IdempotentAnswers.KEY_HEADER, description = IdempotentAnswers.KEY_DESCRIPTION, schema = @Schema(type = "string", maxLength = 255))
    @ApiResponse(responseCode = "409", description = "Conflicts with the current state (a forbidden transition, an ended run, a lost race), or a request with the same Idempotency-Key is still being carried out (then Retry-After is set)", content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = Problem.class)))
    @ApiResponse(responseCode = "422", description = "The Idempotency-Key was used for another request (another method, path or body)", content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = Problem.class)))
    @Post(value = "/{id}/metrics", consumes = MediaType.APPLICATION_JSON)
    public HttpResponse<MetricPointView> logOne(HttpRequest<?> request, @PathVariable UUID id,
                                                @Body MetricPointRequest body) {
        String key = IdempotentAnswers.keyOf(request);
        return key == null ? newPoint(request, id, body)
                : idempotent.answer(request, key, body, () -> newPoint(request, id, body));
    }

    private HttpResponse<MetricPointView> newPoint(HttpRequest<?> request, UUID id, MetricPointRequest body) {
        return HttpResponse.created(MetricPointView.of(logMetrics.logOne(callers.of(request), id, point(body))));
    }

    @Operation(summary = "Log 1 to 1000 metric points, all or nothing", description = "201 {\"logged\": n}.")
    @Parameter(in = ParameterIn.HEADER, name = IdempotentAnswers.KEY_HEADER, description = IdempotentAnswers.KEY_DESCRIPTION, schema = @Schema(type = "string", maxLength = 255))
    @ApiResponse(responseCode = "409", description = "Conflicts with the current state (a forbidden transition, an ended run, a lost race), or a request with the same Idempotency-Key is still being carried out (then Retry-After is set)", content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = Problem.class)))
    @ApiResponse(responseCode = "422", description = "The Idempotency-Key was used for another request (another method, path or body)", content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = Problem.class)))
    @Post(value = "/{id}/metrics/batch", consumes = MediaType.APPLICATION_JSON)
    public HttpResponse<LoggedView> logBatch(HttpRequest<?> request, @PathVariable UUID id,
                                             @Body @Valid MetricBatchRequest body) {
        String key = IdempotentAnswers.keyOf(request);
        return key == null ? newPoints(request, id, body)
                : idempotent.answer(request, key, body, () -> newPoints(request, id, body));
    }

    private HttpResponse<LoggedView> newPoints(HttpRequest<?> request, UUID id, MetricBatchRequest body) {
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

    /** Logs the data ({@code count} items, violations named under {@code field}): 201 {@code {"logged": count}}. */
    private HttpResponse<LoggedView> logged(HttpRequest<?> request, UUID id, KeyValuesRequest body, String field,
                                            Supplier<RunData> data, int count) {
        return once(request, body, () -> {
            Violations.under(field, () -> {
                logRunData.log(callers.of(request), id, data.get());
                return null;
            });
            return HttpResponse.created(new LoggedView(count));
        });
    }

    /** Runs {@code work} once per Idempotency-Key when the request has one, else just runs it. */
    private <T> HttpResponse<T> once(HttpRequest<?> request, @Nullable Object body, Supplier<HttpResponse<T>> work) {
        String key = IdempotentAnswers.keyOf(request);
        return key == null ? work.get() : idempotent.answer(request, key, body, work);
    }
}
