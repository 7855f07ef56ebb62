package dev.mlledger.adapters.persistence.contract;

import dev.mlledger.adapters.persistence.testing.TestDatabase;
import dev.mlledger.adapters.persistence.testing.TestPostgres;
import dev.mlledger.domain.contract.RunsContract;
import dev.mlledger.domain.contract.StoragePorts;
import io.micronaut.context.ApplicationContext;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import org.junit.jupiter.api.TestInstance;

import java.util.Map;

/** The JDBC adapter passes the Runs contract on PostgreSQL. */
@MicronautTest(transactional = false, startApplication = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class JdbcRunsContractTest extends RunsContract implements TestPropertyProvider {

    private final TestDatabase database = TestPostgres.get().createDatabase();

    @Inject
    ApplicationContext context;

    @Override
    public Map<String, String> getProperties() {
        return database.micronautProperties();
    }

    @Override
    protected StoragePorts emptyStore() {
        return JdbcStore.emptied(context, database);
    }
}
