package dev.mlledger.adapters.persistence.memory;

import dev.mlledger.domain.experiment.Tag;
import dev.mlledger.domain.experiment.Tags;
import io.micronaut.context.annotation.Requires;
import jakarta.inject.Singleton;

import java.util.Collection;
import java.util.Map;
import java.util.SortedMap;
import java.util.UUID;

/** Tags of experiments and runs in the {@link MemoryStore}, one value per owner and key. */
@Singleton
@Requires(property = "mlledger.persistence.adapter", value = "memory")
public class MemoryTags implements Tags {

    private final MemoryStore store;
    private final KeyValueTable experimentTags;
    private final KeyValueTable runTags;

    public MemoryTags(MemoryStore store) {
        this.store = store;
        this.experimentTags = new KeyValueTable(store.experimentTags, store.tagsByExperiment);
        this.runTags = new KeyValueTable(store.runTags, store.tagsByRun);
    }

    @Override
    public void setOnExperiment(UUID experimentId, Collection<Tag> tags) {
        MemoryTransaction transaction = store.writing();
        if (!store.experiments.contains(experimentId)) {
            throw transaction.refuse("tags name experiment " + experimentId + ", which does not exist");
        }
        set(transaction, experimentTags, experimentId, tags);
    }

    @Override
    public boolean deleteFromExperiment(UUID experimentId, String key) {
        return experimentTags.delete(store.writing(), experimentId, key);
    }

    @Override
    public SortedMap<String, String> ofExperiment(UUID experimentId) {
        store.reading();
        return experimentTags.of(experimentId);
    }

    @Override
    public void setOnRun(UUID runId, Collection<Tag> tags) {
        MemoryTransaction transaction = store.writing();
        if (!store.runs.contains(runId)) {
            throw transaction.refuse("tags name run " + runId + ", which does not exist");
        }
        set(transaction, runTags, runId, tags);
    }

    @Override
    public boolean deleteFromRun(UUID runId, String key) {
        return runTags.delete(store.writing(), runId, key);
    }

    @Override
    public SortedMap<String, String> ofRun(UUID runId) {
        store.reading();
        return runTags.of(runId);
    }

    @Override
    public Map<UUID, SortedMap<String, String>> ofRuns(Collection<UUID> runIds) {
        store.reading();
        return runTags.ofAll(runIds);
    }

    private static void set(MemoryTransaction transaction, KeyValueTable table, UUID owner, Collection<Tag> tags) {
        KeyValueTable.requireDistinct(transaction, tags.stream().map(Tag::key).toList(), "tag");
        tags.forEach(tag -> table.put(transaction, new StoredValue(owner, tag.key(), tag.value())));
    }
}
