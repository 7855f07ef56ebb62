package dev.mlledger.adapters.persistence.prediction;

import dev.mlledger.adapters.persistence.jdbc.Columns;
import dev.mlledger.adapters.persistence.requestlog.RequestColumns;
import dev.mlledger.domain.json.JsonDocument;
import dev.mlledger.domain.paging.Keyset;
import dev.mlledger.domain.paging.Page;
import dev.mlledger.domain.prediction.AttritionProbability;
import dev.mlledger.domain.prediction.Prediction;
import dev.mlledger.domain.prediction.PredictionFilter;
import dev.mlledger.domain.prediction.Predictions;
import dev.mlledger.domain.prediction.RiskLevel;
import dev.mlledger.domain.prediction.RiskTally;
import dev.mlledger.domain.requestlog.RequestLogEntry;
import io.micronaut.context.annotation.Requires;
import jakarta.inject.Singleton;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Predictions in {@code predictions}, with their roll-ups, through {@link PredictionRepository}. */
@Singleton
@Requires(property = "mlledger.persistence.adapter", value = "jdbc", defaultValue = "jdbc")
public class JdbcPredictions implements Predictions {

    private final PredictionRepository repository;

    public JdbcPredictions(PredictionRepository repository) {
        this.repository = repository;
    }

    @Override
    public void addAll(List<Prediction> predictions) {
        if (predictions.isEmpty()) {
            return;
        }
        PredictionColumns p = PredictionColumns.of(predictions);
        repository.addAll(p.ids, p.requestIds, p.createdAts, p.predictionDates, p.employeeIds, p.probabilities,
                p.riskLevels, p.modelVersions, p.snapshots);
    }

    @Override
    public void addAll(List<RequestLogEntry> madeBy, List<Prediction> predictions) {
        if (predictions.isEmpty()) {
            throw new IllegalArgumentException("a request that made no prediction is logged through the RequestLog");
        }
        RequestColumns r = RequestColumns.of(madeBy);
        PredictionColumns p = PredictionColumns.of(predictions);
        repository.addAllWithRequest(r.ids(), r.createdAts(), r.endpoints(), r.methods(), r.requestData(),
                r.clientIps(), r.userAgents(), r.httpStatuses(), r.responseTimes(), r.principals(), r.roles(),
                p.ids, p.requestIds, p.createdAts, p.predictionDates, p.employeeIds, p.probabilities, p.riskLevels,
                p.modelVersions, p.snapshots);
    }

    @Override
    public Optional<Prediction> find(UUID id) {
        return repository.findById(id).map(JdbcPredictions::prediction);
    }

    @Override
    public List<Prediction> findByRequest(UUID requestId) {
        return repository.findByRequestIdOrderById(requestId).stream().map(JdbcPredictions::prediction).toList();
    }

    @Override
    public Page<Prediction> list(PredictionFilter filter, Keyset after, int limit) {
        OffsetDateTime beforeCreatedAt = after == null ? Columns.time(TallyPlan.LATEST) : Columns.time(after.createdAt());
        UUID beforeId = after == null ? Columns.LAST_ID : after.id();
        OffsetDateTime from = Columns.time(TallyPlan.withinSpan(filter.from(), TallyPlan.EARLIEST));
        OffsetDateTime to = Columns.time(TallyPlan.withinSpan(filter.to(), TallyPlan.LATEST));
        double minProb = filter.minProb() == null ? 0 : filter.minProb();
        double maxProb = filter.maxProb() == null ? 1 : filter.maxProb();
        String riskLevel = filter.riskLevel() == null ? null : filter.riskLevel().name();
        List<PredictionRow> rows = filter.principal() != null
                ? repository.findPageOfPrincipal(filter.principal(), filter.employeeId(), beforeCreatedAt, beforeId,
                        from, to, minProb, maxProb, riskLevel, filter.modelVersion(), limit + 1)
                : filter.employeeId() == null
                ? repository.findPage(beforeCreatedAt, beforeId, from, to, minProb, maxProb, riskLevel,
                        filter.modelVersion(), limit + 1)
                : repository.findPageOfEmployee(filter.employeeId(), beforeCreatedAt, beforeId, from, to, minProb,
                        maxProb, riskLevel, filter.modelVersion(), limit + 1);
        return Page.ofOneExtra(rows.stream().map(JdbcPredictions::prediction).toList(), limit);
    }

    @Override
    public List<RiskTally> tally(Instant from, Instant to, String modelVersion, String principal) {
        TallyPlan plan = TallyPlan.of(from, to);
        if (plan.isEmpty()) {
            return List.of();
        }
        if (principal != null) {
            return repository.tallyOfPrincipal(principal,
                            Columns.time(TallyPlan.withinSpan(from, TallyPlan.EARLIEST)),
                            Columns.time(TallyPlan.withinSpan(to, TallyPlan.LATEST)), modelVersion)
                    .stream().map(JdbcPredictions::tally).toList();
        }
        TallyPlan.Range day = plan.days().isEmpty() ? TallyPlan.Range.NONE : plan.days().getFirst();
        TallyPlan.Range firstHours = part(plan.hours(), 0);
        TallyPlan.Range lastHours = part(plan.hours(), 1);
        TallyPlan.Range firstRaw = part(plan.raw(), 0);
        TallyPlan.Range lastRaw = part(plan.raw(), 1);
        return repository.tally(start(day), end(day), start(firstHours), end(firstHours), start(lastHours),
                        end(lastHours), start(firstRaw), end(firstRaw), start(lastRaw), end(lastRaw), modelVersion)
                .stream()
                .map(JdbcPredictions::tally)
                .toList();
    }

    private static RiskTally tally(TallyRow row) {
        return new RiskTally(row.modelVersion(), RiskLevel.valueOf(row.riskLevel()), row.predictionCount(),
                row.probSum());
    }

    private static TallyPlan.Range part(List<TallyPlan.Range> ranges, int index) {
        return index < ranges.size() ? ranges.get(index) : TallyPlan.Range.NONE;
    }

    private static OffsetDateTime start(TallyPlan.Range range) {
        return Columns.time(range.start());
    }

    private static OffsetDateTime end(TallyPlan.Range range) {
        return Columns.time(range.end());
    }

    private static Prediction prediction(PredictionRow row) {
        return new Prediction(row.id(), row.requestId(), row.createdAt(), row.predictionDate(), row.employeeId(),
                new AttritionProbability(row.attritionProb()), RiskLevel.valueOf(row.riskLevel()),
                row.modelVersion(), row.featuresSnapshot() == null ? null : new JsonDocument(row.featuresSnapshot()));
    }

    /** The predictions as one array per column of {@code predictions}. */
    private record PredictionColumns(String[] ids, String[] requestIds, String[] createdAts, String[] predictionDates,
                                     String[] employeeIds, Double[] probabilities, String[] riskLevels,
                                     String[] modelVersions, String[] snapshots) {

        static PredictionColumns of(List<Prediction> predictions) {
            return new PredictionColumns(
                    Columns.text(predictions, Prediction::id),
                    Columns.text(predictions, Prediction::requestId),
                    Columns.times(predictions, Prediction::createdAt),
                    Columns.times(predictions, Prediction::predictionDate),
                    Columns.text(predictions, Prediction::employeeId),
                    Columns.doubles(predictions, p -> p.probability().value()),
                    Columns.text(predictions, p -> p.riskLevel().name()),
                    Columns.text(predictions, Prediction::modelVersion),
                    Columns.text(predictions, p -> p.featuresSnapshot() == null ? null : p.featuresSnapshot().text()));
        }
    }
}
