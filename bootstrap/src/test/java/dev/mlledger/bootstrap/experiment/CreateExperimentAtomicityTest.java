package dev.mlledger.bootstrap.experiment;

import dev.mlledger.domain.access.Caller;
import dev.mlledger.adapters.persistence.testing.FreshDatabaseTest;
import dev.mlledger.application.experiment.CreateExperimentService;
import dev.mlledger.application.experiment.NewExperiment;
import dev.mlledger.domain.experiment.Experiments;
import dev.mlledger.domain.experiment.Lifecycle;
import dev.mlledger.domain.experiment.Run;
import dev.mlledger.domain.experiment.Runs;
import dev.mlledger.domain.experiment.Tags;
import dev.mlledger.domain.transaction.UnitOfWork;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** Creating an experiment with runs is one unit of work: a failure part-way stores nothing at all. */
@MicronautTest(transactional = false, startApplication = false)
class CreateExperimentAtomicityTest extends FreshDatabaseTest {

    @Inject
    Experiments experiments;

    @Inject
    Runs runs;

    @Inject
    Tags tags;

    @Inject
    UnitOfWork unitOfWork;

    @Test
    void a_failure_after_the_experiment_and_its_runs_were_written_leaves_neither_behind() throws SQLException {
        IllegalStateException failure = new IllegalStateException("the disk is full, say");
        Runs failingAfterWriting = new Runs() {
            @Override
            public void addAll(List<Run> added) {
                runs.addAll(added);
                throw failure;
            }

            @Override
            public Optional<Run> find(UUID id) {
                return runs.find(id);
            }

            @Override
            public List<Run> ofExperiment(UUID experimentId) {
                return runs.ofExperiment(experimentId);
            }

            @Override
            public boolean endIfRunning(Run ended) {
                return runs.endIfRunning(ended);
            }

            @Override
            public Optional<Run> findForLogging(UUID runId) {
                return runs.findForLogging(runId);
            }

            @Override
            public boolean rename(UUID runId, String name) {
                return runs.rename(runId, name);
            }

            @Override
            public boolean setLifecycle(UUID runId, Lifecycle lifecycle) {
                return runs.setLifecycle(runId, lifecycle);
            }
        };
        CreateExperimentService create = new CreateExperimentService(experiments, failingAfterWriting, tags, unitOfWork,
                Clock.systemUTC());

        IllegalStateException thrown = assertThrows(IllegalStateException.class,
                () -> create.create(Caller.UNAUTHENTICATED_ADMIN, new NewExperiment("doomed", "alice", null, Arrays.asList(1, 2, 3))));

        assertSame(failure, thrown);
        assertEquals(0, count("SELECT count(*) FROM experiments WHERE name = 'doomed'"));
        assertEquals(0, count("SELECT count(*) FROM runs r JOIN experiments e ON e.id = r.experiment_id"
                + " WHERE e.name = 'doomed'"));
        assertEquals(0, count("SELECT count(*) FROM runs WHERE experiment_id NOT IN (SELECT id FROM experiments)"));
    }

    @Test
    void without_a_failure_the_same_creation_stores_the_experiment_and_all_its_runs() throws SQLException {
        new CreateExperimentService(experiments, runs, tags, unitOfWork, Clock.systemUTC())
                .create(Caller.UNAUTHENTICATED_ADMIN, new NewExperiment("kept", "alice", null, Arrays.asList(1, 2, 3)));

        assertEquals(1, count("SELECT count(*) FROM experiments WHERE name = 'kept'"));
        assertEquals(3, count("SELECT count(*) FROM runs r JOIN experiments e ON e.id = r.experiment_id"
                + " WHERE e.name = 'kept'"));
    }

    private long count(String sql) throws SQLException {
        try (Connection connection = database.connect(); Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery(sql)) {
            rows.next();
            return rows.getLong(1);
        }
    }
}
