package dev.mlledger.domain.experiment;

import java.util.Collection;
import java.util.Map;
import java.util.SortedMap;
import java.util.UUID;

/**
 * Driven port: the tags of experiments and of runs, one value per key, which setting the key again replaces. Call
 * it inside a {@code UnitOfWork}.
 */
public interface Tags {

    /** Sets the tags, in one round trip whatever their number; the keys must be distinct. */
    void setOnExperiment(UUID experimentId, Collection<Tag> tags);

    /** @return false when the experiment had no tag with that key */
    boolean deleteFromExperiment(UUID experimentId, String key);

    /** The experiment's tags by key, in key order. */
    SortedMap<String, String> ofExperiment(UUID experimentId);

    /** Sets the tags, in one round trip whatever their number; the keys must be distinct. */
    void setOnRun(UUID runId, Collection<Tag> tags);

    /** @return false when the run had no tag with that key */
    boolean deleteFromRun(UUID runId, String key);

    /** The run's tags by key, in key order. */
    SortedMap<String, String> ofRun(UUID runId);

    /** The tags of each of the runs (a run without any is left out), in one statement. */
    Map<UUID, SortedMap<String, String>> ofRuns(Collection<UUID> runIds);
}
