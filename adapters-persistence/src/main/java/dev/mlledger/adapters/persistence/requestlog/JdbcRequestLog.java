package dev.mlledger.adapters.persistence.requestlog;

import dev.mlledger.adapters.persistence.jdbc.Columns;
import dev.mlledger.domain.access.Caller;
import dev.mlledger.domain.access.Role;
import dev.mlledger.domain.json.JsonDocument;
import dev.mlledger.domain.requestlog.PurgeResult;
import dev.mlledger.domain.requestlog.RequestLog;
import dev.mlledger.domain.requestlog.RequestLogEntry;
import io.micronaut.context.annotation.Requires;
import jakarta.inject.Singleton;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** The request log in {@code api_requests}, through {@link RequestLogRepository}. */
@Singleton
@Requires(property = "mlledger.persistence.adapter", value = "jdbc", defaultValue = "jdbc")
public class JdbcRequestLog implements RequestLog {

    private final RequestLogRepository repository;

    public JdbcRequestLog(RequestLogRepository repository) {
        this.repository = repository;
    }

    @Override
    public void append(List<RequestLogEntry> entries) {
        if (entries.isEmpty()) {
            return;
        }
        RequestColumns columns = RequestColumns.of(entries);
        repository.appendAll(columns.ids(), columns.createdAts(), columns.endpoints(), columns.methods(),
                columns.requestData(), columns.clientIps(), columns.userAgents(), columns.httpStatuses(),
                columns.responseTimes(), columns.principals(), columns.roles());
    }

    @Override
    public Optional<RequestLogEntry> find(UUID id) {
        return repository.findById(id).map(JdbcRequestLog::entry);
    }

    @Override
    public PurgeResult purgeOlderThan(Instant cutoff, int maxRequests) {
        List<UUID> ids = repository.findOldestBefore(Columns.time(cutoff), maxRequests);
        if (ids.isEmpty()) {
            return PurgeResult.NOTHING;
        }
        String[] idArray = Columns.text(ids, id -> id);
        long predictions = repository.deletePredictionsOf(idArray);
        int requests = repository.deleteAll(idArray);
        return new PurgeResult(requests, predictions);
    }

    private static RequestLogEntry entry(ApiRequestRow row) {
        return new RequestLogEntry(row.id(), row.createdAt(), row.endpoint(), row.method(),
                new JsonDocument(row.requestData()), row.clientIp(), row.userAgent(), row.httpStatus(),
                row.responseTimeMs(), row.principal() == null ? null
                        : new Caller(row.principal(), Role.parse(row.role()).orElse(Role.READER)));
    }
}
