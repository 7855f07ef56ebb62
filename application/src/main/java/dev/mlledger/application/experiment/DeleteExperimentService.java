package dev.mlledger.application.experiment;

import dev.mlledger.domain.access.Caller;
import dev.mlledger.domain.experiment.Experiment;
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
    public void delete(Caller caller, UUID id) {
        unitOfWork.write(() -> {
            // locked, so that the owner checked is the owner of what is deleted
            Experiment experiment = experiments.findForUpdate(id).orElseThrow(() -> new NotFound("experiment " + id));
            Ownership.check(caller, experiment);
            return experiments.delete(id);
        });
    }
}
