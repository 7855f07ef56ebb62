package dev.mlledger.application.experiment;

import dev.mlledger.domain.access.Caller;
import java.util.UUID;

/** Use case: delete an experiment with its runs and their metrics. */
public interface DeleteExperiment {

    /**
     * @throws dev.mlledger.domain.validation.NotFound     when there is no such experiment
     * @throws dev.mlledger.domain.access.AccessDenied unless the caller owns the experiment or is an admin
     */
    void delete(Caller caller, UUID id);
}
