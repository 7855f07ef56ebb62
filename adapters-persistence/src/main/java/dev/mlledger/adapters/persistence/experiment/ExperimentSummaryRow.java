package dev.mlledger.adapters.persistence.experiment;

import io.micronaut.core.annotation.Introspected;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.MappedProperty;

import java.time.Instant;
import java.util.UUID;

/**
 * An experiment with its number of runs, as a page of the experiment list reads it. The columns are named
 * explicitly: otherwise Micronaut Data derives each snake_case column name from its property for every value of
 * every row it reads, about 8 % of this 100-row page's time in a JFR profile.
 */
@Introspected
record ExperimentSummaryRow(@MappedProperty("id") UUID id,
                            @MappedProperty("name") String name,
                            @MappedProperty("owner") String owner,
                            @MappedProperty("description") @Nullable String description,
                            @MappedProperty("status") String status,
                            @MappedProperty("created_at") Instant createdAt,
                            @MappedProperty("version") long version,
                            @MappedProperty("run_count") long runCount) {
}
