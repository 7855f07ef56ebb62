package dev.mlledger.application.prediction;

import dev.mlledger.domain.paging.Keyset;
import dev.mlledger.domain.paging.Page;
import dev.mlledger.domain.paging.PageLimit;
import dev.mlledger.domain.prediction.Prediction;
import dev.mlledger.domain.prediction.PredictionFilter;

import java.util.UUID;

/** Use case: look predictions up, one or a page at a time. */
public interface FindPredictions {

    int DEFAULT_LIMIT = 50;
    int MAX_LIMIT = 500;
    int MAX_HIGH_RISK_DAYS = 36_500;

    /** @throws dev.mlledger.domain.validation.NotFound when there is no such prediction */
    Prediction byId(UUID id);

    /** Newest first, after {@code after} when given. */
    Page<Prediction> list(PredictionFilter filter, Keyset after, PageLimit limit);

    /** HIGH-risk predictions created in the last {@code days} days, newest first; of one principal when not null. */
    Page<Prediction> highRisk(int days, String principal, Keyset after, PageLimit limit);
}
