package dev.mlledger.adapters.persistence.memory;

import dev.mlledger.domain.access.ApiToken;
import dev.mlledger.domain.experiment.Experiment;
import dev.mlledger.domain.experiment.MetricKey;
import dev.mlledger.domain.experiment.Run;
import dev.mlledger.domain.idempotency.IdempotencyKey;
import dev.mlledger.domain.idempotency.IdempotencyRecord;
import dev.mlledger.domain.prediction.Prediction;
import dev.mlledger.domain.requestlog.RequestLogEntry;
import io.micronaut.context.annotation.Requires;
import jakarta.inject.Singleton;

import java.time.Instant;
import java.util.Comparator;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.locks.ReentrantReadWriteLock;

/**
 * All of mlledger's data in this JVM's memory, as tables with the indexes the adapters read through; nothing is
 * kept after the JVM stops. Thread-safe through its units of work only ({@link MemoryUnitOfWork}): a writing unit
 * holds the write lock of {@link #lock} and so runs alone, reading units share the read lock, and every table
 * access first asks {@link #reading()} or {@link #writing()} for the calling thread's unit of work.
 */
@Singleton
@Requires(property = "mlledger.persistence.adapter", value = "memory")
public class MemoryStore {

    /** Fair, so that a steady stream of readers cannot starve a writer, nor writers a reader. */
    final ReentrantReadWriteLock lock = new ReentrantReadWriteLock(true);
    private final ThreadLocal<MemoryTransaction> current = new ThreadLocal<>();

    final OrderedIndex<TimeKey, RequestLogEntry> requestsByCreation =
            new OrderedIndex<>(Comparator.naturalOrder(), entry -> new TimeKey(entry.createdAt(), entry.id()));
    final MemoryTable<UUID, RequestLogEntry> requests =
            new MemoryTable<>("request-log entry", RequestLogEntry::id, requestsByCreation);

    final OrderedIndex<TimeKey, Prediction> predictionsByCreation =
            new OrderedIndex<>(Comparator.naturalOrder(), prediction -> new TimeKey(prediction.createdAt(), prediction.id()));
    final GroupedIndex<UUID, UUID, Prediction> predictionsByRequest =
            new GroupedIndex<>(Prediction::requestId, PostgresOrder.UUIDS, Prediction::id);
    final MemoryTable<UUID, Prediction> predictions =
            new MemoryTable<>("prediction", Prediction::id, predictionsByCreation, predictionsByRequest);

    final OrderedIndex<TimeKey, Experiment> experimentsByCreation =
            new OrderedIndex<>(Comparator.naturalOrder(), experiment -> new TimeKey(experiment.createdAt(), experiment.id()));
    final OrderedIndex<Long, Experiment> experimentsByNumber =
            new OrderedIndex<>(Comparator.naturalOrder(), Experiment::number);
    final MemoryTable<UUID, Experiment> experiments =
            new MemoryTable<>("experiment", Experiment::id, experimentsByCreation, experimentsByNumber);

    /** The number the next experiment added gets; like a sequence, a rolled-back add leaves a gap. */
    long nextExperimentNumber = Experiment.DEFAULT_NUMBER + 1;

    final GroupedIndex<UUID, TimeKey, Run> runsByExperiment =
            new GroupedIndex<>(Run::experimentId, Comparator.naturalOrder(), run -> new TimeKey(run.startedAt(), run.id()));
    final MemoryTable<UUID, Run> runs = new MemoryTable<>("run", Run::id, runsByExperiment);

    final GroupedIndex<UUID, MetricKey, StoredMetric> metricsByRun =
            new GroupedIndex<>(StoredMetric::runId, PostgresOrder.METRIC_KEYS, StoredMetric::position);
    final MemoryTable<StoredMetric.Key, StoredMetric> metrics =
            new MemoryTable<>("metric point", StoredMetric::key, metricsByRun);

    final GroupedIndex<UUID, String, StoredValue> paramsByRun =
            new GroupedIndex<>(StoredValue::ownerId, PostgresOrder.TEXT, StoredValue::key);
    final MemoryTable<StoredValue.Key, StoredValue> params =
            new MemoryTable<>("param", StoredValue::identity, paramsByRun);

    final GroupedIndex<UUID, String, StoredValue> tagsByRun =
            new GroupedIndex<>(StoredValue::ownerId, PostgresOrder.TEXT, StoredValue::key);
    final MemoryTable<StoredValue.Key, StoredValue> runTags =
            new MemoryTable<>("run tag", StoredValue::identity, tagsByRun);

    final GroupedIndex<UUID, String, StoredValue> tagsByExperiment =
            new GroupedIndex<>(StoredValue::ownerId, PostgresOrder.TEXT, StoredValue::key);
    final MemoryTable<StoredValue.Key, StoredValue> experimentTags =
            new MemoryTable<>("experiment tag", StoredValue::identity, tagsByExperiment);

    final OrderedIndex<TimeKey, ApiToken> tokensByCreation =
            new OrderedIndex<>(Comparator.naturalOrder(), token -> new TimeKey(token.createdAt(), token.id()));
    final MemoryTable<UUID, ApiToken> apiTokens = new MemoryTable<>("API token", ApiToken::id, tokensByCreation);

    final OrderedIndex<ExpiryKey, IdempotencyRecord> idempotencyByExpiry =
            new OrderedIndex<>(Comparator.naturalOrder(), ExpiryKey::of);
    final MemoryTable<IdempotencyKey, IdempotencyRecord> idempotencyRecords =
            new MemoryTable<>("idempotency record", IdempotencyRecord::key, idempotencyByExpiry);

    /** Which unit of work holds which idempotency key: outside the store's lock, so that asking never waits. */
    final ConcurrentMap<IdempotencyKey, MemoryTransaction> heldKeys = new ConcurrentHashMap<>();

    /** A store holds the Default experiment from the start, as the migrations make it in the database. */
    public MemoryStore() {
        experiments.preload(Experiment.defaultExperiment(Instant.now()));
    }

    /** The calling thread's unit of work, if it is in one. */
    MemoryTransaction current() {
        return current.get();
    }

    void begin(MemoryTransaction transaction) {
        current.set(transaction);
    }

    void end() {
        current.remove();
    }

    private MemoryTransaction joined() {
        MemoryTransaction transaction = current.get();
        if (transaction == null) {
            // like the JDBC adapters, which have no connection outside a unit of work
            throw new IllegalStateException("the in-memory store was used outside a unit of work; "
                    + "run the call inside UnitOfWork.read or UnitOfWork.write");
        }
        return transaction;
    }

    /** The calling thread's unit of work, to read in. */
    MemoryTransaction reading() {
        MemoryTransaction transaction = joined();
        transaction.lockStore();
        return transaction;
    }

    /** The calling thread's unit of work, to change the store (or lock a row) in. */
    MemoryTransaction writing() {
        MemoryTransaction transaction = writingWithoutTheStore();
        transaction.lockStore();
        return transaction;
    }

    /** The calling thread's writing unit of work, for what it holds outside the store's tables (idempotency keys). */
    MemoryTransaction writingWithoutTheStore() {
        MemoryTransaction transaction = joined();
        if (transaction.readOnly()) {
            // like PostgreSQL in a read-only transaction
            throw new IllegalStateException("a read-only unit of work cannot change the in-memory store or lock a row; "
                    + "use UnitOfWork.write");
        }
        return transaction;
    }
}
