package dev.mlledger.adapters.web.prediction;

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
import dev.mlledger.adapters.web.paging.QueryValues;
import dev.mlledger.adapters.web.request.RequestAttributes;
import dev.mlledger.adapters.web.request.RequestOrigins;
import dev.mlledger.application.prediction.FindPredictions;
import dev.mlledger.application.prediction.PredictionToRecord;
import dev.mlledger.application.prediction.RecordPrediction;
import dev.mlledger.domain.paging.Keyset;
import dev.mlledger.domain.paging.Page;
import dev.mlledger.domain.paging.PageLimit;
import dev.mlledger.domain.prediction.Prediction;
import dev.mlledger.domain.prediction.PredictionFilter;
import dev.mlledger.domain.prediction.RiskLevel;
import dev.mlledger.domain.validation.Checks;
import dev.mlledger.domain.validation.Violation;
import io.micronaut.core.annotation.Nullable;
import dev.mlledger.adapters.web.document.JsonDocuments;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;

import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** {@code /api/v1/predictions}: record a prediction made elsewhere, read one, list them. */
@Tag(name = "predictions")
@ApiResponse(responseCode = "400", description = "Malformed JSON, a wrong type, a missing or out-of-range field, a bad UUID or cursor", content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = Problem.class)))
@ApiResponse(responseCode = "404", description = "No such resource", content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = Problem.class)))
@ApiResponse(responseCode = "413", description = "Body over the size limit (1 MiB) or a batch over its item limit", content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = Problem.class)))
@ApiResponse(responseCode = "415", description = "The body is not JSON", content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = Problem.class)))
@ApiResponse(responseCode = "503", description = "The database could not do the work now: unreachable, restarting, out of connections, or in conflict after retries (Retry-After is set)", content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = Problem.class)))
@ApiResponse(responseCode = "401", description = "No valid credentials (WWW-Authenticate: Bearer)", content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = Problem.class)))
@ApiResponse(responseCode = "403", description = "The principal's role may not use this route", content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = Problem.class)))
@Controller("/api/v1/predictions")
@Secured(Roles.READER)
@ExecuteOn(TaskExecutors.BLOCKING)
public class PredictionController {

    private final RecordPrediction recordPrediction;
    private final FindPredictions findPredictions;
    private final JsonDocuments documents;
    private final RequestOrigins origins;
    private final CursorCodec cursors;

    public PredictionController(RecordPrediction recordPrediction, FindPredictions findPredictions,
                                JsonDocuments documents, RequestOrigins origins, CursorCodec cursors) {
        this.recordPrediction = recordPrediction;
        this.findPredictions = findPredictions;
        this.documents = documents;
        this.origins = origins;
        this.cursors = cursors;
    }

    @Operation(summary = "Record a prediction made elsewhere", description = "201 with Location. risk_level is derived from the thresholds when omitted; prediction_date defaults to now.")
    @Post(consumes = MediaType.APPLICATION_JSON)
    @Secured(Roles.SCORER)
    public HttpResponse<PredictionView> record(HttpRequest<?> request, @Body RecordPredictionRequest body) {
        List<Violation> violations = new ArrayList<>();
        RiskLevel riskLevel = body.riskLevel() == null ? null
                : Violations.collect(violations, "riskLevel", () -> Spellings.riskLevel(body.riskLevel()));
        PredictionToRecord given = Violations.collect(violations, "", () -> new PredictionToRecord(body.employeeId(),
                body.attritionProb(), riskLevel, body.modelVersion(), documents.document(body.featuresSnapshot()),
                body.predictionDate() == null ? null : body.predictionDate().toInstant()));
        Checks.throwIfAny(violations);
        Prediction recorded = recordPrediction.record(origins.of(request, HttpStatus.CREATED), given);
        RequestAttributes.markLogged(request);
        return HttpResponse.created(PredictionView.of(recorded, documents.tree(recorded.featuresSnapshot())),
                URI.create("/api/v1/predictions/" + recorded.id()));
    }

    @Operation(summary = "One prediction, with its features snapshot")
    @Get("/{id}")
    public PredictionView byId(@PathVariable UUID id) {
        Prediction prediction = findPredictions.byId(id);
        return PredictionView.of(prediction, documents.tree(prediction.featuresSnapshot()));
    }

    @Operation(summary = "List predictions, newest first", description = "Filters combine with AND; from (inclusive) and to (exclusive) are on created_at; principal: the predictions of requests that principal made. Keyset paging: follow next_cursor (null on the last page); a cursor works only with the filters it came from.")
    @Get
    public PageView<PredictionView> list(@Nullable @QueryValue("risk_level") String riskLevel,
                                         @Nullable @QueryValue("employee_id") String employeeId,
                                         @Nullable @QueryValue("model_version") String modelVersion,
                                         @Nullable @QueryValue("from") String from,
                                         @Nullable @QueryValue("to") String to,
                                         @Nullable @QueryValue("min_prob") Double minProb,
                                         @Nullable @QueryValue("max_prob") Double maxProb,
                                         @Nullable @QueryValue("principal") String principal,
                                         @Nullable @QueryValue("limit") Integer limit,
                                         @Nullable @QueryValue("cursor") String cursor) {
        List<Violation> violations = new ArrayList<>();
        RiskLevel level = riskLevel == null ? null
                : Violations.collect(violations, "riskLevel", () -> Spellings.riskLevel(riskLevel));
        Instant fromInstant = QueryValues.instant(violations, "from", from);
        Instant toInstant = QueryValues.instant(violations, "to", to);
        Checks.throwIfAny(violations);
        PredictionFilter filter = new PredictionFilter(level, employeeId, modelVersion, fromInstant, toInstant,
                minProb, maxProb, principal);
        PageLimit pageLimit = Violations.under("limit",
                () -> PageLimit.of(limit, FindPredictions.DEFAULT_LIMIT, FindPredictions.MAX_LIMIT));
        String query = CursorQuery.of("predictions").with("risk_level", filter.riskLevel())
                .with("employee_id", filter.employeeId()).with("model_version", filter.modelVersion())
                .with("from", filter.from()).with("to", filter.to())
                .with("min_prob", filter.minProb()).with("max_prob", filter.maxProb())
                .with("principal", filter.principal()).toString();
        Keyset after = cursors.decode(cursor, query);
        return page(findPredictions.list(filter, after, pageLimit), query, cursors);
    }

    static PageView<PredictionView> page(Page<Prediction> page, String query, CursorCodec cursors) {
        List<PredictionView> items = page.items().stream().map(PredictionView::withoutSnapshot).toList();
        String next = null;
        if (page.hasMore()) {
            Prediction last = page.items().getLast();
            next = cursors.encode(new Keyset(last.createdAt(), last.id()), query);
        }
        return new PageView<>(items, next);
    }
}
