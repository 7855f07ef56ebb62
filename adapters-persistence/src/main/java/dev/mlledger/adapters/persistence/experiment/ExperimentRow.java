package dev.mlledger.adapters.persistence.experiment;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import io.micronaut.data.annotation.Version;

import java.time.Instant;
import java.util.UUID;

/** A row of {@code experiments}; {@code version} is its optimistic lock, {@code number} comes from an identity. */
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
        @Version long version) {
}
