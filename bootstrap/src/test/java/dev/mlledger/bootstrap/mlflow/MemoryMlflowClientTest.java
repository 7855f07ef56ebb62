package dev.mlledger.bootstrap.mlflow;

import dev.mlledger.bootstrap.testing.InMemorySettings;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;

import java.util.Map;

/** The MLflow client suite on the in-memory adapter. */
@MicronautTest(transactional = false)
class MemoryMlflowClientTest extends MlflowClientSuite implements TestPropertyProvider {

    @Override
    public Map<String, String> getProperties() {
        return InMemorySettings.properties();
    }
}
