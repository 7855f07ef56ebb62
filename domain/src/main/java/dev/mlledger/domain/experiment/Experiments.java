package dev.mlledger.domain.experiment;

import dev.mlledger.domain.paging.Keyset;
import dev.mlledger.domain.paging.Page;

import java.util.Optional;
import java.util.UUID;

/**
 * Driven port: the experiments. Call it inside a {@code UnitOfWork}. Every store holds the Default experiment
 * ({@link Experiment#defaultExperiment}) from the start.
 */
public interface Experiments {

    /**
     * Stores a new experiment and gives it the next number, higher than every number given before.
     *
     * @return the experiment as stored, with its number
     */
    Experiment add(Experiment experiment);

    Optional<Experiment> find(UUID id);

    /** Like {@link #find}, and no other unit of work changes the experiment until this one ends. */
    Optional<Experiment> findForUpdate(UUID id);

    Optional<Experiment> findByNumber(long number);

    /**
     * The experiment with this name (names are compared exactly). Names may repeat (they were never unique): then
     * the newest active one, or, when none is active, the newest deleted one.
     */
    Optional<Experiment> findByName(String name);

    /**
     * Whether any experiment, active or deleted, has this name; and no other unit of work that claims the same
     * name gets past this call until this one ends, so that a check then an add or a rename is safe under
     * concurrency. Call it in a writing unit of work.
     */
    boolean claimName(String name);

    /**
     * Stores the changed name, description, status and lifecycle if the experiment is still at
     * {@code changed.version()}.
     *
     * @return the stored experiment, its version one higher
     * @throws ConcurrentUpdate when another unit of work changed (or deleted) it in the meantime
     */
    Experiment update(Experiment changed);

    /**
     * Deletes the experiment for good (a purge), with its runs, their metrics, params and tags, and its tags.
     *
     * @return false when there was no such experiment
     */
    boolean delete(UUID id);

    /** Newest first, with run counts, in one statement whatever the numbers of experiments and runs. */
    Page<ExperimentSummary> list(ExperimentFilter filter, Keyset after, int limit);
}
