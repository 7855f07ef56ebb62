package dev.mlledger.adapters.persistence.experiment;

import dev.mlledger.adapters.persistence.jdbc.Columns;
import dev.mlledger.domain.experiment.ConcurrentUpdate;
import dev.mlledger.domain.experiment.Experiment;
import dev.mlledger.domain.experiment.ExperimentFilter;
import dev.mlledger.domain.experiment.ExperimentStatus;
import dev.mlledger.domain.experiment.ExperimentSummary;
import dev.mlledger.domain.experiment.Experiments;
import dev.mlledger.domain.experiment.Lifecycle;
import dev.mlledger.domain.paging.Keyset;
import dev.mlledger.domain.validation.Checks;
import dev.mlledger.domain.paging.Page;
import io.micronaut.context.annotation.Requires;
import jakarta.inject.Singleton;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Experiments in {@code experiments}, through {@link ExperimentRepository}. */
@Singleton
@Requires(property = "mlledger.persistence.adapter", value = "jdbc", defaultValue = "jdbc")
public class JdbcExperiments implements Experiments {

    /** After every experiment ever created, as PostgreSQL orders (created_at, id): the keyset of a first page. */
    private static final OffsetDateTime END_OF_TIME = Columns.time(Checks.LATEST_TIME);

    /** The first key of mlledger's two-key advisory locks on experiment names ("mlen"). */
    static final int NAME_LOCK_SPACE = 0x6d6c656e;

    private final ExperimentRepository repository;

    public JdbcExperiments(ExperimentRepository repository) {
        this.repository = repository;
    }

    @Override
    public Experiment add(Experiment experiment) {
        long number = repository.add(experiment.id(), experiment.name(), experiment.owner(), experiment.description(),
                Columns.status(experiment.status()), Columns.status(experiment.lifecycle()),
                Columns.time(experiment.createdAt()), experiment.version());
        return new Experiment(experiment.id(), number, experiment.name(), experiment.owner(), experiment.description(),
                experiment.status(), experiment.lifecycle(), Columns.stored(experiment.createdAt()),
                experiment.version());
    }

    @Override
    public Optional<Experiment> find(UUID id) {
        return repository.findById(id).map(JdbcExperiments::experiment);
    }

    @Override
    public Optional<Experiment> findForUpdate(UUID id) {
        return repository.findByIdForUpdate(id).map(JdbcExperiments::experiment);
    }

    @Override
    public Optional<Experiment> findByNumber(long number) {
        return repository.findByNumber(number).map(JdbcExperiments::experiment);
    }

    @Override
    public Optional<Experiment> findByName(String name) {
        return repository.findNewestByName(name).map(JdbcExperiments::experiment);
    }

    /** Two statements: the lock first, so that the check's snapshot is taken after a rival's commit. */
    @Override
    public boolean claimName(String name) {
        repository.advisoryLock(NAME_LOCK_SPACE, name);
        return repository.existsByName(name);
    }

    @Override
    public Experiment update(Experiment changed) {
        int changedRows = repository.changeAtVersion(changed.id(), changed.version(), changed.name(),
                changed.description(), Columns.status(changed.status()), Columns.status(changed.lifecycle()));
        if (changedRows == 0) {
            throw new ConcurrentUpdate("experiment " + changed.id());
        }
        return new Experiment(changed.id(), changed.number(), changed.name(), changed.owner(), changed.description(),
                changed.status(), changed.lifecycle(), Columns.stored(changed.createdAt()), changed.version() + 1);
    }

    @Override
    public boolean delete(UUID id) {
        return repository.deleteById(id) > 0;
    }

    @Override
    public Page<ExperimentSummary> list(ExperimentFilter filter, Keyset after, int limit) {
        OffsetDateTime beforeCreatedAt = after == null ? END_OF_TIME : Columns.time(after.createdAt());
        UUID beforeId = after == null ? Columns.LAST_ID : after.id();
        String status = filter.status() == null ? null : Columns.status(filter.status());
        String lifecycle = filter.lifecycle() == null ? null : Columns.status(filter.lifecycle());
        List<ExperimentSummaryRow> rows = filter.owner() == null
                ? repository.findPage(beforeCreatedAt, beforeId, status, lifecycle, limit + 1)
                : repository.findPageOfOwner(filter.owner(), beforeCreatedAt, beforeId, status, lifecycle, limit + 1);
        return Page.ofOneExtra(rows.stream().map(row -> new ExperimentSummary(
                new Experiment(row.id(), row.number(), row.name(), row.owner(), row.description(),
                        Columns.status(ExperimentStatus.class, row.status()),
                        Columns.status(Lifecycle.class, row.lifecycle()),
                        row.createdAt(), row.version()), row.runCount())).toList(), limit);
    }

    private static Experiment experiment(ExperimentRow row) {
        return new Experiment(row.id(), row.number(), row.name(), row.owner(), row.description(),
                Columns.status(ExperimentStatus.class, row.status()), Columns.status(Lifecycle.class, row.lifecycle()),
                row.createdAt(), row.version());
    }
}
