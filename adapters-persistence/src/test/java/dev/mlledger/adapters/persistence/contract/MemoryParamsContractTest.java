package dev.mlledger.adapters.persistence.contract;

import dev.mlledger.domain.contract.ParamsContract;
import dev.mlledger.domain.contract.StoragePorts;

/** The in-memory adapter passes the Params contract. */
class MemoryParamsContractTest extends ParamsContract {

    @Override
    protected StoragePorts emptyStore() {
        return MemoryStorePorts.empty();
    }
}
