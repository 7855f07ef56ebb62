package dev.mlledger.domain.requestlog;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Driven port: the log of API requests. Call it inside a {@code UnitOfWork}. */
public interface RequestLog {

    /** Stores the entries, all or none (one round trip per call, whatever their number). */
    void append(List<RequestLogEntry> entries);

    Optional<RequestLogEntry> find(UUID id);

    /**
     * Deletes up to {@code maxRequests} of the oldest entries created before {@code cutoff}, with their
     * predictions, and keeps the prediction statistics consistent with what remains.
     */
    PurgeResult purgeOlderThan(Instant cutoff, int maxRequests);
}
