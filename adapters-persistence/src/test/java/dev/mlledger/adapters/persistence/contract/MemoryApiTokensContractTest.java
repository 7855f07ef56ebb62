package dev.mlledger.adapters.persistence.contract;

import dev.mlledger.domain.contract.ApiTokensContract;
import dev.mlledger.domain.contract.StoragePorts;

/** The in-memory adapter passes the ApiTokens contract. */
class MemoryApiTokensContractTest extends ApiTokensContract {

    @Override
    protected StoragePorts emptyStore() {
        return MemoryStorePorts.empty();
    }
}
