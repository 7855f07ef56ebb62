package dev.mlledger.domain.experiment;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Driven port: the runs of experiments. Call it inside a {@code UnitOfWork}. */
public interface Runs {

    /** Stores the runs, all or none, in one round trip whatever their number. */
    void addAll(List<Run> runs);

    Optional<Run> find(UUID id);

    /** The runs of one experiment, active and deleted, in the order they started, in one statement. */
    List<Run> ofExperiment(UUID experimentId);

    /**
     * Stores the ended run (its status and end time) if the stored one is still running. Of two units of work
     * ending the same run at the same time, exactly one gets true.
     */
    boolean endIfRunning(Run ended);

    /**
     * The run, and it cannot end, be deleted or be renamed until this unit of work does (so no metric slips in
     * after its end). Empty when there is no such run. Call it in a writing unit of work.
     */
    Optional<Run> findForLogging(UUID runId);

    /** Stores the run's new name. @return false when there is no such run */
    boolean rename(UUID runId, String name);

    /** Moves the run to the bin or back. @return false when there is no such run */
    boolean setLifecycle(UUID runId, Lifecycle lifecycle);
}
