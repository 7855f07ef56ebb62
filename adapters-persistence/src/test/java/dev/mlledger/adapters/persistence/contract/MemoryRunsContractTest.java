package dev.mlledger.adapters.persistence.contract;

import dev.mlledger.domain.contract.RunsContract;
import dev.mlledger.domain.contract.StoragePorts;

/** The in-memory adapter passes the Runs contract. */
class MemoryRunsContractTest extends RunsContract {

    @Override
    protected StoragePorts emptyStore() {
        return MemoryStorePorts.empty();
    }
}
