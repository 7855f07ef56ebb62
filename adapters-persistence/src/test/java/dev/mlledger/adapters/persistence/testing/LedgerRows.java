package dev.mlledger.adapters.persistence.testing;

import dev.mlledger.domain.id.Ids;
import dev.mlledger.domain.json.JsonDocument;
import dev.mlledger.domain.prediction.AttritionProbability;
import dev.mlledger.domain.prediction.Prediction;
import dev.mlledger.domain.prediction.RiskLevel;
import dev.mlledger.domain.prediction.RiskThresholds;
import dev.mlledger.domain.prediction.RiskTally;
import dev.mlledger.domain.requestlog.RequestLogEntry;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * Rows of the request log and the predictions for database tests, and the brute-force answers the adapters'
 * answers are checked against: read straight from the tables on a plain connection, outside any unit of work.
 */
public final class LedgerRows {

    private LedgerRows() {
    }

    /** Removes every request, prediction and roll-up row, so a test starts from an empty ledger. */
    public static void empty(TestDatabase database) {
        try (Connection connection = database.connect(); Statement statement = connection.createStatement()) {
            statement.execute("TRUNCATE api_requests, predictions, prediction_stats_hourly, prediction_stats_daily");
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    public static RequestLogEntry request(UUID id, Instant createdAt) {
        return new RequestLogEntry(id, createdAt, "/api/v1/predict/batch", "POST", JsonDocument.EMPTY_OBJECT,
                "10.0.0.1", "test-agent", 200, 12);
    }

    /** A prediction banded by the default thresholds, without employee or snapshot. */
    public static Prediction prediction(UUID requestId, Instant createdAt, String modelVersion, double probability) {
        AttritionProbability p = new AttritionProbability(probability);
        return new Prediction(Ids.newId(), requestId, createdAt, createdAt, null, p,
                RiskThresholds.DEFAULT.classify(p), modelVersion, null);
    }

    /** The key a tally is compared by. */
    public record TallyKey(String modelVersion, RiskLevel riskLevel) {
    }

    /** Counts and probability sums per model and level, by {@code GROUP BY} over the predictions table itself. */
    public static Map<TallyKey, RiskTally> bruteForceTally(Connection connection, Instant from, Instant to,
                                                           String modelVersion) throws SQLException {
        String sql = "SELECT model_version, risk_level, count(*), sum(attrition_prob) FROM predictions"
                + " WHERE (?::timestamptz IS NULL OR created_at >= ?::timestamptz)"
                + " AND (?::timestamptz IS NULL OR created_at < ?::timestamptz)"
                + " AND (?::varchar IS NULL OR model_version = ?::varchar) GROUP BY 1, 2";
        try (PreparedStatement select = connection.prepareStatement(sql)) {
            OffsetDateTime lower = from == null ? null : from.atOffset(ZoneOffset.UTC);
            OffsetDateTime upper = to == null ? null : to.atOffset(ZoneOffset.UTC);
            select.setObject(1, lower);
            select.setObject(2, lower);
            select.setObject(3, upper);
            select.setObject(4, upper);
            select.setString(5, modelVersion);
            select.setString(6, modelVersion);
            try (ResultSet rows = select.executeQuery()) {
                Map<TallyKey, RiskTally> tallies = new HashMap<>();
                while (rows.next()) {
                    RiskTally tally = new RiskTally(rows.getString(1), RiskLevel.valueOf(rows.getString(2)),
                            rows.getLong(3), rows.getDouble(4));
                    tallies.put(new TallyKey(tally.modelVersion(), tally.riskLevel()), tally);
                }
                return tallies;
            }
        }
    }

    /**
     * The adapter's tallies say the same as the brute-force ones: same counts per model and level, sums equal up to
     * rounding. A tally of zero (a roll-up row whose predictions were all purged) counts as no tally.
     */
    public static void assertSameTallies(Map<TallyKey, RiskTally> expected, Collection<RiskTally> actual,
                                         String context) {
        Map<TallyKey, RiskTally> nonZero = new HashMap<>();
        for (RiskTally tally : actual) {
            TallyKey key = new TallyKey(tally.modelVersion(), tally.riskLevel());
            if (nonZero.containsKey(key)) {
                fail(context + ": two tallies for " + key + " in " + actual);
            }
            if (tally.count() == 0) {
                assertEquals(0.0, tally.probabilitySum(), 1e-9, () -> context + ": empty tally with a sum " + tally);
            } else {
                nonZero.put(key, tally);
            }
        }
        assertEquals(expected.keySet(), nonZero.keySet(), () -> context + ": expected " + expected.values()
                + " but got " + actual);
        for (Map.Entry<TallyKey, RiskTally> entry : expected.entrySet()) {
            RiskTally want = entry.getValue();
            RiskTally got = nonZero.get(entry.getKey());
            assertEquals(want.count(), got.count(), () -> context + ": count of " + entry.getKey());
            assertEquals(want.probabilitySum(), got.probabilitySum(), 1e-9 * Math.max(1, want.count()),
                    () -> context + ": probability sum of " + entry.getKey());
        }
    }

    /** The two documents hold the same JSON value (as PostgreSQL's jsonb equality sees it), whatever their spacing. */
    public static void assertSameJson(TestDatabase database, JsonDocument expected, JsonDocument actual)
            throws SQLException {
        try (Connection connection = database.connect();
             PreparedStatement compare = connection.prepareStatement("SELECT ?::jsonb = ?::jsonb")) {
            compare.setString(1, expected.text());
            compare.setString(2, actual.text());
            try (ResultSet result = compare.executeQuery()) {
                result.next();
                assertTrue(result.getBoolean(1), () -> expected.text() + " came back as " + actual.text());
            }
        }
    }

    /** The ids of the predictions table, read directly. */
    public static List<UUID> predictionIds(TestDatabase database) {
        return ids(database, "SELECT id FROM predictions");
    }

    /** The ids of the request log, read directly. */
    public static List<UUID> requestIds(TestDatabase database) {
        return ids(database, "SELECT id FROM api_requests");
    }

    private static List<UUID> ids(TestDatabase database, String sql) {
        try (Connection connection = database.connect(); Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery(sql)) {
            List<UUID> ids = new ArrayList<>();
            while (rows.next()) {
                ids.add(rows.getObject(1, UUID.class));
            }
            return ids;
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
