package dev.mlledger.adapters.persistence.memory;

import dev.mlledger.domain.paging.Keyset;
import dev.mlledger.domain.paging.Page;
import dev.mlledger.domain.prediction.Prediction;
import dev.mlledger.domain.prediction.PredictionFilter;
import dev.mlledger.domain.prediction.Predictions;
import dev.mlledger.domain.requestlog.RequestLogEntry;
import dev.mlledger.domain.prediction.RiskLevel;
import dev.mlledger.domain.prediction.RiskTally;
import io.micronaut.context.annotation.Requires;
import jakarta.inject.Singleton;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Predictions in the {@link MemoryStore}. Lists and tallies walk the predictions in time order from the first
 * one in range, testing the other criteria on each: no roll-ups to keep in step, and exact by construction.
 */
@Singleton
@Requires(property = "mlledger.persistence.adapter", value = "memory")
public class MemoryPredictions implements Predictions {

    private static final Comparator<RiskTally> TALLY_ORDER = Comparator.comparing(RiskTally::modelVersion)
            .thenComparing(RiskTally::riskLevel);

    private final MemoryStore store;

    public MemoryPredictions(MemoryStore store) {
        this.store = store;
    }

    @Override
    public void addAll(List<RequestLogEntry> madeBy, List<Prediction> predictions) {
        if (predictions.isEmpty()) {
            throw new IllegalArgumentException("a request that made no prediction is logged through the RequestLog");
        }
        MemoryTransaction transaction = store.writing();
        for (RequestLogEntry entry : madeBy) {
            store.requests.insert(transaction, entry);
        }
        addAll(predictions);
    }

    @Override
    public void addAll(List<Prediction> predictions) {
        MemoryTransaction transaction = store.writing();
        for (Prediction prediction : predictions) {
            if (!store.requests.contains(prediction.requestId())) {
                throw transaction.refuse("prediction " + prediction.id() + " names request-log entry "
                        + prediction.requestId() + ", which does not exist");
            }
            store.predictions.insert(transaction, prediction);
        }
    }

    @Override
    public Optional<Prediction> find(UUID id) {
        store.reading();
        return store.predictions.find(id);
    }

    @Override
    public List<Prediction> findByRequest(UUID requestId) {
        store.reading();
        return List.copyOf(store.predictionsByRequest.of(requestId).values());
    }

    @Override
    public Page<Prediction> list(PredictionFilter filter, Keyset after, int limit) {
        store.reading();
        TimeKey from = filter.from() == null ? null : TimeKey.first(filter.from());
        TimeKey before = TimeKey.earlier(filter.to() == null ? null : TimeKey.first(filter.to()),
                after == null ? null : TimeKey.of(after));
        List<Prediction> fetched = new ArrayList<>();
        for (Prediction prediction : TimeKey.between(store.predictionsByCreation.rows(), from, before)
                .descendingMap().values()) {
            if (selects(filter, prediction) && madeBy(filter.principal(), prediction)) {
                fetched.add(withoutSnapshot(prediction));
                if (fetched.size() > limit) {
                    break;
                }
            }
        }
        return Page.ofOneExtra(fetched, limit);
    }

    @Override
    public List<RiskTally> tally(Instant from, Instant to, String modelVersion, String principal) {
        store.reading();
        record Group(String modelVersion, RiskLevel riskLevel) {
        }
        final class Sum {
            long count;
            double probabilities;
        }
        Map<Group, Sum> sums = new HashMap<>();
        for (Prediction prediction : TimeKey.between(store.predictionsByCreation.rows(),
                from == null ? null : TimeKey.first(from), to == null ? null : TimeKey.first(to)).values()) {
            if ((modelVersion == null || modelVersion.equals(prediction.modelVersion())) && madeBy(principal, prediction)) {
                Sum sum = sums.computeIfAbsent(new Group(prediction.modelVersion(), prediction.riskLevel()), g -> new Sum());
                sum.count++;
                sum.probabilities += prediction.probability().value();
            }
        }
        List<RiskTally> tallies = new ArrayList<>();
        sums.forEach((group, sum) -> tallies.add(
                new RiskTally(group.modelVersion(), group.riskLevel(), sum.count, sum.probabilities)));
        tallies.sort(TALLY_ORDER);
        return tallies;
    }

    /** Whether the request that made the prediction was made by that principal (any, when null). */
    private boolean madeBy(String principal, Prediction prediction) {
        if (principal == null) {
            return true;
        }
        return store.requests.find(prediction.requestId())
                .map(request -> request.caller() != null && principal.equals(request.caller().name()))
                .orElse(false);
    }

    private static boolean selects(PredictionFilter filter, Prediction prediction) {
        double probability = prediction.probability().value();
        return (filter.riskLevel() == null || filter.riskLevel() == prediction.riskLevel())
                && (filter.employeeId() == null || filter.employeeId().equals(prediction.employeeId()))
                && (filter.modelVersion() == null || filter.modelVersion().equals(prediction.modelVersion()))
                && (filter.minProb() == null || probability >= filter.minProb())
                && (filter.maxProb() == null || probability <= filter.maxProb());
    }

    private static Prediction withoutSnapshot(Prediction p) {
        return new Prediction(p.id(), p.requestId(), p.createdAt(), p.predictionDate(), p.employeeId(),
                p.probability(), p.riskLevel(), p.modelVersion(), null);
    }
}
