package dev.mlledger.adapters.persistence.experiment;

import io.micronaut.core.annotation.Introspected;
import io.micronaut.core.annotation.Nullable;

import java.time.Instant;
import java.util.UUID;

/** An experiment with its number of runs, as a page of the experiment list reads it. */
@Introspected
record ExperimentSummaryRow(UUID id, String name, String owner, @Nullable String description, String status,
                            Instant createdAt, long version, long runCount) {
}
