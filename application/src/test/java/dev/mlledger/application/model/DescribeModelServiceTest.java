package dev.mlledger.application.model;

import dev.mlledger.application.testing.StubAttritionModel;
import dev.mlledger.domain.prediction.RiskThresholds;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

class DescribeModelServiceTest {

    @Test
    void the_description_names_the_models_version_its_features_and_the_risk_bands() {
        StubAttritionModel model = new StubAttritionModel();
        RiskThresholds thresholds = new RiskThresholds(0.2, 0.8);

        ModelDescription description = new DescribeModelService(model, thresholds).describe();

        assertEquals(new ModelDescription(StubAttritionModel.VERSION, model.features(), thresholds), description);
    }
}
