package dev.mlledger.application.experiment;

import dev.mlledger.domain.access.Caller;
import dev.mlledger.domain.experiment.Experiment;
import dev.mlledger.domain.experiment.Experiments;
import dev.mlledger.domain.experiment.Lifecycle;
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
    public Experiment delete(Caller caller, UUID id) {
        return moveTo(caller, id, Lifecycle.DELETED);
    }

    @Override
    public Experiment restore(Caller caller, UUID id) {
        return moveTo(caller, id, Lifecycle.ACTIVE);
    }

    private Experiment moveTo(Caller caller, UUID id, Lifecycle lifecycle) {
        return unitOfWork.write(() -> {
            Experiment current = experiments.find(id).orElseThrow(() -> new NotFound("experiment " + id));
            Ownership.check(caller, current);
            Experiment moved = current.withLifecycle(lifecycle);
            return moved.equals(current) ? current : experiments.update(moved);
        });
    }
}
