package dev.mlledger.adapters.web.mlflow;

import dev.mlledger.adapters.web.binding.LenientShape;
import dev.mlledger.adapters.web.binding.Violations;
import dev.mlledger.adapters.web.idempotency.IdempotentAnswers;
import dev.mlledger.adapters.web.paging.CursorCodec;
import dev.mlledger.adapters.web.paging.CursorQuery;
import dev.mlledger.adapters.web.security.CallerOfRequest;
import dev.mlledger.adapters.web.security.Roles;
import dev.mlledger.application.experiment.CreateExperiment;
import dev.mlledger.application.experiment.DeleteExperiment;
import dev.mlledger.application.experiment.ExperimentChanges;
import dev.mlledger.application.experiment.ExperimentWithRuns;
import dev.mlledger.application.experiment.ExperimentWithTags;
import dev.mlledger.application.experiment.FindExperiments;
import dev.mlledger.application.experiment.NewExperiment;
import dev.mlledger.application.experiment.TagExperiment;
import dev.mlledger.application.experiment.UpdateExperiment;
import dev.mlledger.domain.experiment.Experiment;
import dev.mlledger.domain.experiment.ExperimentFilter;
import dev.mlledger.domain.experiment.ExperimentSummary;
import dev.mlledger.domain.experiment.Lifecycle;
import dev.mlledger.domain.experiment.Tag;
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
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.swagger.v3.oas.annotations.Hidden;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import static dev.mlledger.adapters.web.mlflow.MlflowPaths.AJAX;
import static dev.mlledger.adapters.web.mlflow.MlflowPaths.API;

/**
 * MLflow's experiment requests ({@code experiments/…} of its REST API 2.0) on mlledger's use cases. An experiment's
 * MLflow id is its number. Not in the OpenAPI document: MLflow's REST documentation is their contract, and
 * docs/mlflow.md says where mlledger differs.
 */
@Hidden
@LenientShape
@Controller
@Secured(Roles.TRACKER)
@ExecuteOn(TaskExecutors.BLOCKING)
public class MlflowExperimentController {

    /** MLflow's default page of experiments; mlledger answers at most {@link FindExperiments#MAX_LIMIT} a page. */
    private static final long DEFAULT_MAX_RESULTS = 1000;
    private static final long MAX_MAX_RESULTS = 50_000;
    /** The orders of a search mlledger keeps: newest first (numbers grow with creation, and nothing is updated). */
    private static final Set<String> NEWEST_FIRST = Set.of("creation_time DESC", "last_update_time DESC",
            "experiment_id DESC");
    private static final MlflowRequests.CreateExperiment NO_EXPERIMENT =
            new MlflowRequests.CreateExperiment(null, null, null);

    private final CreateExperiment createExperiment;
    private final FindExperiments findExperiments;
    private final UpdateExperiment updateExperiment;
    private final DeleteExperiment deleteExperiment;
    private final TagExperiment tagExperiment;
    private final CursorCodec cursors;
    private final CallerOfRequest callers;
    private final IdempotentAnswers idempotent;

    public MlflowExperimentController(CreateExperiment createExperiment, FindExperiments findExperiments,
                                      UpdateExperiment updateExperiment, DeleteExperiment deleteExperiment,
                                      TagExperiment tagExperiment, CursorCodec cursors, CallerOfRequest callers,
                                      IdempotentAnswers idempotent) {
        this.createExperiment = createExperiment;
        this.findExperiments = findExperiments;
        this.updateExperiment = updateExperiment;
        this.deleteExperiment = deleteExperiment;
        this.tagExperiment = tagExperiment;
        this.cursors = cursors;
        this.callers = callers;
        this.idempotent = idempotent;
    }

    /** A name no experiment has (active or deleted), else RESOURCE_ALREADY_EXISTS; artifact_location is ignored. */
    @Post(uris = {API + "/experiments/create", AJAX + "/experiments/create"}, consumes = MediaType.APPLICATION_JSON)
    public HttpResponse<MlflowResponses.CreateExperiment> create(HttpRequest<?> request,
                                                                 @Nullable @Body MlflowRequests.CreateExperiment body) {
        String key = IdempotentAnswers.keyOf(request);
        return key == null ? newExperiment(request, body)
                : idempotent.answer(request, key, body, () -> newExperiment(request, body));
    }

    private HttpResponse<MlflowResponses.CreateExperiment> newExperiment(HttpRequest<?> request,
                                                                         @Nullable MlflowRequests.CreateExperiment body) {
        MlflowRequests.CreateExperiment given = body == null ? NO_EXPERIMENT : body;
        List<Violation> violations = new ArrayList<>();
        List<Tag> tags = MlflowBodies.tags(violations, "tags", given.tags());
        NewExperiment experiment = Violations.collect(violations, "",
                () -> new NewExperiment(given.name(), null, null, List.of(), tags));
        Checks.throwIfAny(violations);
        ExperimentWithRuns created = createExperiment.createWithUniqueName(callers.of(request), experiment);
        return HttpResponse.ok(new MlflowResponses.CreateExperiment(
                MlflowIds.experimentId(created.experiment().number())));
    }

    @Get(uris = {API + "/experiments/get", AJAX + "/experiments/get"})
    @Secured(Roles.READER)
    public MlflowResponses.GetExperiment get(@Nullable @QueryValue("experiment_id") String experimentId) {
        return view(findExperiments.taggedByNumber(number(experimentId)));
    }

    /** An active experiment of the name before a deleted one; RESOURCE_DOES_NOT_EXIST (404) when none has it. */
    @Get(uris = {API + "/experiments/get-by-name", AJAX + "/experiments/get-by-name"})
    @Secured(Roles.READER)
    public MlflowResponses.GetExperiment getByName(@Nullable @QueryValue("experiment_name") String experimentName) {
        return view(findExperiments.taggedByName(MlflowBodies.required(experimentName, "experiment_name")));
    }

    @Get(uris = {API + "/experiments/search", AJAX + "/experiments/search"})
    @Secured(Roles.READER)
    public MlflowResponses.SearchExperiments searchByQuery(@Nullable @QueryValue("max_results") Long maxResults,
                                                           @Nullable @QueryValue("page_token") String pageToken,
                                                           @Nullable @QueryValue("filter") String filter,
                                                           @Nullable @QueryValue("order_by") List<String> orderBy,
                                                           @Nullable @QueryValue("view_type") String viewType) {
        return search(new MlflowRequests.SearchExperiments(maxResults, pageToken, filter, orderBy, viewType));
    }

    @Post(uris = {API + "/experiments/search", AJAX + "/experiments/search"}, consumes = MediaType.APPLICATION_JSON)
    @Secured(Roles.READER)
    public MlflowResponses.SearchExperiments searchByBody(@Nullable @Body MlflowRequests.SearchExperiments body) {
        return search(body == null ? new MlflowRequests.SearchExperiments(null, null, null, null, null) : body);
    }

    /** Renames it (to a name no other experiment has); without new_name nothing changes. */
    @Post(uris = {API + "/experiments/update", AJAX + "/experiments/update"}, consumes = MediaType.APPLICATION_JSON)
    public MlflowResponses.Empty update(HttpRequest<?> request, @Nullable @Body MlflowRequests.UpdateExperiment body) {
        UUID id = experimentIdOf(body == null ? null : body.experimentId());
        if (body.newName() != null) {
            List<Violation> violations = new ArrayList<>();
            Experiment.checkName(violations, "new_name", body.newName());
            Checks.throwIfAny(violations);
            updateExperiment.update(callers.of(request), id, ExperimentChanges.rename(body.newName()));
        }
        return new MlflowResponses.Empty();
    }

    /** Moves it to the bin (lifecycle_stage deleted), with its runs still there; restorable. */
    @Post(uris = {API + "/experiments/delete", AJAX + "/experiments/delete"}, consumes = MediaType.APPLICATION_JSON)
    public MlflowResponses.Empty delete(HttpRequest<?> request, @Nullable @Body MlflowRequests.ExperimentReference body) {
        deleteExperiment.delete(callers.of(request), experimentIdOf(body == null ? null : body.experimentId()));
        return new MlflowResponses.Empty();
    }

    @Post(uris = {API + "/experiments/restore", AJAX + "/experiments/restore"}, consumes = MediaType.APPLICATION_JSON)
    public MlflowResponses.Empty restore(HttpRequest<?> request, @Nullable @Body MlflowRequests.ExperimentReference body) {
        deleteExperiment.restore(callers.of(request), experimentIdOf(body == null ? null : body.experimentId()));
        return new MlflowResponses.Empty();
    }

    @Post(uris = {API + "/experiments/set-experiment-tag", AJAX + "/experiments/set-experiment-tag"},
            consumes = MediaType.APPLICATION_JSON)
    public MlflowResponses.Empty setTag(HttpRequest<?> request, @Nullable @Body MlflowRequests.SetExperimentTag body) {
        UUID id = experimentIdOf(body == null ? null : body.experimentId());
        Tag tag = new Tag(body.key(), body.value());
        tagExperiment.tag(callers.of(request), id, List.of(tag));
        return new MlflowResponses.Empty();
    }

    private MlflowResponses.SearchExperiments search(MlflowRequests.SearchExperiments given) {
        List<Violation> violations = new ArrayList<>();
        if (given.filter() != null && !given.filter().isBlank()) {
            violations.add(new Violation("filter", "is not supported by mlledger; find an experiment by name with "
                    + "experiments/get-by-name"));
        }
        for (String order : given.orderBy() == null ? List.<String>of() : given.orderBy()) {
            if (!NEWEST_FIRST.contains(order)) {
                violations.add(new Violation("order_by", "may only ask for the newest first (creation_time DESC), "
                        + "the one order mlledger keeps"));
            }
        }
        long maxResults = given.maxResults() == null ? DEFAULT_MAX_RESULTS : given.maxResults();
        if (maxResults < 1 || maxResults > MAX_MAX_RESULTS) {
            violations.add(new Violation("max_results", "must be between 1 and " + MAX_MAX_RESULTS));
        }
        Lifecycle lifecycle = Violations.collect(violations, "", () -> MlflowSpellings.viewType("view_type",
                given.viewType()));
        Checks.throwIfAny(violations);
        String query = CursorQuery.of("mlflow-experiments").with("lifecycle", lifecycle).toString();
        Keyset after = MlflowPaging.position(() -> cursors.decode(MlflowBodies.given(given.pageToken()), query));
        // a page holds at most what mlledger pages by; the token asks for the rest, as MLflow allows
        PageLimit limit = new PageLimit((int) Math.min(maxResults, FindExperiments.MAX_LIMIT));
        Page<ExperimentSummary> page = findExperiments.list(new ExperimentFilter(null, null, lifecycle), after, limit);
        String next = null;
        if (page.hasMore()) {
            Experiment last = page.items().getLast().experiment();
            next = cursors.encode(new Keyset(last.createdAt(), last.id()), query);
        }
        return new MlflowResponses.SearchExperiments(page.items().stream()
                .map(summary -> MlflowViews.experiment(summary.experiment(), Map.of())).toList(), next);
    }

    private UUID experimentIdOf(@Nullable String experimentId) {
        return findExperiments.taggedByNumber(number(experimentId)).experiment().id();
    }

    private static long number(@Nullable String experimentId) {
        return MlflowIds.experimentNumber(MlflowBodies.required(experimentId, "experiment_id"));
    }

    private static MlflowResponses.GetExperiment view(ExperimentWithTags found) {
        return new MlflowResponses.GetExperiment(MlflowViews.experiment(found.experiment(), found.tags()));
    }
}
