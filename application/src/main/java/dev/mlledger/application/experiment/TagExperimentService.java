package dev.mlledger.application.experiment;

import dev.mlledger.domain.access.Caller;
import dev.mlledger.domain.experiment.Experiment;
import dev.mlledger.domain.experiment.Experiments;
import dev.mlledger.domain.experiment.Tag;
import dev.mlledger.domain.experiment.Tags;
import dev.mlledger.domain.transaction.UnitOfWork;
import dev.mlledger.domain.validation.Checks;
import dev.mlledger.domain.validation.InvalidInput;
import dev.mlledger.domain.validation.NotFound;
import dev.mlledger.domain.validation.Violation;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

public final class TagExperimentService implements TagExperiment {

    private final Experiments experiments;
    private final Tags tags;
    private final UnitOfWork unitOfWork;

    public TagExperimentService(Experiments experiments, Tags tags, UnitOfWork unitOfWork) {
        this.experiments = experiments;
        this.tags = tags;
        this.unitOfWork = unitOfWork;
    }

    @Override
    public void tag(Caller caller, UUID experimentId, List<Tag> given) {
        if (given == null || given.isEmpty() || given.size() > MAX_TAGS) {
            throw new InvalidInput("tags", "must hold 1 to " + MAX_TAGS + " tags");
        }
        unitOfWork.write(() -> {
            activeExperimentToChange(caller, experimentId);
            tags.setOnExperiment(experimentId, KeyValueBatch.lastOfEachKey(given));
            return null;
        });
    }

    @Override
    public boolean untag(Caller caller, UUID experimentId, String key) {
        List<Violation> violations = new ArrayList<>();
        Tag.checkKey(violations, "key", key);
        Checks.throwIfAny(violations);
        return unitOfWork.write(() -> {
            activeExperimentToChange(caller, experimentId);
            return tags.deleteFromExperiment(experimentId, key);
        });
    }

    private void activeExperimentToChange(Caller caller, UUID experimentId) {
        Experiment experiment = experiments.find(experimentId)
                .orElseThrow(() -> new NotFound("experiment " + experimentId));
        Ownership.check(caller, experiment);
        experiment.requireActive();
    }
}
