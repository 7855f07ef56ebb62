package dev.mlledger.adapters.persistence.contract;

import dev.mlledger.domain.contract.ExperimentsContract;
import dev.mlledger.domain.contract.StoragePorts;

/** The in-memory adapter passes the Experiments contract. */
class MemoryExperimentsContractTest extends ExperimentsContract {

    @Override
    protected StoragePorts emptyStore() {
        return MemoryStorePorts.empty();
    }
}
