package dev.mlledger.adapters.web.prediction;

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

    @Post(consumes = MediaType.APPLICATION_JSON)
    public PredictionView predict(HttpRequest<?> request, @Body byte[] body) {
        JsonNode json = bodies.object(body);
        JsonDocument requestData = bodies.document(json);
        RequestAttributes.setRequestData(request, requestData);
        List<Violation> violations = new ArrayList<>();
        EmployeeToScore employee = employee(json, "", violations);
        throwIfAny(violations, Collections.singletonList(employee), "");
        ScoredEmployees scored = scoreEmployees.scoreOne(origins.of(request, requestData), employee);
        RequestAttributes.markLogged(request);
        return PredictionView.withoutSnapshot(scored.predictions().getFirst());
    }

    @Post(value = "/batch", consumes = MediaType.APPLICATION_JSON)
    public ScoredBatchView batch(HttpRequest<?> request, @Body byte[] body) {
        JsonNode json = bodies.object(body);
        JsonDocument requestData = bodies.document(json);
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
