package dev.mlledger.application.experiment;

import java.util.UUID;

/** Use case: delete an experiment with its runs and their metrics. */
public interface DeleteExperiment {

    /** @throws dev.mlledger.domain.validation.NotFound when there is no such experiment */
    void delete(UUID id);
}
