package dev.mlledger.application.testing;

import dev.mlledger.domain.requestlog.PurgeResult;
import dev.mlledger.domain.requestlog.RequestLog;
import dev.mlledger.domain.requestlog.RequestLogEntry;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** The request log in a list; a purge takes the predictions of the purged entries with it. */
public final class InMemoryRequestLog implements RequestLog {

    private final List<RequestLogEntry> stored = new ArrayList<>();
    private final InMemoryPredictions predictions;
    private final List<Integer> purgeChunks = new ArrayList<>();

    public InMemoryRequestLog(InMemoryPredictions predictions) {
        this.predictions = predictions;
        predictions.logTo(this);
    }

    @Override
    public void append(List<RequestLogEntry> entries) {
        for (RequestLogEntry entry : entries) {
            if (find(entry.id()).isPresent()) {
                throw new IllegalStateException("duplicate request id " + entry.id());
            }
        }
        stored.addAll(entries);
    }

    @Override
    public Optional<RequestLogEntry> find(UUID id) {
        return stored.stream().filter(e -> e.id().equals(id)).findFirst();
    }

    @Override
    public PurgeResult purgeOlderThan(Instant cutoff, int maxRequests) {
        purgeChunks.add(maxRequests);
        List<UUID> ids = stored.stream().filter(e -> e.createdAt().isBefore(cutoff))
                .sorted(Comparator.comparing(RequestLogEntry::createdAt)).limit(maxRequests)
                .map(RequestLogEntry::id).toList();
        stored.removeIf(e -> ids.contains(e.id()));
        return new PurgeResult(ids.size(), predictions.removeOfRequests(ids));
    }

    /** Everything stored, in the order it was appended. */
    public List<RequestLogEntry> all() {
        return List.copyOf(stored);
    }

    /** The {@code maxRequests} of each purge call, in order. */
    public List<Integer> purgeChunks() {
        return List.copyOf(purgeChunks);
    }
}
