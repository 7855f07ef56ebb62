package dev.mlledger.adapters.persistence.experiment;

import dev.mlledger.adapters.persistence.jdbc.ProlepticInstant;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import io.micronaut.data.annotation.MappedProperty;
import io.micronaut.data.annotation.TypeDef;
import io.micronaut.data.model.DataType;

import java.time.Instant;
import java.util.UUID;

/** A row of {@code metrics}: one value of a run's metric at one step. */
@MappedEntity("metrics")
record MetricRow(
        @MappedProperty("id") @Id UUID id,
        @MappedProperty("run_id") UUID runId,
        @MappedProperty("name") String name,
        @MappedProperty("step") long step,
        @MappedProperty("value") double value,
        @TypeDef(type = DataType.STRING, converter = ProlepticInstant.class) Instant timestamp) {
}
