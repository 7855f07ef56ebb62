package dev.mlledger.bootstrap.ui;

import dev.mlledger.bootstrap.database.DatabaseSelection;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

/** The browser suite on the in-memory adapter: the same pages, no database at all. */
@MicronautTest(transactional = false)
class MemoryUiBrowserTest extends UiBrowserSuite implements TestPropertyProvider {

    @Override
    public Map<String, String> getProperties() {
        // what DatabaseSelection adds when the service starts with the memory adapter
        Map<String, String> properties = new HashMap<>();
        DatabaseSelection.WITHOUT_DATABASE.forEach((name, value) -> properties.put(name, String.valueOf(value)));
        properties.put("mlledger.persistence.adapter", "memory");
        return properties;
    }

    @Override
    protected String adapter() {
        return "memory";
    }

    @Override
    protected boolean moveBack(String requestId, Duration age) {
        return false;
    }

    @Override
    protected boolean storeCurveDirectly(String runId, String name, int points) {
        return false;
    }
}
