package dev.mlledger.application.requestlog;

import dev.mlledger.domain.prediction.Predictions;
import dev.mlledger.domain.requestlog.RequestLog;
import dev.mlledger.domain.transaction.UnitOfWork;
import dev.mlledger.domain.validation.NotFound;

import java.util.UUID;

public final class FindRequestService implements FindRequest {

    private final RequestLog requestLog;
    private final Predictions predictions;
    private final UnitOfWork unitOfWork;

    public FindRequestService(RequestLog requestLog, Predictions predictions, UnitOfWork unitOfWork) {
        this.requestLog = requestLog;
        this.predictions = predictions;
        this.unitOfWork = unitOfWork;
    }

    @Override
    public RequestDetails byId(UUID id) {
        return unitOfWork.read(() -> requestLog.find(id)
                        .map(request -> new RequestDetails(request, predictions.findByRequest(id))))
                .orElseThrow(() -> new NotFound("request " + id));
    }
}
