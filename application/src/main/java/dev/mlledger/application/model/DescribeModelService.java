package dev.mlledger.application.model;

import dev.mlledger.domain.prediction.RiskThresholds;
import dev.mlledger.domain.prediction.model.AttritionModel;

public final class DescribeModelService implements DescribeModel {

    private final ModelDescription description;

    public DescribeModelService(AttritionModel model, RiskThresholds thresholds) {
        this.description = new ModelDescription(model.version(), model.features(), thresholds);
    }

    @Override
    public ModelDescription describe() {
        return description;
    }
}
