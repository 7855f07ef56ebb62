package dev.mlledger.domain.contract;

import dev.mlledger.domain.experiment.Experiment;
import dev.mlledger.domain.experiment.ExperimentStatus;
import dev.mlledger.domain.experiment.Run;
import dev.mlledger.domain.id.Ids;
import dev.mlledger.domain.json.JsonDocument;
import dev.mlledger.domain.prediction.AttritionProbability;
import dev.mlledger.domain.prediction.Prediction;
import dev.mlledger.domain.prediction.RiskLevel;
import dev.mlledger.domain.requestlog.RequestLogEntry;

import dev.mlledger.domain.prediction.PredictionFilter;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import java.util.function.Predicate;

/** Small builders for the contract suites. */
public final class ContractData {

    public static final Instant T0 = Instant.parse("2026-03-10T08:00:00Z");

    /**
     * A time finer than a microsecond. A store keeps times to the microsecond at least: what it reads back equals
     * what it was given, both truncated to microseconds. The part under the microsecond is over half of one, so a
     * store that rounded (as PostgreSQL does, unless the adapter truncates first) fails.
     */
    public static final Instant T0_FINE = T0.plusNanos(123_456_789);

    /** {@code instant} to the microsecond, the precision every store keeps. */
    public static Instant micros(Instant instant) {
        return instant == null ? null : instant.truncatedTo(ChronoUnit.MICROS);
    }

    private ContractData() {
    }

    public static RequestLogEntry request(Instant at) {
        return new RequestLogEntry(Ids.newId(), at, "/api/v1/predict", "POST",
                new JsonDocument("{\"employee_id\": \"E-1\"}"), "127.0.0.1", "contract", 200, 3);
    }

    public static Prediction prediction(RequestLogEntry request, Instant at, double probability, String model,
                                        String employee) {
        RiskLevel risk = probability < 0.3 ? RiskLevel.LOW : probability < 0.6 ? RiskLevel.MEDIUM : RiskLevel.HIGH;
        return new Prediction(Ids.newId(), request.id(), at, at, employee, new AttritionProbability(probability), risk,
                model, new JsonDocument("{\"age\": 41}"));
    }

    public static Experiment experiment(String name, String owner, Instant at) {
        return new Experiment(Ids.newId(), name, owner, null, ExperimentStatus.CREATED, at, 0);
    }

    public static Run run(UUID experimentId, Instant at, Integer seed) {
        return Run.started(Ids.newId(), experimentId, "run-" + seed, "alice", at, seed);
    }

    /** Whether a prediction is one a filter selects, by the filter's own definition (a test's oracle). */
    public static Predicate<Prediction> selects(PredictionFilter filter) {
        return p -> (filter.riskLevel() == null || filter.riskLevel() == p.riskLevel())
                && (filter.employeeId() == null || filter.employeeId().equals(p.employeeId()))
                && (filter.modelVersion() == null || filter.modelVersion().equals(p.modelVersion()))
                && (filter.from() == null || !p.createdAt().isBefore(filter.from()))
                && (filter.to() == null || p.createdAt().isBefore(filter.to()))
                && (filter.minProb() == null || p.probability().value() >= filter.minProb())
                && (filter.maxProb() == null || p.probability().value() <= filter.maxProb());
    }

    /** PostgreSQL's uuid order: unsigned, most significant bits first ({@link UUID#compareTo} is signed). */
    public static int compareIds(UUID a, UUID b) {
        int high = Long.compareUnsigned(a.getMostSignificantBits(), b.getMostSignificantBits());
        return high != 0 ? high : Long.compareUnsigned(a.getLeastSignificantBits(), b.getLeastSignificantBits());
    }
}
