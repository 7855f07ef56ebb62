package dev.mlledger.application.experiment;

import dev.mlledger.domain.experiment.ExperimentFilter;
import dev.mlledger.domain.experiment.ExperimentSummary;
import dev.mlledger.domain.paging.Keyset;
import dev.mlledger.domain.paging.Page;
import dev.mlledger.domain.paging.PageLimit;

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
}
