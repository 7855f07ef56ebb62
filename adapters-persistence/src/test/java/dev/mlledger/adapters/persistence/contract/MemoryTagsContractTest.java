package dev.mlledger.adapters.persistence.contract;

import dev.mlledger.domain.contract.TagsContract;
import dev.mlledger.domain.contract.StoragePorts;

/** The in-memory adapter passes the Tags contract. */
class MemoryTagsContractTest extends TagsContract {

    @Override
    protected StoragePorts emptyStore() {
        return MemoryStorePorts.empty();
    }
}
