package dev.mlledger.adapters.web.testing;

import dev.mlledger.application.requestlog.LogSlot;
import dev.mlledger.application.requestlog.RecordApiRequest;
import dev.mlledger.domain.requestlog.RequestLog;
import dev.mlledger.domain.requestlog.RequestLogEntry;
import dev.mlledger.domain.transaction.UnitOfWork;

import java.util.List;
import java.util.Optional;

/** Always has room, and writes each entry at once in a unit of work of its own: the web adapter's tests need no queue. */
final class DirectRecorder implements RecordApiRequest {

    private final RequestLog requestLog;
    private final UnitOfWork unitOfWork;

    DirectRecorder(RequestLog requestLog, UnitOfWork unitOfWork) {
        this.requestLog = requestLog;
        this.unitOfWork = unitOfWork;
    }

    @Override
    public Optional<LogSlot> tryReserve() {
        return Optional.of(slot());
    }

    @Override
    public LogSlot reserve() {
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
            }

            @Override
            public void release() {
            }
        };
    }
}
