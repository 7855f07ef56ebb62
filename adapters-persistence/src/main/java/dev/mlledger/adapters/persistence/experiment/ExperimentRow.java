package dev.mlledger.adapters.persistence.experiment;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

import java.time.Instant;
import java.util.UUID;

/**
 * A row of {@code experiments}; {@code version} is its optimistic lock (checked by the conditional UPDATE),
 * {@code number} comes from an identity.
 */
@MappedEntity("experiments")
record ExperimentRow(
        @Id UUID id,
        long number,
        String name,
        String owner,
        @Nullable String description,
        String status,
        String lifecycle,
        Instant createdAt,
        long version) {
}
