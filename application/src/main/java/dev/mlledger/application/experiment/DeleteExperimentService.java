package dev.mlledger.application.experiment;

import dev.mlledger.domain.experiment.Experiments;
import dev.mlledger.domain.transaction.UnitOfWork;
import dev.mlledger.domain.validation.NotFound;

import java.util.UUID;

public final class DeleteExperimentService implements DeleteExperiment {

    private final Experiments experiments;
    private final UnitOfWork unitOfWork;

    public DeleteExperimentService(Experiments experiments, UnitOfWork unitOfWork) {
        this.experiments = experiments;
        this.unitOfWork = unitOfWork;
    }

    @Override
    public void delete(UUID id) {
        if (!unitOfWork.write(() -> experiments.delete(id))) {
            throw new NotFound("experiment " + id);
        }
    }
}
