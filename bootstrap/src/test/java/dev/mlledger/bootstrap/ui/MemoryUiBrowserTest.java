package dev.mlledger.bootstrap.ui;

import dev.mlledger.bootstrap.testing.InMemorySettings;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;

import java.time.Duration;
import java.util.Map;

/** The browser suite on the in-memory adapter: the same pages, no database at all. */
@MicronautTest(transactional = false)
class MemoryUiBrowserTest extends UiBrowserSuite implements TestPropertyProvider {

    @Override
    public Map<String, String> getProperties() {
        return InMemorySettings.properties();
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
