package dev.mlledger.adapters.web.prediction;

import dev.mlledger.adapters.web.security.Roles;
import io.micronaut.security.annotation.Secured;
import dev.mlledger.adapters.web.binding.Violations;
import dev.mlledger.adapters.web.error.Problem;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import dev.mlledger.adapters.web.request.RequestAttributes;
import dev.mlledger.adapters.web.request.RequestOrigins;
import dev.mlledger.application.prediction.EmployeeToScore;
import dev.mlledger.application.prediction.ScoreEmployees;
import dev.mlledger.application.prediction.ScoredEmployees;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpStatus;
import dev.mlledger.adapters.web.document.JsonDocuments;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Post;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;

import java.util.List;

/** {@code POST /api/v1/predict} and {@code POST /api/v1/predict/batch}: score employees and store the results. */
@Tag(name = "predictions")
@ApiResponse(responseCode = "400", description = "Malformed JSON, a wrong type, a missing or out-of-range field, a bad UUID or cursor", content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = Problem.class)))
@ApiResponse(responseCode = "413", description = "Body over the size limit (1 MiB) or a batch over its item limit", content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = Problem.class)))
@ApiResponse(responseCode = "415", description = "The body is not JSON", content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = Problem.class)))
@ApiResponse(responseCode = "503", description = "The database could not do the work now: unreachable, restarting, out of connections, or in conflict after retries (Retry-After is set)", content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = Problem.class)))
@ApiResponse(responseCode = "401", description = "No valid credentials (WWW-Authenticate: Bearer)", content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = Problem.class)))
@ApiResponse(responseCode = "403", description = "The principal's role may not use this route", content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = Problem.class)))
@Controller("/api/v1/predict")
@Secured(Roles.SCORER)
@ExecuteOn(TaskExecutors.BLOCKING)
public class PredictController {

    private final ScoreEmployees scoreEmployees;
    private final RequestOrigins origins;
    private final JsonDocuments documents;

    public PredictController(ScoreEmployees scoreEmployees, RequestOrigins origins, JsonDocuments documents) {
        this.scoreEmployees = scoreEmployees;
        this.origins = origins;
        this.documents = documents;
    }

    @Operation(summary = "Score one employee and store the prediction", description = "Checks the features against the model's schema (GET /api/v1/model), stores the request-log row and the prediction in one transaction, and answers the prediction.")
    @Post(consumes = MediaType.APPLICATION_JSON)
    public PredictionView predict(HttpRequest<?> request, @Body PredictRequest body) {
        ScoredEmployees scored = scoreEmployees.scoreOne(origins.of(request, HttpStatus.OK), employee(body));
        RequestAttributes.markLogged(request);
        return PredictionView.withoutSnapshot(scored.predictions().getFirst());
    }

    @Operation(summary = "Score 1 to 1000 employees, all or nothing", description = "One invalid item is a 400 naming each bad item by index (items[3].features.age) and nothing is stored; more than 1000 items is a 413. Predictions come back in input order.")
    @Post(value = "/batch", consumes = MediaType.APPLICATION_JSON)
    public ScoredBatchView batch(HttpRequest<?> request, @Body PredictBatchRequest body) {
        List<EmployeeToScore> employees = body.items() == null ? null
                : body.items().stream().map(this::employee).toList();
        ScoredEmployees scored = Violations.under("items",
                () -> scoreEmployees.scoreBatch(origins.of(request, HttpStatus.OK), employees));
        RequestAttributes.markLogged(request);
        return new ScoredBatchView(scored.requestId(), scored.modelVersion(),
                scored.predictions().stream().map(PredictionView::withoutSnapshot).toList());
    }

    private EmployeeToScore employee(PredictRequest item) {
        return new EmployeeToScore(item.employeeId(), item.features(), documents.document(item.features()));
    }
}
