package dev.mlledger.application.requestlog;

import dev.mlledger.domain.requestlog.RequestLogEntry;

/**
 * Room kept in the request log for one request's entry, taken before the request is carried out so that its
 * entry always has a place. Use it once: record the entry, or release the room when the request's use case
 * logged it in its own transaction.
 */
public interface LogSlot {

    /** Keeps the entry; never blocks and never loses it (it is written even across database outages). */
    void record(RequestLogEntry entry);

    /** Gives the room back unused. */
    void release();
}
