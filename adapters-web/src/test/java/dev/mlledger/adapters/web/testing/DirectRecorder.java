package dev.mlledger.adapters.web.testing;

import dev.mlledger.application.requestlog.LogSlot;
import dev.mlledger.application.requestlog.RecordApiRequest;
import dev.mlledger.domain.requestlog.RequestLog;
import dev.mlledger.domain.requestlog.RequestLogEntry;
import dev.mlledger.domain.requestlog.RequestLogFull;
import dev.mlledger.domain.transaction.UnitOfWork;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Writes each entry at once in a unit of work of its own: the web adapter's tests need no queue. Has room for every
 * request, unless told to behave as a full log ({@link #refuse(boolean)}).
 */
public final class DirectRecorder implements RecordApiRequest {

    private final RequestLog requestLog;
    private final UnitOfWork unitOfWork;
    private final AtomicBoolean refusing = new AtomicBoolean();
    private final List<RequestLogEntry> recorded = Collections.synchronizedList(new ArrayList<>());

    DirectRecorder(RequestLog requestLog, UnitOfWork unitOfWork) {
        this.requestLog = requestLog;
        this.unitOfWork = unitOfWork;
    }

    /** While on, the log has no room: requests are refused (and their refusals still recorded). */
    public void refuse(boolean on) {
        refusing.set(on);
    }

    /** Every entry recorded so far, oldest first. */
    public List<RequestLogEntry> recorded() {
        synchronized (recorded) {
            return List.copyOf(recorded);
        }
    }

    @Override
    public Optional<LogSlot> tryReserve() {
        return refusing.get() ? Optional.empty() : Optional.of(slot());
    }

    @Override
    public LogSlot reserve() {
        if (refusing.get()) {
            throw new RequestLogFull("the request log is full");
        }
        return slot();
    }

    @Override
    public LogSlot reserveForRefusal() {
        return slot();
    }

    private LogSlot slot() {
        return new LogSlot() {
            @Override
            public void record(RequestLogEntry entry) {
                unitOfWork.write(() -> {
                    requestLog.append(List.of(entry));
                    return null;
                });
                recorded.add(entry);
            }

            @Override
            public void release() {
            }
        };
    }
}
