package dev.mlledger.adapters.persistence.contract;

import dev.mlledger.domain.contract.UnitOfWorkContract;
import dev.mlledger.domain.contract.StoragePorts;

/** The in-memory adapter passes the UnitOfWork contract. */
class MemoryUnitOfWorkContractTest extends UnitOfWorkContract {

    @Override
    protected StoragePorts emptyStore() {
        return MemoryStorePorts.empty();
    }
}
