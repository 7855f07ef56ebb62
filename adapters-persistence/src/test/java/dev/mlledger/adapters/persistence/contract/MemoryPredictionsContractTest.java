package dev.mlledger.adapters.persistence.contract;

import dev.mlledger.domain.contract.PredictionsContract;
import dev.mlledger.domain.contract.StoragePorts;

/** The in-memory adapter passes the Predictions contract. */
class MemoryPredictionsContractTest extends PredictionsContract {

    @Override
    protected StoragePorts emptyStore() {
        return MemoryStorePorts.empty();
    }
}
