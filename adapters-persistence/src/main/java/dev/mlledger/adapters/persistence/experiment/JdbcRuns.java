package dev.mlledger.adapters.persistence.experiment;

import dev.mlledger.adapters.persistence.jdbc.Columns;
import dev.mlledger.domain.experiment.Lifecycle;
import dev.mlledger.domain.experiment.Run;
import dev.mlledger.domain.experiment.RunStatus;
import dev.mlledger.domain.experiment.Runs;
import io.micronaut.context.annotation.Requires;
import io.micronaut.data.model.Sort;
import jakarta.inject.Singleton;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Runs in {@code runs}, through {@link RunRepository}. */
@Singleton
@Requires(property = "mlledger.persistence.adapter", value = "jdbc", defaultValue = "jdbc")
public class JdbcRuns implements Runs {

    private static final Sort START_ORDER = Sort.of(Sort.Order.asc("startedAt"), Sort.Order.asc("id"));

    private final RunRepository repository;

    public JdbcRuns(RunRepository repository) {
        this.repository = repository;
    }

    @Override
    public void addAll(List<Run> runs) {
        if (runs.isEmpty()) {
            return;
        }
        repository.addAll(Columns.text(runs, Run::id), Columns.text(runs, Run::experimentId),
                Columns.text(runs, Run::name), Columns.text(runs, Run::owner),
                Columns.text(runs, run -> Columns.status(run.status())),
                Columns.text(runs, run -> Columns.status(run.lifecycle())), Columns.times(runs, Run::startedAt),
                Columns.times(runs, Run::endedAt), Columns.integers(runs, Run::seed));
    }

    @Override
    public Optional<Run> find(UUID id) {
        return repository.findById(id).map(JdbcRuns::run);
    }

    @Override
    public List<Run> ofExperiment(UUID experimentId) {
        return repository.findByExperimentId(experimentId, START_ORDER).stream().map(JdbcRuns::run).toList();
    }

    @Override
    public boolean endIfRunning(Run ended) {
        return repository.endIfRunning(ended.id(), Columns.status(ended.status()), Columns.time(ended.endedAt())) == 1;
    }

    @Override
    public Optional<Run> findForLogging(UUID runId) {
        return repository.findByIdForShare(runId).map(JdbcRuns::run);
    }

    @Override
    public boolean rename(UUID runId, String name) {
        return repository.rename(runId, name) == 1;
    }

    @Override
    public boolean setLifecycle(UUID runId, Lifecycle lifecycle) {
        return repository.setLifecycle(runId, Columns.status(lifecycle)) == 1;
    }

    /** The run a row holds; also for the rows {@link JdbcRunSearch} reads. */
    static Run run(RunRow row) {
        return new Run(row.id(), row.experimentId(), row.name(), row.owner(),
                Columns.status(RunStatus.class, row.status()), Columns.status(Lifecycle.class, row.lifecycle()),
                row.startedAt(), row.endedAt(), row.seed());
    }
}
