package dev.mlledger.domain.contract;

import dev.mlledger.domain.experiment.Experiment;
import dev.mlledger.domain.experiment.Run;
import org.junit.jupiter.api.BeforeEach;

import java.util.List;
import java.util.function.Supplier;

/**
 * Base of the contract suites: what every persistence adapter must do, stated once, against the ports only.
 * An adapter's test class extends a suite and says how to get its ports on an empty store; it is done when
 * every suite passes. See docs/adapters.md.
 */
public abstract class StorageContract {

    protected StoragePorts store;

    /** The adapter's ports on a store that holds nothing (called before every test). */
    protected abstract StoragePorts emptyStore();

    @BeforeEach
    void startFromAnEmptyStore() {
        store = emptyStore();
    }

    protected <T> T write(Supplier<T> work) {
        return store.unitOfWork().write(work);
    }

    protected void writing(Runnable work) {
        store.unitOfWork().write(() -> {
            work.run();
            return null;
        });
    }

    protected <T> T read(Supplier<T> work) {
        return store.unitOfWork().read(work);
    }

    /** A running run, stored with a new experiment of its own. */
    protected Run storedRun() {
        Experiment experiment = ContractData.experiment("e", "alice", ContractData.T0);
        Run run = ContractData.run(experiment.id(), ContractData.T0, 7);
        writing(() -> {
            store.experiments().add(experiment);
            store.runs().addAll(List.of(run));
        });
        return run;
    }
}
