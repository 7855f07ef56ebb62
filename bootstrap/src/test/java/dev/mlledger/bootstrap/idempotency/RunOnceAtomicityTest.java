package dev.mlledger.bootstrap.idempotency;

import dev.mlledger.adapters.persistence.testing.FreshDatabaseTest;
import dev.mlledger.application.experiment.CreateExperiment;
import dev.mlledger.application.experiment.ExperimentWithRuns;
import dev.mlledger.application.experiment.NewExperiment;
import dev.mlledger.application.idempotency.RunOnce;
import dev.mlledger.application.idempotency.RunOnceService;
import dev.mlledger.bootstrap.testing.Rows;
import dev.mlledger.domain.access.Caller;
import dev.mlledger.domain.access.Role;
import dev.mlledger.domain.idempotency.IdempotencyKey;
import dev.mlledger.domain.idempotency.IdempotencyKeys;
import dev.mlledger.domain.idempotency.IdempotencyRecord;
import dev.mlledger.domain.idempotency.RequestFingerprint;
import dev.mlledger.domain.idempotency.StoredResponse;
import dev.mlledger.domain.transaction.UnitOfWork;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * On PostgreSQL, the use case's own unit of work joins the one that stores the answer: when storing the answer
 * fails, what the use case wrote is rolled back with it; when it succeeds, both are there.
 */
@MicronautTest(transactional = false)
class RunOnceAtomicityTest extends FreshDatabaseTest {

    @Inject
    IdempotencyKeys keys;

    @Inject
    UnitOfWork unitOfWork;

    @Inject
    CreateExperiment createExperiment;

    private long experimentsOf(String owner) {
        return Rows.count(database, "SELECT count(*) FROM experiments WHERE owner = ?", owner);
    }

    private StoredResponse create(String owner) {
        ExperimentWithRuns created = createExperiment.create(new Caller("atomicity-test", Role.ADMIN),
                new NewExperiment("atomic", owner, null, List.of(1, 2)));
        return new StoredResponse(201, "/api/v1/experiments/" + created.experiment().id(), new byte[]{'{', '}'});
    }

    @Test
    void when_storing_the_answer_fails_the_writes_of_the_use_case_are_rolled_back_with_it() {
        IllegalStateException failure = new IllegalStateException("the answer could not be stored");
        RunOnce failingToStore = new RunOnceService(new FailingToStore(keys, failure), unitOfWork, Clock.systemUTC(),
                Duration.ofHours(24));
        IdempotencyKey key = new IdempotencyKey("anonymous", "atomic-failing");

        IllegalStateException thrown = assertThrows(IllegalStateException.class,
                () -> failingToStore.run(key, RequestFingerprint.ofText("x"), () -> create("failing")));

        assertSame(failure, thrown);
        assertEquals(0, experimentsOf("failing"), "the experiment went with the answer");
        assertEquals(0, Rows.count(database, "SELECT count(*) FROM runs r JOIN experiments e ON e.id = r.experiment_id"
                + " WHERE e.owner = 'failing'"));
        assertEquals(0, Rows.count(database, "SELECT count(*) FROM idempotency_keys WHERE idempotency_key = ?", key.key()));
    }

    @Test
    void when_storing_the_answer_succeeds_the_writes_and_the_answer_are_both_kept() {
        RunOnce runOnce = new RunOnceService(keys, unitOfWork, Clock.systemUTC(), Duration.ofHours(24));
        IdempotencyKey key = new IdempotencyKey("anonymous", "atomic-kept");

        runOnce.run(key, RequestFingerprint.ofText("x"), () -> create("kept"));

        assertEquals(1, experimentsOf("kept"));
        assertEquals(1, Rows.count(database, "SELECT count(*) FROM idempotency_keys WHERE idempotency_key = ?", key.key()));
    }

    /** The real port, except that storing fails after the use case has written. */
    private record FailingToStore(IdempotencyKeys keys, RuntimeException failure) implements IdempotencyKeys {

        @Override
        public boolean tryHold(IdempotencyKey key) {
            return keys.tryHold(key);
        }

        @Override
        public Optional<IdempotencyRecord> find(IdempotencyKey key, Instant now) {
            return keys.find(key, now);
        }

        @Override
        public void store(IdempotencyRecord record) {
            throw failure;
        }

        @Override
        public int purgeExpired(Instant now, int max) {
            return keys.purgeExpired(now, max);
        }
    }
}
