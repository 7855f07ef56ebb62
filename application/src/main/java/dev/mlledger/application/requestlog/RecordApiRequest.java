package dev.mlledger.application.requestlog;

import dev.mlledger.domain.requestlog.RequestLogFull;

import java.util.Optional;

/**
 * Use case: keep a log entry for every API request that is not logged in a transaction of its own use case, and
 * lose none. Room for the entry is taken before the request is carried out ({@link #reserve()}); when the log
 * is writing more slowly than requests arrive, a request waits a bounded time for room and is then turned away
 * ({@link RequestLogFull}), and its refusal is logged through room kept for refusals
 * ({@link #reserveForRefusal()}).
 */
public interface RecordApiRequest {

    /** Room for one entry if there is some right now; never blocks. */
    Optional<LogSlot> tryReserve();

    /**
     * Room for one entry, waiting a bounded time for it; may block.
     *
     * @throws RequestLogFull when no room came free in time: the request must not be carried out
     */
    LogSlot reserve();

    /**
     * Room for the entry of a request that {@link #reserve()} turned away, taken from room kept for refusals so
     * that the refusal is logged too. Waits for it as long as it takes (only when refusals themselves arrive faster
     * than the log writes); may block.
     */
    LogSlot reserveForRefusal();
}
