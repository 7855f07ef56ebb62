package dev.mlledger.domain.experiment;

import dev.mlledger.domain.paging.Keyset;
import dev.mlledger.domain.paging.Page;

import java.util.Optional;
import java.util.UUID;

/** Driven port: the experiments. Call it inside a {@code UnitOfWork}. */
public interface Experiments {

    void add(Experiment experiment);

    Optional<Experiment> find(UUID id);

    /** Like {@link #find}, and no other unit of work changes the experiment until this one ends. */
    Optional<Experiment> findForUpdate(UUID id);

    /**
     * Stores the changed experiment if it is still at {@code changed.version()}.
     *
     * @return the stored experiment, its version one higher
     * @throws ConcurrentUpdate when another unit of work changed (or deleted) it in the meantime
     */
    Experiment update(Experiment changed);

    /** Deletes the experiment with its runs and their metrics. @return false when there was no such experiment */
    boolean delete(UUID id);

    /** Newest first, with run counts, in one statement whatever the numbers of experiments and runs. */
    Page<ExperimentSummary> list(ExperimentFilter filter, Keyset after, int limit);
}
