package dev.mlledger.adapters.persistence.contract;

import dev.mlledger.domain.contract.RunSearchContract;
import dev.mlledger.domain.contract.StoragePorts;

/** The in-memory adapter passes the RunSearch contract. */
class MemoryRunSearchContractTest extends RunSearchContract {

    @Override
    protected StoragePorts emptyStore() {
        return MemoryStorePorts.empty();
    }
}
