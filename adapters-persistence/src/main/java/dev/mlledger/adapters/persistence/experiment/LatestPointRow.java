package dev.mlledger.adapters.persistence.experiment;

import dev.mlledger.adapters.persistence.jdbc.PropertyNamedColumns;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

/**
 * A row of {@code latest_metrics} (migration V7): a run's point at the highest step of one metric. A page of 1000
 * runs reads 10,000 of them, so the row is read cheaply: columns named like its properties, boxed values, and its
 * time as microseconds since the epoch (exact on any calendar, no text to parse).
 */
@MappedEntity(value = "latest_metrics", namingStrategy = PropertyNamedColumns.class)
record LatestPointRow(@Id UUID runId, String name, Long step, Double value, Long timestampMicros) {

    Instant timestamp() {
        return Instant.EPOCH.plus(timestampMicros, ChronoUnit.MICROS);
    }
}
