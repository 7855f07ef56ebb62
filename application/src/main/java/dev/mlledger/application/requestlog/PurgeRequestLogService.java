package dev.mlledger.application.requestlog;

import dev.mlledger.domain.requestlog.PurgeResult;
import dev.mlledger.domain.requestlog.RequestLog;
import dev.mlledger.domain.transaction.UnitOfWork;
import dev.mlledger.domain.validation.InvalidInput;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

public final class PurgeRequestLogService implements PurgeRequestLog {

    private final RequestLog requestLog;
    private final UnitOfWork unitOfWork;
    private final Clock clock;
    private final int chunkSize;

    public PurgeRequestLogService(RequestLog requestLog, UnitOfWork unitOfWork, Clock clock, int chunkSize) {
        if (chunkSize < 1) {
            throw new IllegalArgumentException("chunk size must be positive");
        }
        this.requestLog = requestLog;
        this.unitOfWork = unitOfWork;
        this.clock = clock;
        this.chunkSize = chunkSize;
    }

    @Override
    public PurgeResult purgeOlderThan(int days) {
        if (days < 1 || days > MAX_DAYS) {
            throw new InvalidInput("olderThanDays", "must be between 1 and " + MAX_DAYS);
        }
        Instant cutoff = clock.instant().minus(Duration.ofDays(days));
        PurgeResult total = PurgeResult.NOTHING;
        PurgeResult chunk;
        do {
            chunk = unitOfWork.write(() -> requestLog.purgeOlderThan(cutoff, chunkSize));
            total = total.plus(chunk);
        } while (chunk.deletedRequests() >= chunkSize);
        return total;
    }
}
