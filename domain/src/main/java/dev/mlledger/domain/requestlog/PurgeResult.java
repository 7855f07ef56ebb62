package dev.mlledger.domain.requestlog;

/** What a retention purge removed. */
public record PurgeResult(long deletedRequests, long deletedPredictions) {

    public static final PurgeResult NOTHING = new PurgeResult(0, 0);

    public PurgeResult plus(PurgeResult other) {
        return new PurgeResult(deletedRequests + other.deletedRequests, deletedPredictions + other.deletedPredictions);
    }

    public boolean isEmpty() {
        return deletedRequests == 0 && deletedPredictions == 0;
    }
}
