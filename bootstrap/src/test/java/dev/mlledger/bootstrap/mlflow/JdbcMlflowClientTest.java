package dev.mlledger.bootstrap.mlflow;

import dev.mlledger.adapters.persistence.testing.TestDatabase;
import dev.mlledger.adapters.persistence.testing.TestPostgres;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;

import java.util.Map;

/** The MLflow client suite on the default adapter: PostgreSQL. */
@MicronautTest(transactional = false)
class JdbcMlflowClientTest extends MlflowClientSuite implements TestPropertyProvider {

    private final TestDatabase database = TestPostgres.get().createDatabase();

    @Override
    public Map<String, String> getProperties() {
        return database.micronautProperties();
    }
}
