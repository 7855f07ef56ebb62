package dev.mlledger.adapters.persistence.experiment;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

import java.time.Instant;
import java.util.UUID;

/** A row of {@code runs}. */
@MappedEntity("runs")
record RunRow(
        @Id UUID id,
        UUID experimentId,
        String status,
        Instant startedAt,
        @Nullable Instant endedAt,
        @Nullable Integer seed) {
}
