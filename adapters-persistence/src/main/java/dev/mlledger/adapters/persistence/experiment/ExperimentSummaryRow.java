package dev.mlledger.adapters.persistence.experiment;

import dev.mlledger.adapters.persistence.jdbc.PropertyNamedColumns;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

import java.time.Instant;
import java.util.UUID;

/** An experiment with its number of runs, as a page of the experiment list reads it. */
@MappedEntity(value = "experiments", namingStrategy = PropertyNamedColumns.class)
record ExperimentSummaryRow(@Id UUID id,
                            Long number,
                            String name,
                            String owner,
                            @Nullable String description,
                            String status,
                            String lifecycle,
                            Instant createdAt,
                            Long version,
                            Long runCount) {
}
