package dev.mlledger.application.experiment;

import dev.mlledger.domain.access.Caller;
import dev.mlledger.domain.experiment.Experiment;
import dev.mlledger.domain.experiment.Experiments;
import dev.mlledger.domain.experiment.InvalidTransition;
import dev.mlledger.domain.transaction.UnitOfWork;
import dev.mlledger.domain.validation.NotFound;

import java.util.UUID;

public final class PurgeExperimentService implements PurgeExperiment {

    private final Experiments experiments;
    private final UnitOfWork unitOfWork;

    public PurgeExperimentService(Experiments experiments, UnitOfWork unitOfWork) {
        this.experiments = experiments;
        this.unitOfWork = unitOfWork;
    }

    @Override
    public void purge(Caller caller, UUID id) {
        unitOfWork.write(() -> {
            // locked, so that the owner checked is the owner of what is purged
            Experiment experiment = experiments.findForUpdate(id).orElseThrow(() -> new NotFound("experiment " + id));
            Ownership.check(caller, experiment);
            if (experiment.isDefault()) {
                throw new InvalidTransition("the Default experiment", experiment.lifecycle().toString(), "purged");
            }
            return experiments.delete(id);
        });
    }
}
