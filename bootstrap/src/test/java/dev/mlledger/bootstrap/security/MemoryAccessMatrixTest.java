package dev.mlledger.bootstrap.security;

import dev.mlledger.bootstrap.testing.InMemorySettings;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;

import java.util.Map;

/** The access matrix on the in-memory persistence adapter: the same rules whatever keeps the tokens. */
@MicronautTest(transactional = false)
class MemoryAccessMatrixTest extends AccessMatrixTest {

    @Override
    protected Map<String, String> settings() {
        return InMemorySettings.properties();
    }
}
