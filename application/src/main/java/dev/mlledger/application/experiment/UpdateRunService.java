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

public final class UpdateRunService implements UpdateRun {

    private final Runs runs;
    private final Experiments experiments;
    private final UnitOfWork unitOfWork;
    private final Clock clock;

    public UpdateRunService(Runs runs, Experiments experiments, UnitOfWork unitOfWork, Clock clock) {
        this.runs = runs;
        this.experiments = experiments;
        this.unitOfWork = unitOfWork;
        this.clock = clock;
    }

    @Override
    public Run update(Caller caller, UUID runId, RunChanges changes) {
        return unitOfWork.write(() -> {
            Run run = Ownership.checkRun(caller, runId, runs, experiments).requireActive();
            if (changes.name() != null && !changes.name().equals(run.name())) {
                runs.rename(runId, changes.name());
                run = run.withName(changes.name());
            }
            RunStatus outcome = changes.status();
            if (outcome == null || (outcome == run.status() && outcome != RunStatus.RUNNING)) {
                return run;
            }
            Run ended = run.end(outcome, changes.endedAt() != null ? changes.endedAt() : clock.instant());
            if (!runs.endIfRunning(ended)) {
                Run now = runs.find(runId).orElse(ended);
                if (now.status() == outcome) {
                    return now;
                }
                throw new RunAlreadyEnded(runId, now.status());
            }
            return ended;
        });
    }
}
