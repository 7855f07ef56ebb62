package dev.mlledger.bootstrap.ui;

import dev.mlledger.adapters.persistence.testing.TestDatabase;
import dev.mlledger.adapters.persistence.testing.TestPostgres;
import dev.mlledger.bootstrap.testing.PastData;
import dev.mlledger.bootstrap.testing.Rows;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;

import java.time.Duration;
import java.util.Map;

/** The browser suite on PostgreSQL, where seeded predictions can also be moved back in time and long curves stored at once. */
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

    @Override
    protected boolean storeCurveDirectly(String runId, String name, int points) {
        Rows.update(database, """
                INSERT INTO metrics (id, run_id, name, step, value)
                SELECT gen_random_uuid(), ?::uuid, ?, s, exp(-4.0 * s / ?) + 0.05 * sin(s / 37.0) + 0.06
                FROM generate_series(0, ? - 1) AS s
                """, runId, name, points, points);
        return true;
    }
}
