package dev.mlledger.application.experiment;

import dev.mlledger.domain.access.AccessDenied;
import dev.mlledger.domain.access.Caller;
import dev.mlledger.domain.experiment.Experiment;
import dev.mlledger.domain.experiment.ExperimentNameTaken;
import dev.mlledger.domain.experiment.ExperimentStatus;
import dev.mlledger.domain.experiment.Experiments;
import dev.mlledger.domain.experiment.Run;
import dev.mlledger.domain.experiment.RunNames;
import dev.mlledger.domain.experiment.Runs;
import dev.mlledger.domain.experiment.Tags;
import dev.mlledger.domain.id.Ids;
import dev.mlledger.domain.transaction.UnitOfWork;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

public final class CreateExperimentService implements CreateExperiment {

    private final Experiments experiments;
    private final Runs runs;
    private final Tags tags;
    private final UnitOfWork unitOfWork;
    private final Clock clock;

    public CreateExperimentService(Experiments experiments, Runs runs, Tags tags, UnitOfWork unitOfWork, Clock clock) {
        this.experiments = experiments;
        this.runs = runs;
        this.tags = tags;
        this.unitOfWork = unitOfWork;
        this.clock = clock;
    }

    @Override
    public ExperimentWithRuns create(Caller caller, NewExperiment given) {
        return create(caller, given, false);
    }

    @Override
    public ExperimentWithRuns createWithUniqueName(Caller caller, NewExperiment given) {
        return create(caller, given, true);
    }

    private ExperimentWithRuns create(Caller caller, NewExperiment given, boolean uniqueName) {
        String owner = given.owner() == null ? caller.name() : given.owner();
        if (!caller.mayChangeWhatIsOwnedBy(owner)) {
            throw new AccessDenied("only an admin may create an experiment on behalf of another owner");
        }
        Instant now = clock.instant();
        ExperimentStatus status = given.runSeeds().isEmpty() ? ExperimentStatus.CREATED : ExperimentStatus.RUNNING;
        Experiment experiment = new Experiment(Ids.newId(), given.name(), owner, given.description(), status,
                now, 0);
        List<Run> started = given.runSeeds().stream()
                .map(seed -> Run.started(Ids.newId(), experiment.id(), RunNames.generate(ThreadLocalRandom.current()),
                        caller.name(), now, seed))
                .toList();
        var lastTags = KeyValueBatch.lastOfEachKey(given.tags());
        return unitOfWork.write(() -> {
            if (uniqueName && experiments.claimName(given.name())) {
                throw new ExperimentNameTaken(given.name());
            }
            Experiment stored = experiments.add(experiment);
            runs.addAll(started);
            tags.setOnExperiment(experiment.id(), lastTags);
            return new ExperimentWithRuns(stored, started, KeyValueBatch.byKey(lastTags));
        });
    }
}
