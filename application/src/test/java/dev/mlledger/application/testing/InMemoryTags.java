package dev.mlledger.application.testing;

import dev.mlledger.domain.experiment.Tag;
import dev.mlledger.domain.experiment.Tags;

import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.UUID;

/** Tags of experiments and runs in maps, one value per key. */
public final class InMemoryTags implements Tags {

    private final Map<UUID, SortedMap<String, String>> ofExperiments = new HashMap<>();
    private final Map<UUID, SortedMap<String, String>> ofRuns = new HashMap<>();

    @Override
    public void setOnExperiment(UUID experimentId, Collection<Tag> tags) {
        tags.forEach(tag -> ofExperiments.computeIfAbsent(experimentId, id -> new TreeMap<>()).put(tag.key(), tag.value()));
    }

    @Override
    public boolean deleteFromExperiment(UUID experimentId, String key) {
        return ofExperiments.getOrDefault(experimentId, new TreeMap<>()).remove(key) != null;
    }

    @Override
    public SortedMap<String, String> ofExperiment(UUID experimentId) {
        return new TreeMap<>(ofExperiments.getOrDefault(experimentId, new TreeMap<>()));
    }

    @Override
    public void setOnRun(UUID runId, Collection<Tag> tags) {
        tags.forEach(tag -> ofRuns.computeIfAbsent(runId, id -> new TreeMap<>()).put(tag.key(), tag.value()));
    }

    @Override
    public boolean deleteFromRun(UUID runId, String key) {
        return ofRuns.getOrDefault(runId, new TreeMap<>()).remove(key) != null;
    }

    @Override
    public SortedMap<String, String> ofRun(UUID runId) {
        return new TreeMap<>(ofRuns.getOrDefault(runId, new TreeMap<>()));
    }

    @Override
    public Map<UUID, SortedMap<String, String>> ofRuns(Collection<UUID> runIds) {
        Map<UUID, SortedMap<String, String>> found = new HashMap<>();
        runIds.stream().filter(id -> !ofRun(id).isEmpty()).forEach(id -> found.put(id, ofRun(id)));
        return found;
    }
}
