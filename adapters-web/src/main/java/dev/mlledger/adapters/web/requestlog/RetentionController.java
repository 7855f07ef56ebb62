package dev.mlledger.adapters.web.requestlog;

import dev.mlledger.application.requestlog.PurgeRequestLog;
import dev.mlledger.domain.requestlog.PurgeResult;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Delete;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.serde.annotation.Serdeable;
import io.micronaut.serde.config.naming.SnakeCaseStrategy;

/** {@code DELETE /api/v1/retention?older_than_days=N}: purge old request-log entries and their predictions. */
@Controller("/api/v1/retention")
@ExecuteOn(TaskExecutors.BLOCKING)
public class RetentionController {

    @Serdeable(naming = SnakeCaseStrategy.class)
    public record RetentionView(long deletedRequests, long deletedPredictions) {
    }

    private final PurgeRequestLog purgeRequestLog;

    public RetentionController(PurgeRequestLog purgeRequestLog) {
        this.purgeRequestLog = purgeRequestLog;
    }

    @Delete
    public RetentionView purge(@QueryValue("older_than_days") int olderThanDays) {
        PurgeResult result = purgeRequestLog.purgeOlderThan(olderThanDays);
        return new RetentionView(result.deletedRequests(), result.deletedPredictions());
    }
}
