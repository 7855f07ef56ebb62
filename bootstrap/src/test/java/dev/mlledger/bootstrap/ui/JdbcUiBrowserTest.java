package dev.mlledger.bootstrap.ui;

import dev.mlledger.adapters.persistence.testing.TestDatabase;
import dev.mlledger.adapters.persistence.testing.TestPostgres;
import dev.mlledger.bootstrap.testing.PastData;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;

import java.time.Duration;
import java.util.Map;

/** The browser suite on PostgreSQL, where seeded predictions can also be moved back in time. */
@MicronautTest(transactional = false)
class JdbcUiBrowserTest extends UiBrowserSuite implements TestPropertyProvider {

    private final TestDatabase database = TestPostgres.get().createDatabase();

    @Override
    public Map<String, String> getProperties() {
        return database.micronautProperties();
    }

    @Override
    protected String adapter() {
        return "jdbc";
    }

    @Override
    protected boolean moveBack(String requestId, Duration age) {
        PastData.moveBack(database, requestId, age);
        PastData.rebuildRollUps(database);
        return true;
    }
}
