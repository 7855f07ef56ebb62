package dev.mlledger.adapters.persistence.experiment;

import dev.mlledger.adapters.persistence.jdbc.Columns;
import dev.mlledger.domain.experiment.Param;
import dev.mlledger.domain.experiment.ParamAlreadyLogged;
import dev.mlledger.domain.experiment.Params;
import io.micronaut.context.annotation.Requires;
import jakarta.inject.Singleton;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.UUID;

/** Params in {@code run_params}, one per run and key, through {@link ParamRepository}. */
@Singleton
@Requires(property = "mlledger.persistence.adapter", value = "jdbc", defaultValue = "jdbc")
public class JdbcParams implements Params {

    private final ParamRepository repository;

    public JdbcParams(ParamRepository repository) {
        this.repository = repository;
    }

    @Override
    public void addAll(UUID runId, Collection<Param> params) {
        if (params.isEmpty()) {
            return;
        }
        List<Param> given = List.copyOf(params);
        List<String> rewritten = repository.addAllReturningRewrites(runId, Columns.text(given, Param::key),
                Columns.text(given, Param::value));
        if (!rewritten.isEmpty()) {
            throw new ParamAlreadyLogged(runId, rewritten.getFirst());
        }
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
