package dev.mlledger.adapters.persistence.experiment;

import io.micronaut.core.annotation.Introspected;
import io.micronaut.data.annotation.MappedProperty;

import java.util.UUID;

/** A param or a tag, with the run or experiment it belongs to. */
@Introspected
record KeyValueRow(@MappedProperty("owner_id") UUID ownerId,
                   @MappedProperty("key") String key,
                   @MappedProperty("value") String value) {
}
