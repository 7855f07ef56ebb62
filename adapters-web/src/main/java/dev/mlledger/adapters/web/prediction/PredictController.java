package dev.mlledger.adapters.web.prediction;

import dev.mlledger.adapters.web.error.Problem;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import dev.mlledger.adapters.web.openapi.RequestBodies;
import dev.mlledger.adapters.web.json.JsonBodies;
import dev.mlledger.adapters.web.json.JsonFields;
import dev.mlledger.adapters.web.requestlog.RequestAttributes;
import dev.mlledger.adapters.web.requestlog.RequestOrigins;
import dev.mlledger.application.prediction.EmployeeToScore;
import dev.mlledger.application.prediction.ScoreEmployees;
import dev.mlledger.application.prediction.ScoredEmployees;
import dev.mlledger.domain.json.JsonDocument;
import dev.mlledger.domain.validation.Checks;
import dev.mlledger.domain.validation.TooManyItems;
import dev.mlledger.domain.validation.Violation;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Post;
import io.micronaut.json.tree.JsonNode;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;

/** {@code POST /api/v1/predict} and {@code POST /api/v1/predict/batch}: score employees and store the results. */
@Tag(name = "predictions")
@ApiResponse(responseCode = "400", description = "Malformed JSON, a wrong type, a missing or out-of-range field, a bad UUID or cursor", content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = Problem.class)))
@ApiResponse(responseCode = "413", description = "Body over the size limit (1 MiB) or a batch over its item limit", content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = Problem.class)))
@ApiResponse(responseCode = "415", description = "The body is not JSON", content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = Problem.class)))
@ApiResponse(responseCode = "503", description = "The database is unreachable (Retry-After is set); nothing was written", content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = Problem.class)))
@Controller("/api/v1/predict")
@ExecuteOn(TaskExecutors.BLOCKING)
public class PredictController {

    private static final Set<String> ITEM_FIELDS = Set.of("employee_id", "features");

    private final ScoreEmployees scoreEmployees;
    private final JsonBodies bodies;
    private final RequestOrigins origins;

    public PredictController(ScoreEmployees scoreEmployees, JsonBodies bodies, RequestOrigins origins) {
        this.scoreEmployees = scoreEmployees;
        this.bodies = bodies;
        this.origins = origins;
    }

    @Operation(summary = "Score one employee and store the prediction", description = "Checks the features against the model's schema (GET /api/v1/model), stores the request-log row and the prediction in one transaction, and answers the prediction.")
    @io.swagger.v3.oas.annotations.parameters.RequestBody(description = "One employee; features as the model's schema says", required = true,
                content = @Content(mediaType = "application/json", schema = @Schema(implementation = RequestBodies.Predict.class),
                        examples = @ExampleObject(value = "{\"employee_id\": \"E-1001\", \"features\": {\"age\": 41, \"monthly_income\": 5993, \"overtime\": true, \"job_satisfaction\": 2}}")))
    @Post(consumes = MediaType.APPLICATION_JSON)
    public PredictionView predict(HttpRequest<?> request, @Body byte[] body) {
        JsonNode json = bodies.object(body);
        JsonDocument requestData = JsonBodies.asSent(body);
        RequestAttributes.setRequestData(request, requestData);
        List<Violation> violations = new ArrayList<>();
        EmployeeToScore employee = employee(json, "", violations);
        throwIfAny(violations, Collections.singletonList(employee), "");
        ScoredEmployees scored = scoreEmployees.scoreOne(origins.of(request, requestData), employee);
        RequestAttributes.markLogged(request);
        return PredictionView.withoutSnapshot(scored.predictions().getFirst());
    }

    @Operation(summary = "Score 1 to 1000 employees, all or nothing", description = "One invalid item is a 400 naming each bad item by index (items[3].features.age) and nothing is stored; more than 1000 items is a 413. Predictions come back in input order.")
    @io.swagger.v3.oas.annotations.parameters.RequestBody(description = "1 to 1000 employees", required = true,
                content = @Content(mediaType = "application/json", schema = @Schema(implementation = RequestBodies.PredictBatch.class)))
    @Post(value = "/batch", consumes = MediaType.APPLICATION_JSON)
    public ScoredBatchView batch(HttpRequest<?> request, @Body byte[] body) {
        JsonNode json = bodies.object(body);
        JsonDocument requestData = JsonBodies.asSent(body);
        RequestAttributes.setRequestData(request, requestData);
        List<Violation> violations = new ArrayList<>();
        JsonFields fields = new JsonFields(json, "", violations);
        List<JsonNode> items = fields.array("items");
        fields.require("items");
        fields.rejectOthers(Set.of("items"));
        Checks.throwIfAny(violations);
        if (items.size() > ScoreEmployees.MAX_BATCH) {
            throw new TooManyItems("items", ScoreEmployees.MAX_BATCH, items.size());
        }
        List<EmployeeToScore> employees = new ArrayList<>(items.size());
        for (int i = 0; i < items.size(); i++) {
            String prefix = "items[" + i + "]";
            if (!items.get(i).isObject()) {
                violations.add(new Violation(prefix, "must be a JSON object"));
                employees.add(null);
                continue;
            }
            employees.add(employee(items.get(i), prefix + ".", violations));
        }
        throwIfAny(violations, employees, "items");
        ScoredEmployees scored = scoreEmployees.scoreBatch(origins.of(request, requestData), employees);
        RequestAttributes.markLogged(request);
        return new ScoredBatchView(scored.requestId(), scored.modelVersion(),
                scored.predictions().stream().map(PredictionView::withoutSnapshot).toList());
    }

    /**
     * Throws the request's problems, if any: those of its shape found here, together with what the use case finds
     * wrong with the employees that could be read, so that one answer names them all.
     *
     * @param employees null where an item could not be read
     */
    private void throwIfAny(List<Violation> violations, List<EmployeeToScore> employees, String arrayName) {
        if (violations.isEmpty()) {
            return;
        }
        for (int i = 0; i < employees.size(); i++) {
            if (employees.get(i) != null) {
                String prefix = arrayName.isEmpty() ? "" : arrayName + "[" + i + "].";
                violations.addAll(scoreEmployees.problemsWith(employees.get(i), prefix));
            }
        }
        Checks.throwIfAny(violations);
    }

    private EmployeeToScore employee(JsonNode json, String prefix, List<Violation> violations) {
        JsonFields fields = new JsonFields(json, prefix, violations);
        String employeeId = fields.string("employee_id");
        JsonNode features = fields.object("features");
        fields.require("features");
        fields.rejectOthers(ITEM_FIELDS);
        return features == null ? null
                : new EmployeeToScore(employeeId, JsonBodies.plain(features), bodies.document(features));
    }
}
