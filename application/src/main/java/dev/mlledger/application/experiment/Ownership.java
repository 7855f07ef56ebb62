package dev.mlledger.application.experiment;

import dev.mlledger.domain.access.AccessDenied;
import dev.mlledger.domain.access.Caller;
import dev.mlledger.domain.experiment.Experiment;
import dev.mlledger.domain.experiment.Experiments;
import dev.mlledger.domain.experiment.Run;
import dev.mlledger.domain.experiment.Runs;
import dev.mlledger.domain.validation.NotFound;

import java.util.UUID;

/**
 * An experiment may be changed by its owner and by administrators only. A run may be changed by the principal who
 * started it, by its experiment's owner and by administrators.
 */
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
     * Checks the run's owner, then the owner of its experiment; an administrator and the run's owner need no
     * lookup. Call it inside the unit of work that makes the change.
     *
     * @throws AccessDenied unless the caller may change the run
     */
    static void checkRun(Caller caller, Run run, Experiments experiments) {
        if (caller.mayChangeWhatIsOwnedBy(run.owner())) {
            return;
        }
        // a run cannot outlive its experiment (purging one purges its runs)
        experiments.find(run.experimentId()).ifPresent(experiment -> {
            if (!caller.mayChangeWhatIsOwnedBy(experiment.owner())) {
                throw new AccessDenied("run " + run.id() + " belongs to " + run.owner() + " in experiment "
                        + experiment.id() + " of " + experiment.owner()
                        + "; only they or an admin may change it");
            }
        });
    }

    /**
     * {@link #checkRun(Caller, Run, Experiments)} of the run with this id.
     *
     * @throws NotFound when there is no such run
     */
    static Run checkRun(Caller caller, UUID runId, Runs runs, Experiments experiments) {
        Run run = runs.find(runId).orElseThrow(() -> new NotFound("run " + runId));
        checkRun(caller, run, experiments);
        return run;
    }
}
