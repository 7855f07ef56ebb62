package dev.mlledger.adapters.persistence.requestlog;

import dev.mlledger.adapters.persistence.jdbc.Columns;
import dev.mlledger.adapters.persistence.jdbc.StoredText;
import dev.mlledger.domain.requestlog.RequestLogEntry;

import java.util.List;

/**
 * Request-log entries as one array per column of {@code api_requests}, fitted to the columns' sizes: what the
 * one-statement inserts of {@link RequestLogRepository} and the scoring write take.
 */
public record RequestColumns(String[] ids, String[] createdAts, String[] endpoints, String[] methods,
                             String[] requestData, String[] clientIps, String[] userAgents, Integer[] httpStatuses,
                             Integer[] responseTimes, String[] principals, String[] roles) {

    static final int ENDPOINT_MAX = 200;
    static final int METHOD_MAX = 10;
    static final int CLIENT_IP_MAX = 45;
    static final int USER_AGENT_MAX = 1000;
    static final int PRINCIPAL_MAX = 200;

    public static RequestColumns of(List<RequestLogEntry> entries) {
        return new RequestColumns(
                Columns.text(entries, RequestLogEntry::id),
                Columns.times(entries, RequestLogEntry::createdAt),
                Columns.text(entries, entry -> orEmpty(StoredText.fit(entry.endpoint(), ENDPOINT_MAX))),
                Columns.text(entries, entry -> orEmpty(StoredText.fit(entry.method(), METHOD_MAX))),
                Columns.text(entries, entry -> entry.requestData().text()),
                Columns.text(entries, entry -> StoredText.fit(entry.clientIp(), CLIENT_IP_MAX)),
                Columns.text(entries, entry -> StoredText.fit(entry.userAgent(), USER_AGENT_MAX)),
                Columns.integers(entries, RequestLogEntry::httpStatus),
                Columns.integers(entries, entry -> entry.responseTimeMs() == null ? null
                        : Math.max(0, entry.responseTimeMs())),
                Columns.text(entries, entry -> entry.caller() == null ? null
                        : StoredText.fit(entry.caller().name(), PRINCIPAL_MAX)),
                Columns.text(entries, entry -> entry.caller() == null ? null : entry.caller().role().spelling()));
    }

    private static String orEmpty(String text) {
        return text == null ? "" : text;
    }
}
