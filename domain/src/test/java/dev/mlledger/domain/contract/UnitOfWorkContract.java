package dev.mlledger.domain.contract;

import dev.mlledger.domain.experiment.Experiment;
import dev.mlledger.domain.requestlog.RequestLogEntry;
import org.junit.jupiter.api.Test;

import java.util.List;

import static dev.mlledger.domain.contract.ContractData.T0;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A unit of work keeps everything or nothing, and joins an outer one. */
public abstract class UnitOfWorkContract extends StorageContract {

    @Test
    void what_a_unit_of_work_wrote_before_it_threw_leaves_no_trace_and_the_exception_comes_out_unchanged() {
        RequestLogEntry request = ContractData.request(T0);
        Experiment experiment = ContractData.experiment("doomed", "alice", T0);
        IllegalStateException failure = new IllegalStateException("part-way");

        IllegalStateException thrown = assertThrows(IllegalStateException.class, () -> writing(() -> {
            store.requestLog().append(List.of(request));
            store.predictions().addAll(List.of(ContractData.prediction(request, T0, 0.5, "m", "E-1")));
            store.experiments().add(experiment);
            store.runs().addAll(List.of(ContractData.run(experiment.id(), T0, 1)));
            throw failure;
        }));

        assertSame(failure, thrown);
        assertTrue(read(() -> store.requestLog().find(request.id())).isEmpty());
        assertTrue(read(() -> store.predictions().findByRequest(request.id())).isEmpty());
        assertTrue(read(() -> store.experiments().find(experiment.id())).isEmpty());
        assertTrue(read(() -> store.runs().ofExperiment(experiment.id())).isEmpty());
        assertEquals(0, read(() -> store.predictions().tally(null, null, null)).stream()
                .mapToLong(tally -> tally.count()).sum(), "the statistics do not count rolled-back predictions");
    }

    @Test
    void a_rollback_also_undoes_updates_and_deletes() {
        Experiment kept = write(() -> store.experiments().add(ContractData.experiment("kept", "alice", T0)));

        assertThrows(IllegalStateException.class, () -> writing(() -> {
            store.experiments().update(kept.withDescription("changed"));
            store.experiments().delete(kept.id());
            throw new IllegalStateException("undo both");
        }));

        Experiment after = read(() -> store.experiments().find(kept.id())).orElseThrow();
        assertEquals(kept, after);
    }

    @Test
    void a_unit_of_work_inside_another_joins_it_and_goes_when_the_outer_one_fails() {
        Experiment inner = ContractData.experiment("inner", "alice", T0);

        assertThrows(IllegalStateException.class, () -> writing(() -> {
            writing(() -> store.experiments().add(inner));
            throw new IllegalStateException("outer fails after the inner one returned");
        }));

        assertTrue(read(() -> store.experiments().find(inner.id())).isEmpty());
    }

    @Test
    void what_a_unit_of_work_committed_is_seen_by_the_next() {
        Experiment committed = write(() -> store.experiments().add(ContractData.experiment("committed", "alice", T0)));

        assertEquals(committed, read(() -> store.experiments().find(committed.id())).orElseThrow());
    }
}
