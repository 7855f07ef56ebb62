package dev.mlledger.application.requestlog;

import dev.mlledger.domain.requestlog.PurgeResult;

/**
 * Use case: retention. Deletes request-log entries older than a number of days, with their predictions, in
 * bounded chunks (one transaction each), so a purge of millions of rows never holds one huge transaction.
 */
public interface PurgeRequestLog {

    int MAX_DAYS = 36_500;

    PurgeResult purgeOlderThan(int days);
}
