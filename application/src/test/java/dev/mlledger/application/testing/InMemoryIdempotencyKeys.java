package dev.mlledger.application.testing;

import dev.mlledger.domain.idempotency.IdempotencyKey;
import dev.mlledger.domain.idempotency.IdempotencyKeys;
import dev.mlledger.domain.idempotency.IdempotencyRecord;

import java.time.Instant;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** Records in a map; keys another request holds are named by the test. */
public final class InMemoryIdempotencyKeys implements IdempotencyKeys {

    private final Map<IdempotencyKey, IdempotencyRecord> records = new LinkedHashMap<>();
    private final Set<IdempotencyKey> heldElsewhere = new HashSet<>();
    private int purgeCalls;

    public void holdElsewhere(IdempotencyKey key) {
        heldElsewhere.add(key);
    }

    public Map<IdempotencyKey, IdempotencyRecord> records() {
        return records;
    }

    public int purgeCalls() {
        return purgeCalls;
    }

    @Override
    public boolean tryHold(IdempotencyKey key) {
        return !heldElsewhere.contains(key);
    }

    @Override
    public Optional<IdempotencyRecord> find(IdempotencyKey key, Instant now) {
        return Optional.ofNullable(records.get(key)).filter(record -> record.isLiveAt(now));
    }

    @Override
    public void store(IdempotencyRecord record) {
        IdempotencyRecord stored = records.get(record.key());
        if (stored != null && stored.isLiveAt(record.createdAt())) {
            throw new IllegalStateException("live record of " + record.key());
        }
        records.put(record.key(), record);
    }

    @Override
    public int purgeExpired(Instant now, int max) {
        purgeCalls++;
        List<IdempotencyKey> expired = records.values().stream().filter(record -> !record.isLiveAt(now))
                .sorted(Comparator.comparing(IdempotencyRecord::expiresAt)).limit(max)
                .map(IdempotencyRecord::key).toList();
        expired.forEach(records::remove);
        return expired.size();
    }
}
