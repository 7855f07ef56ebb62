package dev.mlledger.application.testing;

import dev.mlledger.domain.paging.Keyset;
import dev.mlledger.domain.paging.Page;
import dev.mlledger.domain.prediction.Prediction;
import dev.mlledger.domain.prediction.PredictionFilter;
import dev.mlledger.domain.prediction.Predictions;
import dev.mlledger.domain.prediction.RiskTally;
import dev.mlledger.domain.requestlog.RequestLogEntry;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** Predictions in a list, in the order they were added. */
public final class InMemoryPredictions implements Predictions {

    private final List<Prediction> stored = new ArrayList<>();
    private InMemoryRequestLog requestLog;

    /** The log that {@link #addAll(List, List)} appends to; an {@link InMemoryRequestLog} links itself. */
    void logTo(InMemoryRequestLog log) {
        this.requestLog = log;
    }

    @Override
    public void addAll(List<Prediction> predictions) {
        stored.addAll(predictions);
    }

    @Override
    public void addAll(List<RequestLogEntry> madeBy, List<Prediction> predictions) {
        if (requestLog == null) {
            throw new IllegalStateException("no InMemoryRequestLog is linked to these predictions");
        }
        requestLog.append(madeBy);
        addAll(predictions);
    }

    @Override
    public Optional<Prediction> find(UUID id) {
        return stored.stream().filter(p -> p.id().equals(id)).findFirst();
    }

    @Override
    public List<Prediction> findByRequest(UUID requestId) {
        return stored.stream().filter(p -> p.requestId().equals(requestId)).toList();
    }

    @Override
    public Page<Prediction> list(PredictionFilter filter, Keyset after, int limit) {
        throw new UnsupportedOperationException("not needed by these tests");
    }

    @Override
    public List<RiskTally> tally(Instant from, Instant to, String modelVersion, String principal) {
        Map<List<Object>, RiskTally> tallies = new LinkedHashMap<>();
        stored.stream()
                .filter(p -> from == null || !p.createdAt().isBefore(from))
                .filter(p -> to == null || p.createdAt().isBefore(to))
                .filter(p -> modelVersion == null || modelVersion.equals(p.modelVersion()))
                .sorted(Comparator.comparing(Prediction::modelVersion).thenComparing(Prediction::riskLevel))
                .forEach(p -> tallies.merge(List.of(p.modelVersion(), p.riskLevel()),
                        new RiskTally(p.modelVersion(), p.riskLevel(), 1, p.probability().value()),
                        (a, b) -> new RiskTally(a.modelVersion(), a.riskLevel(), a.count() + b.count(),
                                a.probabilitySum() + b.probabilitySum())));
        return List.copyOf(tallies.values());
    }

    /** Everything stored, in the order it was added. */
    public List<Prediction> all() {
        return List.copyOf(stored);
    }

    /** Removes the predictions of the given requests; how many went. */
    long removeOfRequests(List<UUID> requestIds) {
        int before = stored.size();
        stored.removeIf(p -> requestIds.contains(p.requestId()));
        return before - stored.size();
    }
}
