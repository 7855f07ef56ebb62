package dev.mlledger.adapters.persistence.contract;

import dev.mlledger.adapters.persistence.testing.TestDatabase;
import dev.mlledger.adapters.persistence.testing.TestPostgres;
import dev.mlledger.domain.contract.ApiTokensContract;
import dev.mlledger.domain.contract.ExperimentsContract;
import dev.mlledger.domain.contract.IdempotencyKeysContract;
import dev.mlledger.domain.contract.MetricsContract;
import dev.mlledger.domain.contract.ParamsContract;
import dev.mlledger.domain.contract.PredictionsContract;
import dev.mlledger.domain.contract.RequestLogContract;
import dev.mlledger.domain.contract.RunSearchContract;
import dev.mlledger.domain.contract.RunsContract;
import dev.mlledger.domain.contract.StoragePorts;
import dev.mlledger.domain.contract.TagsContract;
import dev.mlledger.domain.contract.UnitOfWorkContract;
import io.micronaut.context.ApplicationContext;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.TestInstance;

import java.util.Map;

/**
 * The JDBC adapter passes every port contract on PostgreSQL: one application context and one test database for all
 * suites, emptied before each test.
 */
@MicronautTest(transactional = false, startApplication = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class JdbcContractsTest implements TestPropertyProvider {

    private final TestDatabase database = TestPostgres.get().createDatabase();

    @Inject
    ApplicationContext context;

    @Override
    public Map<String, String> getProperties() {
        return database.micronautProperties();
    }

    private StoragePorts emptied() {
        return JdbcStore.emptied(context, database);
    }

    @Nested
    class Predictions extends PredictionsContract {
        @Override
        protected StoragePorts emptyStore() {
            return emptied();
        }
    }

    @Nested
    class ApiTokens extends ApiTokensContract {
        @Override
        protected StoragePorts emptyStore() {
            return emptied();
        }
    }

    @Nested
    class RequestLog extends RequestLogContract {
        @Override
        protected StoragePorts emptyStore() {
            return emptied();
        }
    }

    @Nested
    class Experiments extends ExperimentsContract {
        @Override
        protected StoragePorts emptyStore() {
            return emptied();
        }
    }

    @Nested
    class Runs extends RunsContract {
        @Override
        protected StoragePorts emptyStore() {
            return emptied();
        }
    }

    @Nested
    class RunSearch extends RunSearchContract {
        @Override
        protected StoragePorts emptyStore() {
            return emptied();
        }
    }

    @Nested
    class Metrics extends MetricsContract {
        @Override
        protected StoragePorts emptyStore() {
            return emptied();
        }
    }

    @Nested
    class Params extends ParamsContract {
        @Override
        protected StoragePorts emptyStore() {
            return emptied();
        }
    }

    @Nested
    class Tags extends TagsContract {
        @Override
        protected StoragePorts emptyStore() {
            return emptied();
        }
    }

    @Nested
    class UnitOfWork extends UnitOfWorkContract {
        @Override
        protected StoragePorts emptyStore() {
            return emptied();
        }
    }

    @Nested
    class IdempotencyKeys extends IdempotencyKeysContract {
        @Override
        protected StoragePorts emptyStore() {
            return emptied();
        }
    }
}
