package dev.mlledger.bootstrap.endtoend;

import dev.mlledger.bootstrap.database.DatabaseSelection;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;

import java.util.HashMap;
import java.util.Map;

/** The end-to-end suite on the in-memory adapter: the same API, no database at all. */
@MicronautTest(transactional = false)
class MemoryApiEndToEndTest extends ApiEndToEndSuite implements TestPropertyProvider {

    @Override
    public Map<String, String> getProperties() {
        // what DatabaseSelection adds when the service starts with the memory adapter
        Map<String, String> properties = new HashMap<>();
        DatabaseSelection.WITHOUT_DATABASE.forEach((name, value) -> properties.put(name, String.valueOf(value)));
        properties.put("mlledger.persistence.adapter", "memory");
        return properties;
    }
}
