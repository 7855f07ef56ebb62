package dev.mlledger.application.requestlog;

import dev.mlledger.domain.requestlog.RequestLogEntry;

/**
 * Use case: keep a log entry for an API request that was not logged in a transaction of its own use case.
 * Never throws and never delays the client: a failure to record cannot change the client's answer.
 */
public interface RecordApiRequest {

    void record(RequestLogEntry entry);
}
