package dev.mlledger.bootstrap;

import dev.mlledger.application.requestlog.PurgeRequestLog;
import dev.mlledger.domain.requestlog.PurgeResult;
import io.micronaut.context.annotation.Requires;
import io.micronaut.context.annotation.Value;
import io.micronaut.scheduling.annotation.Scheduled;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the retention purge on a schedule when {@code mlledger.retention.days} is set (it is off by default):
 * every {@code mlledger.retention.interval} (default 1h), first one minute after start-up.
 */
@Singleton
@Requires(property = "mlledger.retention.days")
public class RetentionSchedule {

    private static final Logger LOG = LoggerFactory.getLogger(RetentionSchedule.class);

    private final PurgeRequestLog purgeRequestLog;
    private final int days;

    public RetentionSchedule(PurgeRequestLog purgeRequestLog, @Value("${mlledger.retention.days}") int days) {
        this.purgeRequestLog = purgeRequestLog;
        this.days = days;
        LOG.info("Retention: request-log entries and predictions older than {} days are purged on a schedule", days);
    }

    @Scheduled(fixedDelay = "${mlledger.retention.interval:1h}", initialDelay = "${mlledger.retention.initial-delay:1m}")
    void purge() {
        try {
            PurgeResult result = purgeRequestLog.purgeOlderThan(days);
            if (!result.isEmpty()) {
                LOG.info("Retention purged {} requests and {} predictions older than {} days",
                        result.deletedRequests(), result.deletedPredictions(), days);
            }
        } catch (RuntimeException e) {
            LOG.warn("Retention purge failed; it runs again at the next interval: {}", e.getMessage(), e);
        }
    }
}
