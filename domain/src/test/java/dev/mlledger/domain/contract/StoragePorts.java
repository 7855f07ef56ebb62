package dev.mlledger.domain.contract;

import dev.mlledger.domain.access.ApiTokens;
import dev.mlledger.domain.experiment.Experiments;
import dev.mlledger.domain.experiment.Metrics;
import dev.mlledger.domain.experiment.Params;
import dev.mlledger.domain.experiment.Runs;
import dev.mlledger.domain.experiment.Tags;
import dev.mlledger.domain.experiment.search.RunSearch;
import dev.mlledger.domain.idempotency.IdempotencyKeys;
import dev.mlledger.domain.prediction.Predictions;
import dev.mlledger.domain.requestlog.RequestLog;
import dev.mlledger.domain.transaction.UnitOfWork;

/** One adapter's implementations of every driven port, all on the same store. */
public record StoragePorts(UnitOfWork unitOfWork, Predictions predictions, RequestLog requestLog,
                           Experiments experiments, Runs runs, Metrics metrics, Params params, Tags tags,
                           ApiTokens apiTokens, IdempotencyKeys idempotencyKeys, RunSearch runSearch) {
}
