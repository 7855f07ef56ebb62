package dev.mlledger.application.experiment;

import dev.mlledger.domain.access.AccessDenied;
import dev.mlledger.domain.access.Caller;
import dev.mlledger.domain.experiment.Experiment;
import dev.mlledger.domain.experiment.Experiments;
import dev.mlledger.domain.experiment.Run;
import dev.mlledger.domain.experiment.Runs;
import dev.mlledger.domain.validation.NotFound;

import java.util.UUID;

/** An experiment, and its runs, may be changed by the experiment's owner and by administrators only. */
final class Ownership {

    private Ownership() {
    }

    /** @throws AccessDenied unless the caller may change the experiment */
    static void check(Caller caller, Experiment experiment) {
        if (!caller.mayChangeWhatIsOwnedBy(experiment.owner())) {
            throw new AccessDenied("experiment " + experiment.id() + " belongs to " + experiment.owner()
                    + "; only its owner or an admin may change it or its runs");
        }
    }

    /**
     * Checks the owner of the run's experiment; an administrator needs no lookup. Call it inside the unit of work
     * that makes the change.
     *
     * @throws NotFound     when there is no such run
     * @throws AccessDenied unless the caller may change the run
     */
    static void checkRun(Caller caller, UUID runId, Runs runs, Experiments experiments) {
        if (caller.isAdmin()) {
            return;
        }
        Run run = runs.find(runId).orElseThrow(() -> new NotFound("run " + runId));
        // a run cannot outlive its experiment (deleting one deletes its runs)
        experiments.find(run.experimentId()).ifPresent(experiment -> check(caller, experiment));
    }
}
