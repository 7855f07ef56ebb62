package dev.mlledger.domain.experiment.search;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/**
 * Where a page of a run search ended: the last run's value of each ordering key, then its start time and id. A
 * search orders by its keys, then by start time (newest first) and id (as MLflow does), so the position is unique
 * and the next page starts strictly after it, whatever runs were added since (keyset paging).
 */
public record RunPosition(List<SortValue> values, Instant startedAt, UUID runId) {

    public RunPosition {
        values = List.copyOf(values);
        Objects.requireNonNull(startedAt, "startedAt");
        Objects.requireNonNull(runId, "runId");
    }

    /** Where {@code run} stands in an order by {@code orderBy}. */
    public static RunPosition of(FoundRun run, List<RunOrder> orderBy) {
        return new RunPosition(orderBy.stream().map(order -> run.value(order.field())).toList(),
                run.run().startedAt(), run.run().id());
    }
}
