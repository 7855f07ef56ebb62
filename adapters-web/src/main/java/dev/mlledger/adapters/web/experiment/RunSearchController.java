package dev.mlledger.adapters.web.experiment;

import dev.mlledger.adapters.web.binding.Spellings;
import dev.mlledger.adapters.web.binding.Violations;
import dev.mlledger.adapters.web.error.Problem;
import dev.mlledger.adapters.web.paging.CursorCodec;
import dev.mlledger.adapters.web.paging.CursorQuery;
import dev.mlledger.adapters.web.paging.PageView;
import dev.mlledger.adapters.web.security.Roles;
import dev.mlledger.application.experiment.RunDetails;
import dev.mlledger.application.experiment.SearchRuns;
import dev.mlledger.domain.experiment.Lifecycle;
import dev.mlledger.domain.experiment.search.FoundRun;
import dev.mlledger.domain.experiment.search.RunPage;
import dev.mlledger.domain.experiment.search.RunPosition;
import dev.mlledger.domain.experiment.search.RunQuery;
import dev.mlledger.domain.validation.InvalidInput;
import dev.mlledger.domain.validation.Violation;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** {@code GET /api/v1/runs}: search the runs of experiments with MLflow's filter grammar. */
@Tag(name = "experiments")
@ApiResponse(responseCode = "400", description = "A bad filter or order_by (the message names the column of the offending token), no experiment_id, a bad UUID, limit or cursor", content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = Problem.class)))
@ApiResponse(responseCode = "503", description = "The database could not do the work now: unreachable, restarting, out of connections, or in conflict after retries (Retry-After is set)", content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = Problem.class)))
@ApiResponse(responseCode = "401", description = "No valid credentials (WWW-Authenticate: Bearer)", content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = Problem.class)))
@ApiResponse(responseCode = "403", description = "The principal's role may not use this route", content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = Problem.class)))
@Controller("/api/v1/runs")
@Secured(Roles.READER)
@ExecuteOn(TaskExecutors.BLOCKING)
public class RunSearchController {

    private final SearchRuns searchRuns;
    private final CursorCodec cursors;

    public RunSearchController(SearchRuns searchRuns, CursorCodec cursors) {
        this.searchRuns = searchRuns;
        this.cursors = cursors;
    }

    /**
     * Runs of the given experiments that meet the filter, in order, each as {@code GET /api/v1/runs/{id}} shows it
     * (with its latest metrics, params and tags).
     *
     * @param experimentIds the experiments to search (at least one; repeat the parameter for more)
     * @param filter        MLflow's filter: {@code metrics.loss < 0.5 AND params.lr = '0.01'}
     * @param orderBy       MLflow's order_by items: {@code metrics.loss DESC} (repeat the parameter for more keys)
     * @param lifecycle     {@code active} (the default), {@code deleted} or {@code all}
     * @param maxResults    runs per page, 1 to 1000 (default 100)
     * @param cursor        the {@code next_cursor} of the previous page
     */
    @Operation(summary = "Search runs with MLflow's filter grammar", description = "filter: conditions on metrics.<key> (latest value; = != < <= > >=), params.<key> and tags.<key> (= != LIKE ILIKE), attributes run_id (also IN, NOT IN), run_name, user_id, status (RUNNING, FINISHED, FAILED, KILLED; = != LIKE ILIKE), start_time and end_time (milliseconds since the epoch; = != < <= > >=), joined by AND. order_by: a field then ASC or DESC; runs without the value come last; then newest first. A bad filter is a 400 whose message names the column. Keyset paging: follow next_cursor.")
    @Get
    public PageView<RunView> search(
            @Parameter(description = "An experiment to search; repeat for more") @Nullable @QueryValue("experiment_id") List<UUID> experimentIds,
            @Nullable @QueryValue("filter") String filter,
            @Parameter(description = "An order key, such as metrics.loss DESC; repeat for more") @Nullable @QueryValue("order_by") List<String> orderBy,
            @Parameter(schema = @Schema(allowableValues = {"active", "deleted", "all"})) @Nullable @QueryValue("lifecycle") String lifecycle,
            @Nullable @QueryValue("limit") Integer maxResults,
            @Nullable @QueryValue("cursor") String cursor) {
        List<Violation> violations = new ArrayList<>();
        if (experimentIds == null || experimentIds.isEmpty()) {
            violations.add(new Violation("experimentIds", "is required"));
        }
        Lifecycle chosen = Violations.collect(violations, "lifecycle", () -> Spellings.lifecycleFilter(lifecycle));
        CursorQuery bound = CursorQuery.of("runs").with("experiments", experimentIds == null ? null
                        : new LinkedHashSet<>(experimentIds)).with("filter", filter).with("order", orderBy)
                .with("lifecycle", lifecycle == null ? "active" : lifecycle);
        RunPosition after = Violations.collect(violations, "", () -> cursors.decodeRun(cursor, bound.toString()));
        RunQuery query = Violations.collect(violations, "", () -> RunQuery.of(filter, orderBy, chosen,
                maxResults == null ? SearchRuns.DEFAULT_LIMIT : maxResults, after));
        if (!violations.isEmpty()) {
            throw new InvalidInput(violations);
        }
        RunPage page = searchRuns.search(new LinkedHashSet<>(experimentIds), query);
        return new PageView<>(page.runs().stream().map(RunSearchController::view).toList(),
                page.next() == null ? null : cursors.encodeRun(page.next(), bound.toString()));
    }

    /** A found run as {@code GET /api/v1/runs/{id}} shows a run: with latest metrics, params and tags. */
    private static RunView view(FoundRun found) {
        Map<String, Double> latest = new LinkedHashMap<>();
        found.latestMetrics().forEach((name, point) -> latest.put(name, point.value()));
        return RunView.of(new RunDetails(found.run(), latest, found.params(), found.tags()));
    }
}
