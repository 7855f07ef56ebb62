package dev.mlledger.adapters.persistence.transaction;

import dev.mlledger.adapters.persistence.testing.EmptyLedgerTest;
import dev.mlledger.adapters.persistence.testing.LedgerRows;
import dev.mlledger.domain.experiment.Experiment;
import dev.mlledger.domain.experiment.ExperimentFilter;
import dev.mlledger.domain.experiment.ExperimentStatus;
import dev.mlledger.domain.experiment.Experiments;
import dev.mlledger.domain.experiment.MetricPoint;
import dev.mlledger.domain.experiment.Metrics;
import dev.mlledger.domain.experiment.Runs;
import dev.mlledger.domain.id.Ids;
import dev.mlledger.domain.prediction.Prediction;
import dev.mlledger.domain.prediction.PredictionFilter;
import dev.mlledger.domain.prediction.Predictions;
import dev.mlledger.domain.requestlog.RequestLog;
import dev.mlledger.domain.requestlog.RequestLogEntry;
import dev.mlledger.domain.storage.StorageUnavailable;
import dev.mlledger.domain.transaction.UnitOfWork;
import dev.mlledger.domain.validation.InvalidInput;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import static dev.mlledger.adapters.persistence.testing.LedgerRows.request;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

@MicronautTest(transactional = false, startApplication = false)
class JdbcUnitOfWorkTest extends EmptyLedgerTest {

    private static final Instant AT = Instant.parse("2026-01-05T08:00:00Z");

    @Inject
    RequestLog requestLog;

    @Inject
    Predictions predictions;

    @Inject
    Experiments experiments;

    @Inject
    Runs runs;

    @Inject
    Metrics metrics;

    @Test
    void what_a_unit_of_work_wrote_is_kept_when_it_returns() {
        RequestLogEntry entry = request(Ids.newId(), AT);

        String result = unitOfWork.write(() -> {
            requestLog.append(List.of(entry));
            assertEquals(List.of(), LedgerRows.requestIds(database), "not visible to others before it commits");
            return "done";
        });

        assertEquals("done", result);
        assertEquals(List.of(entry.id()), LedgerRows.requestIds(database));
        assertEquals(Optional.of(entry), unitOfWork.read(() -> requestLog.find(entry.id())));
    }

    @Test
    void a_unit_of_work_that_throws_after_writing_leaves_no_trace_and_its_exception_propagates_unchanged() {
        RequestLogEntry entry = request(Ids.newId(), AT);
        Prediction prediction = LedgerRows.prediction(entry.id(), AT, "m", 0.8);
        IllegalStateException failure = new IllegalStateException("the work failed");

        IllegalStateException thrown = assertThrows(IllegalStateException.class, () -> unitOfWork.write(() -> {
            requestLog.append(List.of(entry));
            predictions.addAll(List.of(prediction));
            throw failure;
        }));

        assertSame(failure, thrown);
        assertEquals(List.of(), LedgerRows.requestIds(database));
        assertEquals(List.of(), LedgerRows.predictionIds(database));
        assertEquals(List.of(), unitOfWork.read(() -> predictions.tally(null, null, null)));
    }

    @Test
    void a_domain_exception_thrown_by_the_work_is_not_translated() {
        InvalidInput invalid = new InvalidInput("items", "must hold 1 to 1000 items");

        InvalidInput thrown = assertThrows(InvalidInput.class, () -> unitOfWork.write(() -> {
            requestLog.append(List.of(request(Ids.newId(), AT)));
            throw invalid;
        }));

        assertSame(invalid, thrown);
        assertEquals(List.of(), LedgerRows.requestIds(database));
    }

    @Test
    void a_constraint_violation_is_not_mistaken_for_an_unreachable_database() {
        RequestLogEntry entry = request(Ids.newId(), AT);
        unitOfWork.write(() -> {
            requestLog.append(List.of(entry));
            return null;
        });

        RuntimeException thrown = assertThrows(RuntimeException.class, () -> unitOfWork.write(() -> {
            requestLog.append(List.of(request(entry.id(), AT)));
            return null;
        }));

        assertFalse(thrown instanceof StorageUnavailable, thrown::toString);
        assertTrue(sqlStateOf(thrown).startsWith("23"), thrown::toString);
    }

    @Test
    void a_nested_unit_of_work_sees_what_the_outer_one_wrote() {
        RequestLogEntry entry = request(Ids.newId(), AT);

        Optional<RequestLogEntry> seenInside = unitOfWork.write(() -> {
            requestLog.append(List.of(entry));
            return unitOfWork.read(() -> requestLog.find(entry.id()));
        });

        assertEquals(Optional.of(entry), seenInside);
    }

    @Test
    void what_a_nested_unit_of_work_wrote_is_discarded_when_the_outer_one_throws() {
        RequestLogEntry outer = request(Ids.newId(), AT);
        RequestLogEntry inner = request(Ids.newId(), AT);

        assertThrows(IllegalStateException.class, () -> unitOfWork.write(() -> {
            requestLog.append(List.of(outer));
            unitOfWork.write(() -> {
                requestLog.append(List.of(inner));
                return null;
            });
            assertEquals(List.of(), LedgerRows.requestIds(database), "the inner one did not commit on its own");
            throw new IllegalStateException("the outer work failed");
        }));

        assertEquals(List.of(), LedgerRows.requestIds(database));
        assertEquals(Optional.empty(), unitOfWork.read(() -> requestLog.find(inner.id())));
    }

    @Test
    void a_read_sees_what_earlier_units_of_work_committed() {
        RequestLogEntry first = request(Ids.newId(), AT);
        RequestLogEntry second = request(Ids.newId(), AT.plusSeconds(1));
        unitOfWork.write(() -> {
            requestLog.append(List.of(first));
            return null;
        });
        unitOfWork.write(() -> {
            requestLog.append(List.of(second));
            return null;
        });

        List<Optional<RequestLogEntry>> seen = unitOfWork.read(
                () -> List.of(requestLog.find(first.id()), requestLog.find(second.id())));

        assertEquals(List.of(Optional.of(first), Optional.of(second)), seen);
    }

    private static String sqlStateOf(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof SQLException sql && sql.getSQLState() != null) {
                return sql.getSQLState();
            }
        }
        return "none";
    }

    @Test
    void every_port_refuses_to_be_used_outside_a_unit_of_work_and_writes_nothing() {
        UUID id = Ids.newId();
        RequestLogEntry entry = request(id, AT);
        List<Executable> calls = List.of(
                () -> requestLog.find(id),
                () -> requestLog.append(List.of(entry)),
                () -> requestLog.purgeOlderThan(AT, 10),
                () -> predictions.find(id),
                () -> predictions.findByRequest(id),
                () -> predictions.list(PredictionFilter.ALL, null, 10),
                () -> predictions.tally(null, null, null),
                () -> predictions.addAll(entry, List.of(LedgerRows.prediction(id, AT, "m", 0.5))),
                () -> experiments.find(id),
                () -> experiments.findForUpdate(id),
                () -> experiments.list(new ExperimentFilter(null, null, null), null, 10),
                () -> experiments.add(new Experiment(id, "e", "o", null, ExperimentStatus.CREATED, AT, 0)),
                () -> experiments.delete(id),
                () -> runs.find(id),
                () -> runs.ofExperiment(id),
                () -> runs.findForLogging(id),
                () -> metrics.latest(id),
                () -> metrics.history(id, null, null, 10),
                () -> metrics.addAll(id, List.of(new MetricPoint("loss", 1, 0.5, AT))));

        for (Executable call : calls) {
            RuntimeException thrown = assertThrows(RuntimeException.class, call);
            assertTrue(thrown.getMessage().contains("transaction"), thrown.getMessage());
        }
        assertEquals(List.of(), LedgerRows.requestIds(database));
        assertEquals(List.of(), LedgerRows.predictionIds(database));
    }
}
