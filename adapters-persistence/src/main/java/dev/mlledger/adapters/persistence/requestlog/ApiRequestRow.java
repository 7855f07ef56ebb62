package dev.mlledger.adapters.persistence.requestlog;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import io.micronaut.data.annotation.MappedProperty;
import io.micronaut.data.annotation.TypeDef;
import io.micronaut.data.model.DataType;

import java.time.Instant;
import java.util.UUID;

/** A row of {@code api_requests}: one logged API request. */
@MappedEntity("api_requests")
record ApiRequestRow(
        @MappedProperty("id") @Id UUID id,
        @MappedProperty("created_at") Instant createdAt,
        @MappedProperty("endpoint") String endpoint,
        @MappedProperty("method") String method,
        @TypeDef(type = DataType.JSON) String requestData,
        @MappedProperty("client_ip") @Nullable String clientIp,
        @MappedProperty("user_agent") @Nullable String userAgent,
        @MappedProperty("http_status") int httpStatus,
        @MappedProperty("response_time_ms") @Nullable Integer responseTimeMs,
        @MappedProperty("principal") @Nullable String principal,
        @MappedProperty("role") @Nullable String role) {
}
