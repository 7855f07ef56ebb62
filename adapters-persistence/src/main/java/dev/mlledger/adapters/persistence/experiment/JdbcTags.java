package dev.mlledger.adapters.persistence.experiment;

import dev.mlledger.adapters.persistence.jdbc.Columns;
import dev.mlledger.domain.experiment.Tag;
import dev.mlledger.domain.experiment.Tags;
import io.micronaut.context.annotation.Requires;
import jakarta.inject.Singleton;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.UUID;

/** Tags in {@code run_tags} and {@code experiment_tags}, one per owner and key, through {@link TagRepository}. */
@Singleton
@Requires(property = "mlledger.persistence.adapter", value = "jdbc", defaultValue = "jdbc")
public class JdbcTags implements Tags {

    private final TagRepository repository;

    public JdbcTags(TagRepository repository) {
        this.repository = repository;
    }

    @Override
    public void setOnExperiment(UUID experimentId, Collection<Tag> tags) {
        if (!tags.isEmpty()) {
            List<Tag> given = List.copyOf(tags);
            repository.setOnExperiment(experimentId, Columns.text(given, Tag::key), Columns.text(given, Tag::value));
        }
    }

    @Override
    public boolean deleteFromExperiment(UUID experimentId, String key) {
        return repository.deleteFromExperiment(experimentId, key) > 0;
    }

    @Override
    public SortedMap<String, String> ofExperiment(UUID experimentId) {
        return KeyValues.of(experimentId, repository.findOfExperiment(experimentId));
    }

    @Override
    public void setOnRun(UUID runId, Collection<Tag> tags) {
        if (!tags.isEmpty()) {
            List<Tag> given = List.copyOf(tags);
            repository.setOnRun(runId, Columns.text(given, Tag::key), Columns.text(given, Tag::value));
        }
    }

    @Override
    public boolean deleteFromRun(UUID runId, String key) {
        return repository.deleteFromRun(runId, key) > 0;
    }

    @Override
    public SortedMap<String, String> ofRun(UUID runId) {
        return KeyValues.of(runId, repository.findOfRuns(new String[]{runId.toString()}));
    }

    @Override
    public Map<UUID, SortedMap<String, String>> ofRuns(Collection<UUID> runIds) {
        return KeyValues.ofAll(runIds, repository::findOfRuns);
    }
}
