package dev.mlledger.application.requestlog;

import dev.mlledger.domain.prediction.Prediction;
import dev.mlledger.domain.requestlog.RequestLogEntry;

import java.util.List;

/** A logged request and the predictions it made. */
public record RequestDetails(RequestLogEntry request, List<Prediction> predictions) {

    public RequestDetails {
        predictions = List.copyOf(predictions);
    }
}
