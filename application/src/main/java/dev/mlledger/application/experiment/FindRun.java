package dev.mlledger.application.experiment;

import java.util.UUID;

/** Use case: read a run with its latest metric values. */
public interface FindRun {

    /** @throws dev.mlledger.domain.validation.NotFound when there is no such run */
    RunWithLatestMetrics byId(UUID id);
}
