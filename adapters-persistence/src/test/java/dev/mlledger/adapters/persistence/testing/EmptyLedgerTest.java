package dev.mlledger.adapters.persistence.testing;

import dev.mlledger.domain.transaction.UnitOfWork;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;

/** A {@link FreshDatabaseTest} whose tests each start from empty ledger tables, with the store's unit of work. */
public abstract class EmptyLedgerTest extends FreshDatabaseTest {

    @Inject
    protected UnitOfWork unitOfWork;

    @BeforeEach
    void startFromAnEmptyLedger() {
        LedgerRows.empty(database);
    }
}
