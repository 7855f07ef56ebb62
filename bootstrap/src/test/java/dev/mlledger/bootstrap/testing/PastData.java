package dev.mlledger.bootstrap.testing;

import dev.mlledger.adapters.persistence.testing.TestDatabase;

import java.time.Duration;

/**
 * Makes rows that look as if they had been written long ago: the API only writes "now", so tests move a logged
 * request and its predictions back in time with SQL, then rebuild the analytics roll-ups (keyed by the hour and
 * day of each prediction's created_at) so that they agree with the moved rows.
 */
public final class PastData {

    private PastData() {
    }

    /** Moves a logged request and the predictions it made {@code age} into the past (from now). */
    public static void moveBack(TestDatabase database, String requestId, Duration age) {
        Rows.execute(database, """
                UPDATE api_requests SET created_at = now() - interval '%1$d seconds' WHERE id = '%2$s';
                UPDATE predictions SET created_at = now() - interval '%1$d seconds' WHERE request_id = '%2$s';
                """.formatted(age.toSeconds(), java.util.UUID.fromString(requestId)));
    }

    /** Recomputes both roll-up tables from the predictions as they are now. */
    public static void rebuildRollUps(TestDatabase database) {
        Rows.execute(database, """
                DELETE FROM prediction_stats_hourly;
                DELETE FROM prediction_stats_daily;
                INSERT INTO prediction_stats_hourly (bucket, model_version, risk_level, shard, prediction_count, prob_sum)
                    SELECT date_trunc('hour', created_at, 'UTC'), model_version, risk_level, 0, count(*), sum(attrition_prob)
                    FROM predictions GROUP BY 1, 2, 3;
                INSERT INTO prediction_stats_daily (bucket, model_version, risk_level, shard, prediction_count, prob_sum)
                    SELECT date_trunc('day', created_at, 'UTC'), model_version, risk_level, 0, count(*), sum(attrition_prob)
                    FROM predictions GROUP BY 1, 2, 3;
                """);
    }
}
