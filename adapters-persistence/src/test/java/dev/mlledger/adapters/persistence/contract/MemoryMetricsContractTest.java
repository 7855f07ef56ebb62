package dev.mlledger.adapters.persistence.contract;

import dev.mlledger.domain.contract.MetricsContract;
import dev.mlledger.domain.contract.StoragePorts;

/** The in-memory adapter passes the Metrics contract. */
class MemoryMetricsContractTest extends MetricsContract {

    @Override
    protected StoragePorts emptyStore() {
        return MemoryStorePorts.empty();
    }
}
