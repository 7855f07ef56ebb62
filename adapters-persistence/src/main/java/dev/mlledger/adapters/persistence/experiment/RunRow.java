package dev.mlledger.adapters.persistence.experiment;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import io.micronaut.data.annotation.MappedProperty;

import java.time.Instant;
import java.util.UUID;

/** A row of {@code runs}. */
@MappedEntity("runs")
record RunRow(
        @MappedProperty("id") @Id UUID id,
        @MappedProperty("experiment_id") UUID experimentId,
        @MappedProperty("name") String name,
        @MappedProperty("owner") String owner,
        @MappedProperty("status") String status,
        @MappedProperty("lifecycle") String lifecycle,
        @MappedProperty("started_at") Instant startedAt,
        @MappedProperty("ended_at") @Nullable Instant endedAt,
        @MappedProperty("seed") @Nullable Integer seed) {
}
