package dev.mlledger.bootstrap.endtoend;

import dev.mlledger.bootstrap.testing.InMemorySettings;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;

import java.util.Map;

/** The end-to-end suite on the in-memory adapter: the same API, no database at all. */
@MicronautTest(transactional = false)
class MemoryApiEndToEndTest extends ApiEndToEndSuite implements TestPropertyProvider {

    @Override
    public Map<String, String> getProperties() {
        return InMemorySettings.properties();
    }
}
