package dev.mlledger.bootstrap.ui;

import dev.mlledger.adapters.persistence.testing.TestDatabase;
import dev.mlledger.adapters.persistence.testing.TestPostgres;
import dev.mlledger.bootstrap.testing.PastData;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

/** The browser suite on PostgreSQL, where seeded predictions can also be moved back in time. */
@MicronautTest(transactional = false)
class JdbcUiBrowserTest extends UiBrowserSuite implements TestPropertyProvider {

    private final TestDatabase database = TestPostgres.get().createDatabase();

    @Override
    public Map<String, String> getProperties() {
        Map<String, String> properties = new HashMap<>(database.micronautProperties());
        properties.put("mlledger.security.admin-token", ADMIN_TOKEN);
        return properties;
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
