package dev.mlledger.application.experiment;

import dev.mlledger.domain.access.Caller;
import dev.mlledger.domain.experiment.Tag;

import java.util.List;
import java.util.UUID;

/** Use case: set or delete tags of an experiment; setting a key again replaces its value. */
public interface TagExperiment {

    int MAX_TAGS = 100;

    /**
     * Sets 1 to {@value #MAX_TAGS} tags in one unit of work; a key given twice takes its last value.
     *
     * @throws dev.mlledger.domain.validation.NotFound         when there is no such experiment
     * @throws dev.mlledger.domain.experiment.ExperimentDeleted when it is deleted
     * @throws dev.mlledger.domain.access.AccessDenied         unless the caller owns the experiment or is an admin
     */
    void tag(Caller caller, UUID experimentId, List<Tag> tags);

    /** @return false when the experiment had no tag with that key; throws as {@link #tag} */
    boolean untag(Caller caller, UUID experimentId, String key);
}
