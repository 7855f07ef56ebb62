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
import dev.mlledger.application.experiment.CreateExperiment;
import dev.mlledger.application.experiment.DeleteExperiment;
import dev.mlledger.application.experiment.ExperimentChanges;
import dev.mlledger.application.experiment.ExperimentWithRuns;
import dev.mlledger.application.experiment.FindExperiments;
import dev.mlledger.application.experiment.NewExperiment;
import dev.mlledger.application.experiment.PurgeExperiment;
import dev.mlledger.application.experiment.TagExperiment;
import dev.mlledger.application.experiment.RunToStart;
import dev.mlledger.application.experiment.StartRun;
import dev.mlledger.application.experiment.UpdateExperiment;
import dev.mlledger.domain.experiment.ExperimentFilter;
import dev.mlledger.domain.experiment.ExperimentStatus;
import dev.mlledger.domain.experiment.ExperimentSummary;
import dev.mlledger.domain.experiment.Run;
import dev.mlledger.domain.validation.NotFound;
import dev.mlledger.domain.paging.Keyset;
import dev.mlledger.domain.paging.Page;
import dev.mlledger.domain.paging.PageLimit;
import dev.mlledger.domain.validation.Checks;
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

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.Supplier;

/** {@code /api/v1/experiments}: create, list, read, change and delete experiments; start runs. */
@Tag(name = "experiments")
@ApiResponse(responseCode = "400", description = "Malformed JSON, a wrong type, a missing or out-of-range field, a bad UUID or cursor", content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = Problem.class)))
@ApiResponse(responseCode = "404", description = "No such resource", content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = Problem.class)))
@ApiResponse(responseCode = "409", description = "Conflicts with the current state (a forbidden transition, an ended run, a lost race)", content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = Problem.class)))
@ApiResponse(responseCode = "413", description = "Body over the size limit (1 MiB) or a batch over its item limit", content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = Problem.class)))
@ApiResponse(responseCode = "415", description = "The body is not JSON", content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = Problem.class)))
@ApiResponse(responseCode = "503", description = "The database could not do the work now: unreachable, restarting, out of connections, or in conflict after retries (Retry-After is set)", content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = Problem.class)))
@ApiResponse(responseCode = "401", description = "No valid credentials (WWW-Authenticate: Bearer)", content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = Problem.class)))
@ApiResponse(responseCode = "403", description = "The principal's role may not use this route, or it does not own the experiment", content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = Problem.class)))
@Controller("/api/v1/experiments")
@Secured(Roles.TRACKER)
@ExecuteOn(TaskExecutors.BLOCKING)
public class ExperimentController {

    private final CreateExperiment createExperiment;
    private final FindExperiments findExperiments;
    private final UpdateExperiment updateExperiment;
    private final DeleteExperiment deleteExperiment;
    private final PurgeExperiment purgeExperiment;
    private final TagExperiment tagExperiment;
    private final StartRun startRun;
    private final CursorCodec cursors;
    private final CallerOfRequest callers;
    private final IdempotentAnswers idempotent;

    public ExperimentController(CreateExperiment createExperiment, FindExperiments findExperiments,
                                UpdateExperiment updateExperiment, DeleteExperiment deleteExperiment,
                                PurgeExperiment purgeExperiment, TagExperiment tagExperiment, StartRun startRun,
                                CursorCodec cursors, CallerOfRequest callers, IdempotentAnswers idempotent) {
        this.createExperiment = createExperiment;
        this.findExperiments = findExperiments;
        this.updateExperiment = updateExperiment;
        this.deleteExperiment = deleteExperiment;
        this.purgeExperiment = purgeExperiment;
        this.tagExperiment = tagExperiment;
        this.startRun = startRun;
        this.cursors = cursors;
        this.callers = callers;
        this.idempotent = idempotent;
    }

    @Operation(summary = "Create an experiment, optionally with runs", description = "201 with Location. With runs, the experiment and its runs are created in one transaction and the experiment is running.")
    @Parameter(in = ParameterIn.HEADER, name = IdempotentAnswers.KEY_HEADER, description = IdempotentAnswers.KEY_DESCRIPTION, schema = @Schema(type = "string", maxLength = 255))
    @ApiResponse(responseCode = "409", description = "Conflicts with the current state (a forbidden transition, an ended run, a lost race), or a request with the same Idempotency-Key is still being carried out (then Retry-After is set)", content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = Problem.class)))
    @ApiResponse(responseCode = "422", description = "The Idempotency-Key was used for another request (another method, path or body)", content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = Problem.class)))
    @Post(consumes = MediaType.APPLICATION_JSON)
    public HttpResponse<ExperimentView> create(HttpRequest<?> request, @Body CreateExperimentRequest body) {
        String key = IdempotentAnswers.keyOf(request);
        return key == null ? newExperiment(request, body)
                : idempotent.answer(request, key, body, () -> newExperiment(request, body));
    }

    private HttpResponse<ExperimentView> newExperiment(HttpRequest<?> request, CreateExperimentRequest body) {
        List<Integer> seeds = body.runs() == null ? List.of()
                : body.runs().stream().map(run -> run == null ? null : run.seed()).toList();
        List<dev.mlledger.domain.experiment.Tag> tags = KeyValueBodies.tags(body.tags(), "tags");
        ExperimentWithRuns created = createExperiment.create(callers.of(request),
                new NewExperiment(body.name(), body.owner(), body.description(), seeds, tags));
        return HttpResponse.created(ExperimentView.of(created),
                URI.create("/api/v1/experiments/" + created.experiment().id()));
    }

    @Operation(summary = "List experiments with their run counts, newest first", description = "One statement per page. Keyset paging: follow next_cursor. Deleted experiments are listed only when asked for (lifecycle=deleted or all).")
    @Get
    @Secured(Roles.READER)
    public PageView<ExperimentListItem> list(@Nullable @QueryValue("owner") String owner,
                                             @Nullable @QueryValue("status") String status,
                                             @Parameter(description = "active (the default), deleted, or all")
                                             @Nullable @QueryValue("lifecycle") String lifecycle,
                                             @Nullable @QueryValue("limit") Integer limit,
                                             @Nullable @QueryValue("cursor") String cursor) {
        ExperimentFilter filter = new ExperimentFilter(owner,
                status == null ? null : Violations.under("status", () -> Spellings.experimentStatus(status)),
                Violations.under("lifecycle", () -> Spellings.lifecycleFilter(lifecycle)));
        PageLimit pageLimit = Violations.under("limit",
                () -> PageLimit.of(limit, FindExperiments.DEFAULT_LIMIT, FindExperiments.MAX_LIMIT));
        // an absent owner must not read like the owner "null": the owner goes last, marked when present
        String query = CursorQuery.of("experiments").with("owner", filter.owner()).with("status", filter.status())
                .with("lifecycle", filter.lifecycle()).toString();
        Page<ExperimentSummary> page = findExperiments.list(filter, cursors.decode(cursor, query), pageLimit);
        String next = null;
        if (page.hasMore()) {
            var last = page.items().getLast().experiment();
            next = cursors.encode(new Keyset(last.createdAt(), last.id()), query);
        }
        return new PageView<>(page.items().stream().map(ExperimentListItem::of).toList(), next);
    }

    @Operation(summary = "An experiment with its tags and its runs (active and deleted)")
    @Get("/{id}")
    @Secured(Roles.READER)
    public ExperimentView byId(@PathVariable UUID id) {
        return ExperimentView.of(findExperiments.byId(id));
    }

    @Operation(summary = "Rename, change the description and/or the status", description = "created → running → completed | failed; any other transition, a name another experiment has, a deleted experiment, or losing a race with another change, is a 409.")
    @Patch(value = "/{id}", consumes = MediaType.APPLICATION_JSON)
    public ExperimentView update(HttpRequest<?> request, @PathVariable UUID id, @Body UpdateExperimentRequest body) {
        List<Violation> violations = new ArrayList<>();
        ExperimentStatus target = body.getStatus() == null ? null
                : Violations.collect(violations, "status", () -> Spellings.experimentStatus(body.getStatus()));
        ExperimentChanges changes = Violations.collect(violations, "",
                () -> new ExperimentChanges(body.getName(), body.descriptionGiven(), body.getDescription(), target));
        Checks.throwIfAny(violations);
        updateExperiment.update(callers.of(request), id, changes);
        return ExperimentView.of(findExperiments.byId(id));
    }

    @Operation(summary = "Delete an experiment: to the bin (restorable), or for good with purge=true", description = "Without purge, the experiment is marked deleted: hidden from the list, it takes no runs and no changes until restored; deleting it again is no change. With purge=true it is deleted for good with its tags, runs, metrics and params. The Default experiment (number 0) cannot be deleted (409).")
    @ApiResponse(responseCode = "204", description = "Deleted")
    @Delete("/{id}")
    public HttpResponse<Void> delete(HttpRequest<?> request, @PathVariable UUID id,
                                     @Parameter(description = "true: delete for good, with everything it holds")
                                     @Nullable @QueryValue("purge") Boolean purge) {
        if (Boolean.TRUE.equals(purge)) {
            purgeExperiment.purge(callers.of(request), id);
        } else {
            deleteExperiment.delete(callers.of(request), id);
        }
        return HttpResponse.noContent();
    }

    @Operation(summary = "Restore a deleted experiment", description = "Restoring an active experiment is no change.")
    @Parameter(in = ParameterIn.HEADER, name = IdempotentAnswers.KEY_HEADER, description = IdempotentAnswers.KEY_DESCRIPTION, schema = @Schema(type = "string", maxLength = 255))
    @ApiResponse(responseCode = "409", description = "Conflicts with the current state (a forbidden transition, an ended or deleted run or experiment, a param logged with another value), or a request with the same Idempotency-Key is still being carried out (then Retry-After is set)", content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = Problem.class)))
    @ApiResponse(responseCode = "422", description = "The Idempotency-Key was used for another request (another method, path or body)", content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = Problem.class)))
    @Post("/{id}/restore")
    public HttpResponse<ExperimentView> restore(HttpRequest<?> request, @PathVariable UUID id) {
        return once(request, null, () -> {
            deleteExperiment.restore(callers.of(request), id);
            return HttpResponse.ok(ExperimentView.of(findExperiments.byId(id)));
        });
    }

    @Operation(summary = "Set tags of an experiment", description = "Setting a key again replaces its value. A deleted experiment is a 409.")
    @ApiResponse(responseCode = "204", description = "Set")
    @Parameter(in = ParameterIn.HEADER, name = IdempotentAnswers.KEY_HEADER, description = IdempotentAnswers.KEY_DESCRIPTION, schema = @Schema(type = "string", maxLength = 255))
    @ApiResponse(responseCode = "409", description = "Conflicts with the current state (a forbidden transition, an ended or deleted run or experiment, a param logged with another value), or a request with the same Idempotency-Key is still being carried out (then Retry-After is set)", content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = Problem.class)))
    @ApiResponse(responseCode = "422", description = "The Idempotency-Key was used for another request (another method, path or body)", content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = Problem.class)))
    @Post(value = "/{id}/tags", consumes = MediaType.APPLICATION_JSON)
    public HttpResponse<Void> tag(HttpRequest<?> request, @PathVariable UUID id, @Body KeyValuesRequest body) {
        List<dev.mlledger.domain.experiment.Tag> tags = KeyValueBodies.tags(body.tags(), "tags");
        return once(request, body, () -> {
            Violations.under("tags", () -> {
                tagExperiment.tag(callers.of(request), id, tags);
                return null;
            });
            return HttpResponse.noContent();
        });
    }

    @Operation(summary = "Delete a tag of an experiment", description = "404 when the experiment has no tag with that key.")
    @ApiResponse(responseCode = "204", description = "Deleted")
    @Delete("/{id}/tags")
    public HttpResponse<Void> untag(HttpRequest<?> request, @PathVariable UUID id,
                                    @Parameter(description = "The tag's key", required = true)
                                    @Nullable @QueryValue("key") String key) {
        boolean deleted = Violations.under("key", () -> tagExperiment.untag(callers.of(request), id, key));
        if (!deleted) {
            throw new NotFound("tag '" + key + "' of experiment " + id);
        }
        return HttpResponse.noContent();
    }

    @Operation(summary = "Start a run", description = "201 with Location. The caller owns the run. A created experiment becomes running; a completed, failed or deleted one is a 409. Any tracker may start runs in the Default experiment (number 0).")
    @Parameter(in = ParameterIn.HEADER, name = IdempotentAnswers.KEY_HEADER, description = IdempotentAnswers.KEY_DESCRIPTION, schema = @Schema(type = "string", maxLength = 255))
    @ApiResponse(responseCode = "409", description = "Conflicts with the current state (a forbidden transition, an ended run, a lost race), or a request with the same Idempotency-Key is still being carried out (then Retry-After is set)", content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = Problem.class)))
    @ApiResponse(responseCode = "422", description = "The Idempotency-Key was used for another request (another method, path or body)", content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = Problem.class)))
    @Post(value = "/{id}/runs", consumes = MediaType.APPLICATION_JSON)
    public HttpResponse<RunView> startRun(HttpRequest<?> request, @PathVariable UUID id,
                                          @Nullable @Body NewRunRequest body) {
        String key = IdempotentAnswers.keyOf(request);
        return key == null ? newRun(request, id, body)
                : idempotent.answer(request, key, body, () -> newRun(request, id, body));
    }

    private HttpResponse<RunView> newRun(HttpRequest<?> request, UUID id, @Nullable NewRunRequest body) {
        RunToStart toStart = body == null ? RunToStart.seeded(id, null)
                : new RunToStart(id, body.name(), body.startedAt() == null ? null : body.startedAt().toInstant(),
                body.seed(), KeyValueBodies.tags(body.tags(), "tags"));
        Run run = startRun.start(callers.of(request), toStart);
        return HttpResponse.created(RunView.of(run), URI.create("/api/v1/runs/" + run.id()));
    }

    /** Runs {@code work} once per Idempotency-Key when the request has one, else just runs it. */
    private <T> HttpResponse<T> once(HttpRequest<?> request, @Nullable Object body, Supplier<HttpResponse<T>> work) {
        String key = IdempotentAnswers.keyOf(request);
        return key == null ? work.get() : idempotent.answer(request, key, body, work);
    }
}
