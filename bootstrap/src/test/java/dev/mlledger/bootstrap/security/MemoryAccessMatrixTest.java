package dev.mlledger.bootstrap.security;

import dev.mlledger.bootstrap.database.DatabaseSelection;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;

import java.util.HashMap;
import java.util.Map;

/** The access matrix on the in-memory persistence adapter: the same rules whatever keeps the tokens. */
@MicronautTest(transactional = false)
class MemoryAccessMatrixTest extends AccessMatrixTest {

    @Override
    protected Map<String, String> settings() {
        // what DatabaseSelection adds when the service starts with the memory adapter
        Map<String, String> properties = new HashMap<>();
        DatabaseSelection.WITHOUT_DATABASE.forEach((name, value) -> properties.put(name, String.valueOf(value)));
        properties.put("mlledger.persistence.adapter", "memory");
        return properties;
    }
}
