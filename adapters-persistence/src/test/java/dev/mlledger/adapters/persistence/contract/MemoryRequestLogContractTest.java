package dev.mlledger.adapters.persistence.contract;

import dev.mlledger.domain.contract.RequestLogContract;
import dev.mlledger.domain.contract.StoragePorts;

/** The in-memory adapter passes the RequestLog contract. */
class MemoryRequestLogContractTest extends RequestLogContract {

    @Override
    protected StoragePorts emptyStore() {
        return MemoryStorePorts.empty();
    }
}
