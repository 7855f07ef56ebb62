package dev.mlledger.application.experiment;

import dev.mlledger.domain.access.Caller;
import dev.mlledger.domain.experiment.Experiment;
import dev.mlledger.domain.experiment.Experiments;
import dev.mlledger.domain.experiment.Run;
import dev.mlledger.domain.experiment.RunNames;
import dev.mlledger.domain.experiment.Runs;
import dev.mlledger.domain.experiment.Tags;
import dev.mlledger.domain.id.Ids;
import dev.mlledger.domain.transaction.UnitOfWork;
import dev.mlledger.domain.validation.NotFound;

import java.time.Clock;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

public final class StartRunService implements StartRun {

    private final Experiments experiments;
    private final Runs runs;
    private final Tags tags;
    private final UnitOfWork unitOfWork;
    private final Clock clock;

    public StartRunService(Experiments experiments, Runs runs, Tags tags, UnitOfWork unitOfWork, Clock clock) {
        this.experiments = experiments;
        this.runs = runs;
        this.tags = tags;
        this.unitOfWork = unitOfWork;
        this.clock = clock;
    }

    @Override
    public Run start(Caller caller, RunToStart given) {
        String name = given.name() != null ? given.name() : RunNames.generate(ThreadLocalRandom.current());
        Run run = Run.started(Ids.newId(), given.experimentId(), name, caller.name(),
                given.startedAt() != null ? given.startedAt() : clock.instant(), given.seed());
        return unitOfWork.write(() -> {
            // locked, so that a concurrent PATCH to completed cannot slip between the check and the insert
            Experiment experiment = experiments.findForUpdate(given.experimentId())
                    .orElseThrow(() -> new NotFound("experiment " + given.experimentId()));
            if (!experiment.isDefault()) {
                Ownership.check(caller, experiment);
            }
            Experiment running = experiment.startingARun();
            if (!running.equals(experiment)) {
                experiments.update(running);
            }
            runs.addAll(List.of(run));
            tags.setOnRun(run.id(), KeyValueBatch.lastOfEachKey(given.tags()));
            return run;
        });
    }
}
