package dev.mlledger.adapters.persistence.memory;

import dev.mlledger.domain.prediction.Prediction;
import dev.mlledger.domain.requestlog.PurgeResult;
import dev.mlledger.domain.requestlog.RequestLog;
import dev.mlledger.domain.requestlog.RequestLogEntry;
import io.micronaut.context.annotation.Requires;
import jakarta.inject.Singleton;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** The request log in the {@link MemoryStore}. */
@Singleton
@Requires(property = "mlledger.persistence.adapter", value = "memory")
public class MemoryRequestLog implements RequestLog {

    private final MemoryStore store;

    public MemoryRequestLog(MemoryStore store) {
        this.store = store;
    }

    @Override
    public void append(List<RequestLogEntry> entries) {
        MemoryTransaction transaction = store.writing();
        for (RequestLogEntry entry : entries) {
            store.requests.insert(transaction, entry);
        }
    }

    @Override
    public Optional<RequestLogEntry> find(UUID id) {
        store.reading();
        return store.requests.find(id);
    }

    /** The oldest first by {@code created_at} (then id, where the JDBC adapter leaves ties to the database). */
    @Override
    public PurgeResult purgeOlderThan(Instant cutoff, int maxRequests) {
        MemoryTransaction transaction = store.writing();
        if (maxRequests < 0) {
            throw new IllegalArgumentException("maxRequests must not be negative: " + maxRequests);
        }
        List<UUID> oldest = new ArrayList<>();
        for (RequestLogEntry entry : store.requestsByCreation.rows().headMap(TimeKey.first(cutoff), false).values()) {
            if (oldest.size() == maxRequests) {
                break;
            }
            oldest.add(entry.id());
        }
        long predictions = 0;
        for (UUID requestId : oldest) {
            // the cascade of the foreign key; the statistics are computed from what remains, so they stay consistent
            for (Prediction prediction : List.copyOf(store.predictionsByRequest.of(requestId).values())) {
                store.predictions.delete(transaction, prediction.id());
                predictions++;
            }
            store.requests.delete(transaction, requestId);
        }
        return new PurgeResult(oldest.size(), predictions);
    }
}
