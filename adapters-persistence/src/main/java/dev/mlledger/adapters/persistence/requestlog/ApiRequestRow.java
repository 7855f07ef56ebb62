package dev.mlledger.adapters.persistence.requestlog;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import io.micronaut.data.annotation.TypeDef;
import io.micronaut.data.model.DataType;

import java.time.Instant;
import java.util.UUID;

/** A row of {@code api_requests}: one logged API request. */
@MappedEntity("api_requests")
record ApiRequestRow(
        @Id UUID id,
        Instant createdAt,
        String endpoint,
        String method,
        @TypeDef(type = DataType.JSON) String requestData,
        @Nullable String clientIp,
        @Nullable String userAgent,
        int httpStatus,
        @Nullable Integer responseTimeMs) {
}
