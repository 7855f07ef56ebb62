package dev.mlledger.domain.prediction;

import dev.mlledger.domain.paging.Keyset;
import dev.mlledger.domain.paging.Page;
import dev.mlledger.domain.requestlog.RequestLogEntry;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Driven port: the stored predictions. Call it inside a {@code UnitOfWork}. */
public interface Predictions {

    /**
     * Stores the predictions (whose request-log entry must exist in the same unit of work), all or none, in one
     * round trip whatever their number, and counts them in the statistics {@link #tally} reads.
     */
    void addAll(List<Prediction> predictions);

    /**
     * Stores the log entries of the requests that made the predictions, and the predictions, all or none: what
     * {@code RequestLog.append(madeBy)} followed by {@link #addAll(List)} does, in one step (the JDBC adapter
     * sends it as one statement: the hot path of scoring, where concurrent requests are written together).
     */
    void addAll(List<RequestLogEntry> madeBy, List<Prediction> predictions);

    /** {@link #addAll(List, List)} for the predictions of one request. */
    default void addAll(RequestLogEntry madeBy, List<Prediction> predictions) {
        addAll(List.of(madeBy), predictions);
    }

    Optional<Prediction> find(UUID id);

    /** The predictions a logged request made, in the order they were made. */
    List<Prediction> findByRequest(UUID requestId);

    /**
     * Newest first ({@code created_at}, then {@code id}, descending), starting strictly after {@code after}
     * when given. Items come without their feature snapshot.
     */
    Page<Prediction> list(PredictionFilter filter, Keyset after, int limit);

    /**
     * Counts and probability sums per model and risk level of the predictions created in [from, to) (either
     * bound may be null), optionally of one model only. Its cost does not grow with the number of predictions.
     * With a principal, only the predictions of requests that principal made; that cost grows with the
     * principal's predictions in the range.
     */
    List<RiskTally> tally(Instant from, Instant to, String modelVersion, String principal);

    /** {@link #tally(Instant, Instant, String, String)} of every principal. */
    default List<RiskTally> tally(Instant from, Instant to, String modelVersion) {
        return tally(from, to, modelVersion, null);
    }
}
