package dev.mlledger.application.experiment;

import dev.mlledger.domain.access.Caller;
import dev.mlledger.domain.experiment.Experiment;
import dev.mlledger.domain.experiment.Experiments;
import dev.mlledger.domain.experiment.Run;
import dev.mlledger.domain.experiment.Runs;
import dev.mlledger.domain.id.Ids;
import dev.mlledger.domain.transaction.UnitOfWork;
import dev.mlledger.domain.validation.NotFound;

import java.time.Clock;
import java.util.List;
import java.util.UUID;

public final class StartRunService implements StartRun {

    private final Experiments experiments;
    private final Runs runs;
    private final UnitOfWork unitOfWork;
    private final Clock clock;

    public StartRunService(Experiments experiments, Runs runs, UnitOfWork unitOfWork, Clock clock) {
        this.experiments = experiments;
        this.runs = runs;
        this.unitOfWork = unitOfWork;
        this.clock = clock;
    }

    @Override
    public Run start(Caller caller, UUID experimentId, Integer seed) {
        return unitOfWork.write(() -> {
            // locked, so that a concurrent PATCH to completed cannot slip between the check and the insert
            Experiment experiment = experiments.findForUpdate(experimentId)
                    .orElseThrow(() -> new NotFound("experiment " + experimentId));
            Ownership.check(caller, experiment);
            Experiment running = experiment.startingARun();
            if (!running.equals(experiment)) {
                experiments.update(running);
            }
            Run run = Run.started(Ids.newId(), experimentId, clock.instant(), seed);
            runs.addAll(List.of(run));
            return run;
        });
    }
}
