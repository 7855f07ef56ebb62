package dev.mlledger.adapters.persistence.contract;

import dev.mlledger.domain.contract.IdempotencyKeysContract;
import dev.mlledger.domain.contract.StoragePorts;

/** The in-memory adapter passes the IdempotencyKeys contract. */
class MemoryIdempotencyKeysContractTest extends IdempotencyKeysContract {

    @Override
    protected StoragePorts emptyStore() {
        return MemoryStorePorts.empty();
    }
}
