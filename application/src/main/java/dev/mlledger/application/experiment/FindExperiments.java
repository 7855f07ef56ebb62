package dev.mlledger.application.experiment;

import dev.mlledger.domain.experiment.Experiment;
import dev.mlledger.domain.experiment.ExperimentFilter;
import dev.mlledger.domain.experiment.ExperimentSummary;
import dev.mlledger.domain.paging.Keyset;
import dev.mlledger.domain.paging.Page;
import dev.mlledger.domain.paging.PageLimit;

import java.util.Collection;
import java.util.Map;
import java.util.UUID;

/** Use case: list experiments, or read one with its runs and tags, by id, number or name. */
public interface FindExperiments {

    int DEFAULT_LIMIT = 50;
    int MAX_LIMIT = 500;

    Page<ExperimentSummary> list(ExperimentFilter filter, Keyset after, PageLimit limit);

    /** @throws dev.mlledger.domain.validation.NotFound when there is no such experiment */
    ExperimentWithRuns byId(UUID id);

    /** @throws dev.mlledger.domain.validation.NotFound when there is no such experiment */
    ExperimentWithRuns byNumber(long number);

    /**
     * The newest active experiment of the name, else the newest deleted one (names were never unique).
     *
     * @throws dev.mlledger.domain.validation.NotFound when no experiment has the name
     */
    ExperimentWithRuns byName(String name);

    /**
     * Like {@link #byNumber} without the runs: two statements however many runs the experiment has, for clients that
     * name experiments by number at every call (MLflow's).
     *
     * @throws dev.mlledger.domain.validation.NotFound when there is no such experiment
     */
    ExperimentWithTags taggedByNumber(long number);

    /** Like {@link #byName} without the runs. @throws dev.mlledger.domain.validation.NotFound as it does */
    ExperimentWithTags taggedByName(String name);

    /**
     * The experiments themselves, without runs or tags, in one reading unit of work: for naming the experiments of
     * a page of runs. Ids of no experiment are left out.
     */
    Map<UUID, Experiment> byIds(Collection<UUID> ids);
}
