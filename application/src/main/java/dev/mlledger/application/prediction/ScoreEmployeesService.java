package dev.mlledger.application.prediction;

import dev.mlledger.application.transaction.ScopedUnitOfWork;
import dev.mlledger.domain.id.Ids;
import dev.mlledger.domain.prediction.AttritionProbability;
import dev.mlledger.domain.prediction.Prediction;
import dev.mlledger.domain.prediction.Predictions;
import dev.mlledger.domain.prediction.RiskThresholds;
import dev.mlledger.domain.prediction.model.AttritionModel;
import dev.mlledger.domain.prediction.model.FeatureVector;
import dev.mlledger.domain.transaction.UnitOfWork;
import dev.mlledger.domain.validation.Checks;
import dev.mlledger.domain.validation.InvalidInput;
import dev.mlledger.domain.validation.TooManyItems;
import dev.mlledger.domain.validation.Violation;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

public final class ScoreEmployeesService implements ScoreEmployees {

    private final AttritionModel model;
    private final RiskThresholds thresholds;
    private final GroupCommit writes;
    private final Clock clock;

    /** @param writes how the scored rows are stored: with concurrent requests' rows, or each in its own write */
    public ScoreEmployeesService(AttritionModel model, RiskThresholds thresholds, GroupCommit writes, Clock clock) {
        this.model = model;
        this.thresholds = thresholds;
        this.writes = writes;
        this.clock = clock;
    }

    /** Each request written in its own unit of work, without group commit. */
    public ScoreEmployeesService(AttritionModel model, RiskThresholds thresholds, Predictions predictions,
                                 UnitOfWork unitOfWork, Clock clock) {
        this(model, thresholds, new GroupCommit(predictions, new ScopedUnitOfWork(unitOfWork), GroupCommit.Settings.OFF),
                clock);
    }

    @Override
    public ScoredEmployees scoreOne(RequestOrigin origin, EmployeeToScore employee) {
        List<Violation> violations = new ArrayList<>();
        FeatureVector features = validate(employee, "", violations);
        Checks.throwIfAny(violations);
        return store(origin, List.of(employee), List.of(features));
    }

    @Override
    public ScoredEmployees scoreBatch(RequestOrigin origin, List<EmployeeToScore> employees) {
        if (employees == null || employees.isEmpty()) {
            throw new InvalidInput("", "must hold 1 to " + MAX_BATCH + " items");
        }
        if (employees.size() > MAX_BATCH) {
            throw new TooManyItems("", MAX_BATCH, employees.size());
        }
        List<Violation> violations = new ArrayList<>();
        List<FeatureVector> vectors = new ArrayList<>(employees.size());
        for (int i = 0; i < employees.size(); i++) {
            vectors.add(validate(employees.get(i), "[" + i + "]", violations));
        }
        Checks.throwIfAny(violations);
        return store(origin, employees, vectors);
    }

    /** @param index the employee's place in a batch ({@code "[3]"}), or {@code ""} for one employee */
    private FeatureVector validate(EmployeeToScore employee, String index, List<Violation> violations) {
        List<Violation> found = new ArrayList<>();
        Checks.optionalText(found, "employeeId", employee.employeeId(), Prediction.EMPLOYEE_ID_MAX);
        FeatureVector vector = null;
        try {
            vector = model.validate(employee.features());
        } catch (InvalidInput invalid) {
            found.addAll(invalid.under("features").violations());
        }
        found.forEach(violation -> violations.add(index.isEmpty() ? violation
                : new Violation(index + "." + violation.field(), violation.message())));
        return vector;
    }

    private ScoredEmployees store(RequestOrigin origin, List<EmployeeToScore> employees, List<FeatureVector> vectors) {
        Instant now = clock.instant();
        UUID requestId = Ids.newId();
        List<Prediction> scored = new ArrayList<>(employees.size());
        for (int i = 0; i < employees.size(); i++) {
            AttritionProbability probability = model.score(vectors.get(i));
            EmployeeToScore employee = employees.get(i);
            scored.add(new Prediction(Ids.newId(), requestId, now, now, employee.employeeId(), probability,
                    thresholds.classify(probability), model.version(), employee.featuresSnapshot()));
        }
        writes.write(origin.logEntry(requestId, now), scored);
        return new ScoredEmployees(requestId, model.version(), scored);
    }
}
