package dev.mlledger.application.analytics;

import dev.mlledger.application.testing.FakeUnitOfWork;
import dev.mlledger.application.testing.InMemoryPredictions;
import dev.mlledger.domain.id.Ids;
import dev.mlledger.domain.paging.Keyset;
import dev.mlledger.domain.paging.Page;
import dev.mlledger.domain.prediction.AttritionProbability;
import dev.mlledger.domain.prediction.Prediction;
import dev.mlledger.domain.prediction.PredictionFilter;
import dev.mlledger.domain.prediction.Predictions;
import dev.mlledger.domain.prediction.RiskLevel;
import dev.mlledger.domain.prediction.RiskTally;
import dev.mlledger.domain.requestlog.RequestLogEntry;
import dev.mlledger.domain.validation.InvalidInput;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

class AnalyzeRiskServiceTest {

    private static final Instant T0 = Instant.parse("2026-03-01T00:00:00Z");

    private final InMemoryPredictions predictions = new InMemoryPredictions();
    private final FakeUnitOfWork unitOfWork = new FakeUnitOfWork();
    private final AnalyzeRisk analyzeRisk = new AnalyzeRiskService(predictions, unitOfWork);

    @Test
    void the_distribution_has_every_level_with_zeros_when_nothing_was_predicted() {
        assertEquals(Map.of(RiskLevel.LOW, 0L, RiskLevel.MEDIUM, 0L, RiskLevel.HIGH, 0L),
                analyzeRisk.distribution(null, null, null, null));
    }

    @Test
    void the_distribution_counts_each_level_across_models_within_the_range() {
        store("a", RiskLevel.HIGH, 0.9, 0);
        store("a", RiskLevel.HIGH, 0.8, 1);
        store("b", RiskLevel.HIGH, 0.7, 2);
        store("b", RiskLevel.LOW, 0.1, 3);
        store("b", RiskLevel.LOW, 0.1, 10);

        assertEquals(Map.of(RiskLevel.LOW, 2L, RiskLevel.MEDIUM, 0L, RiskLevel.HIGH, 3L),
                analyzeRisk.distribution(null, null, null, null));
        assertEquals(Map.of(RiskLevel.LOW, 2L, RiskLevel.MEDIUM, 0L, RiskLevel.HIGH, 1L),
                analyzeRisk.distribution(null, null, "b", null));
        assertEquals(Map.of(RiskLevel.LOW, 1L, RiskLevel.MEDIUM, 0L, RiskLevel.HIGH, 2L),
                analyzeRisk.distribution(T0.plusSeconds(1), T0.plusSeconds(10), null, null));
        assertEquals(3, unitOfWork.reads(), "each answer read in a unit of work");
    }

    @Test
    void the_summary_totals_averages_and_counts_per_model() {
        store("b", RiskLevel.HIGH, 0.9, 0);
        store("a", RiskLevel.LOW, 0.1, 1);
        store("a", RiskLevel.MEDIUM, 0.5, 2);
        store("a", RiskLevel.MEDIUM, 0.5, 20);

        RiskSummary all = analyzeRisk.summary(null, null, null);
        RiskSummary firstThree = analyzeRisk.summary(T0, T0.plusSeconds(20), null);

        assertEquals(4, all.total());
        assertEquals(0.5, all.averageAttritionProb(), 1e-12);
        assertEquals(Map.of("a", 3L, "b", 1L), all.byModelVersion());
        assertEquals(3, firstThree.total());
        assertEquals(0.5, firstThree.averageAttritionProb(), 1e-12);
        assertEquals(Map.of("a", 2L, "b", 1L), firstThree.byModelVersion());
    }

    @Test
    void the_summary_of_nothing_has_no_average() {
        store("a", RiskLevel.LOW, 0.1, 100);

        RiskSummary summary = analyzeRisk.summary(T0, T0.plusSeconds(100), null);

        assertEquals(0, summary.total());
        assertNull(summary.averageAttritionProb());
        assertEquals(Map.of(), summary.byModelVersion());
    }

    @Test
    void a_model_whose_tallies_are_all_zero_is_not_in_the_summary() {
        // what a roll-up store answers once every prediction of a model has been purged
        Predictions purgedStore = new TalliesOnly(List.of(
                new RiskTally("gone", RiskLevel.HIGH, 0, 1e-17),
                new RiskTally("kept", RiskLevel.LOW, 2, 0.3)));

        RiskSummary summary = new AnalyzeRiskService(purgedStore, unitOfWork).summary(null, null, null);

        assertEquals(2, summary.total());
        assertEquals(0.15, summary.averageAttritionProb(), 1e-12);
        assertEquals(Map.of("kept", 2L), summary.byModelVersion());
    }

    @Test
    void an_average_is_kept_within_zero_and_one_despite_rounding_in_the_sums() {
        Predictions roundedStore = new TalliesOnly(List.of(new RiskTally("m", RiskLevel.HIGH, 3, 3.0000000000004)));

        assertEquals(1.0, new AnalyzeRiskService(roundedStore, unitOfWork).summary(null, null, null).averageAttritionProb());
    }

    @Test
    void a_range_that_ends_before_it_starts_is_invalid() {
        InvalidInput distribution = assertThrows(InvalidInput.class,
                () -> analyzeRisk.distribution(T0.plusSeconds(1), T0, null, null));
        InvalidInput summary = assertThrows(InvalidInput.class, () -> analyzeRisk.summary(T0.plusSeconds(1), T0, null));

        assertEquals("from", distribution.violations().getFirst().field());
        assertEquals("from", summary.violations().getFirst().field());
        assertEquals(0, unitOfWork.reads());
    }

    @Test
    void an_over_long_model_version_is_invalid() {
        InvalidInput invalid = assertThrows(InvalidInput.class,
                () -> analyzeRisk.distribution(null, null, "m".repeat(51), null));

        assertEquals("modelVersion", invalid.violations().getFirst().field());
    }

    private void store(String model, RiskLevel level, double probability, int secondsAfterStart) {
        Instant at = T0.plusSeconds(secondsAfterStart);
        predictions.addAll(List.of(new Prediction(Ids.newId(), Ids.newId(), at, at, null,
                new AttritionProbability(probability), level, model, null)));
    }

    /** A store that answers tallies it was given, whatever the range. */
    private record TalliesOnly(List<RiskTally> tallies) implements Predictions {

        @Override
        public List<RiskTally> tally(Instant from, Instant to, String modelVersion, String principal) {
            return tallies;
        }

        @Override
        public void addAll(List<Prediction> predictions) {
            throw new UnsupportedOperationException();
        }

        @Override
        public void addAll(List<RequestLogEntry> madeBy, List<Prediction> predictions) {
            throw new UnsupportedOperationException();
        }

        @Override
        public Optional<Prediction> find(UUID id) {
            throw new UnsupportedOperationException();
        }

        @Override
        public List<Prediction> findByRequest(UUID requestId) {
            throw new UnsupportedOperationException();
        }

        @Override
        public Page<Prediction> list(PredictionFilter filter, Keyset after, int limit) {
            throw new UnsupportedOperationException();
        }
    }
}
