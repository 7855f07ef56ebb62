package dev.mlledger.application.testing;

import dev.mlledger.domain.prediction.AttritionProbability;
import dev.mlledger.domain.prediction.model.AttritionModel;
import dev.mlledger.domain.prediction.model.FeatureDefinition;
import dev.mlledger.domain.prediction.model.FeatureVector;
import dev.mlledger.domain.validation.InvalidInput;
import dev.mlledger.domain.validation.Violation;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A model whose probability is the {@code score} feature itself (a number in [0, 1], required), with an optional
 * boolean {@code overtime} that does not change the score. Unknown features are refused.
 */
public final class StubAttritionModel implements AttritionModel {

    public static final String VERSION = "stub-model-1";

    @Override
    public String version() {
        return VERSION;
    }

    @Override
    public List<FeatureDefinition> features() {
        return List.of(FeatureDefinition.ofNumber("score", true), FeatureDefinition.ofBoolean("overtime", false));
    }

    @Override
    public FeatureVector validate(Map<String, Object> rawFeatures) {
        List<Violation> violations = new ArrayList<>();
        Map<String, Object> values = new LinkedHashMap<>();
        Object score = rawFeatures == null ? null : rawFeatures.get("score");
        if (score == null) {
            violations.add(new Violation("score", "is required"));
        } else if (!(score instanceof Number number) || !(number.doubleValue() >= 0 && number.doubleValue() <= 1)) {
            violations.add(new Violation("score", "must be a number between 0 and 1"));
        } else {
            values.put("score", number.doubleValue());
        }
        if (rawFeatures != null) {
            Object overtime = rawFeatures.get("overtime");
            if (overtime != null && !(overtime instanceof Boolean)) {
                violations.add(new Violation("overtime", "must be true or false"));
            } else if (overtime != null) {
                values.put("overtime", overtime);
            }
            for (String name : rawFeatures.keySet()) {
                if (!name.equals("score") && !name.equals("overtime")) {
                    violations.add(new Violation(name, "is not a feature of this model"));
                }
            }
        }
        if (!violations.isEmpty()) {
            throw new InvalidInput(violations);
        }
        return new FeatureVector(values);
    }

    @Override
    public AttritionProbability score(FeatureVector features) {
        return new AttritionProbability((Double) features.asMap().get("score"));
    }
}
