package dev.mlledger.application.experiment;

import dev.mlledger.domain.access.Caller;
import dev.mlledger.domain.experiment.Experiments;
import dev.mlledger.domain.experiment.Runs;
import dev.mlledger.domain.experiment.Tag;
import dev.mlledger.domain.experiment.Tags;
import dev.mlledger.domain.transaction.UnitOfWork;
import dev.mlledger.domain.validation.Checks;
import dev.mlledger.domain.validation.Violation;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

public final class UntagRunService implements UntagRun {

    private final Runs runs;
    private final Experiments experiments;
    private final Tags tags;
    private final UnitOfWork unitOfWork;

    public UntagRunService(Runs runs, Experiments experiments, Tags tags, UnitOfWork unitOfWork) {
        this.runs = runs;
        this.experiments = experiments;
        this.tags = tags;
        this.unitOfWork = unitOfWork;
    }

    @Override
    public boolean untag(Caller caller, UUID runId, String key) {
        List<Violation> violations = new ArrayList<>();
        Tag.checkKey(violations, "key", key);
        Checks.throwIfAny(violations);
        return unitOfWork.write(() -> {
            Ownership.checkRun(caller, runId, runs, experiments).requireActive();
            return tags.deleteFromRun(runId, key);
        });
    }
}
