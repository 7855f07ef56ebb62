package dev.mlledger.application.experiment;

import dev.mlledger.domain.access.Caller;
import dev.mlledger.domain.experiment.Experiments;
import dev.mlledger.domain.experiment.Run;
import dev.mlledger.domain.experiment.RunAlreadyEnded;
import dev.mlledger.domain.experiment.RunStatus;
import dev.mlledger.domain.experiment.Runs;
import dev.mlledger.domain.transaction.UnitOfWork;

import java.time.Clock;
import java.util.UUID;

public final class FinishRunService implements FinishRun {

    private final Runs runs;
    private final Experiments experiments;
    private final UnitOfWork unitOfWork;
    private final Clock clock;

    public FinishRunService(Runs runs, Experiments experiments, UnitOfWork unitOfWork, Clock clock) {
        this.runs = runs;
        this.experiments = experiments;
        this.unitOfWork = unitOfWork;
        this.clock = clock;
    }

    @Override
    public Run finish(Caller caller, UUID runId, RunStatus outcome) {
        return unitOfWork.write(() -> {
            Run run = Ownership.checkRun(caller, runId, runs, experiments).requireActive();
            Run ended = run.end(outcome, clock.instant());
            if (!runs.endIfRunning(ended)) {
                // another client ended it between our read and our write; say how it ended
                throw new RunAlreadyEnded(runId, runs.find(runId).map(Run::status).orElse(outcome));
            }
            return ended;
        });
    }
}
