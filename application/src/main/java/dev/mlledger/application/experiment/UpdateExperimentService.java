package dev.mlledger.application.experiment;

import dev.mlledger.domain.access.Caller;
import dev.mlledger.domain.experiment.Experiment;
import dev.mlledger.domain.experiment.ExperimentNameTaken;
import dev.mlledger.domain.experiment.Experiments;
import dev.mlledger.domain.transaction.UnitOfWork;
import dev.mlledger.domain.validation.NotFound;

import java.util.UUID;

public final class UpdateExperimentService implements UpdateExperiment {

    private final Experiments experiments;
    private final UnitOfWork unitOfWork;

    public UpdateExperimentService(Experiments experiments, UnitOfWork unitOfWork) {
        this.experiments = experiments;
        this.unitOfWork = unitOfWork;
    }

    @Override
    public Experiment update(Caller caller, UUID id, ExperimentChanges changes) {
        return unitOfWork.write(() -> {
            Experiment current = experiments.find(id).orElseThrow(() -> new NotFound("experiment " + id));
            Ownership.check(caller, current);
            current.requireActive();
            Experiment changed = current;
            if (changes.name() != null && !changes.name().equals(current.name())) {
                if (experiments.claimName(changes.name())) {
                    throw new ExperimentNameTaken(changes.name());
                }
                changed = changed.withName(changes.name());
            }
            if (changes.status() != null) {
                changed = changed.withStatus(changes.status());
            }
            if (changes.descriptionGiven()) {
                changed = changed.withDescription(changes.description());
            }
            return changed.equals(current) ? current : experiments.update(changed);
        });
    }
}
