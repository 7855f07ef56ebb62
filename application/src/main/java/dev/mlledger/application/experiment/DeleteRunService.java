package dev.mlledger.application.experiment;

import dev.mlledger.domain.access.Caller;
import dev.mlledger.domain.experiment.Experiments;
import dev.mlledger.domain.experiment.Lifecycle;
import dev.mlledger.domain.experiment.Run;
import dev.mlledger.domain.experiment.Runs;
import dev.mlledger.domain.transaction.UnitOfWork;

import java.util.UUID;

public final class DeleteRunService implements DeleteRun {

    private final Runs runs;
    private final Experiments experiments;
    private final UnitOfWork unitOfWork;

    public DeleteRunService(Runs runs, Experiments experiments, UnitOfWork unitOfWork) {
        this.runs = runs;
        this.experiments = experiments;
        this.unitOfWork = unitOfWork;
    }

    @Override
    public Run delete(Caller caller, UUID runId) {
        return moveTo(caller, runId, Lifecycle.DELETED);
    }

    @Override
    public Run restore(Caller caller, UUID runId) {
        return moveTo(caller, runId, Lifecycle.ACTIVE);
    }

    private Run moveTo(Caller caller, UUID runId, Lifecycle lifecycle) {
        return unitOfWork.write(() -> {
            Run run = Ownership.checkRun(caller, runId, runs, experiments);
            if (run.lifecycle() != lifecycle) {
                runs.setLifecycle(runId, lifecycle);
            }
            return run.withLifecycle(lifecycle);
        });
    }
}
