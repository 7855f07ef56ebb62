package dev.mlledger.application.experiment;

import dev.mlledger.domain.access.Caller;

import java.util.UUID;

/**
 * Use case: log metrics, params and tags to a run in one unit of work, all or nothing, in a few statements
 * whatever their numbers (MLflow's log-batch; logging one param or setting one tag is a batch of one). Metrics and
 * params need a running run ({@link dev.mlledger.domain.experiment.RunAlreadyEnded}); tags may be set on an ended
 * one. A param logged again with its value is no change, with another value
 * {@link dev.mlledger.domain.experiment.ParamAlreadyLogged}. A deleted run takes nothing
 * ({@link dev.mlledger.domain.experiment.RunDeleted}).
 */
public interface LogRunData {

    /**
     * @throws dev.mlledger.domain.validation.NotFound when there is no such run
     * @throws dev.mlledger.domain.access.AccessDenied unless the caller owns the run or its experiment, or is an
     *                                                  admin
     */
    void log(Caller caller, UUID runId, RunData data);
}
