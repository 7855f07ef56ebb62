package dev.mlledger.application.experiment;

import java.util.UUID;

/** Use case: read a run with its latest metric values, its params and its tags. */
public interface FindRun {

    /** @throws dev.mlledger.domain.validation.NotFound when there is no such run */
    RunDetails byId(UUID id);
}
