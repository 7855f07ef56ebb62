package dev.mlledger.adapters.persistence.contract;

import dev.mlledger.adapters.persistence.testing.TestDatabase;
import dev.mlledger.domain.access.ApiTokens;
import dev.mlledger.domain.contract.StoragePorts;
import dev.mlledger.domain.experiment.Experiment;
import dev.mlledger.domain.experiment.Experiments;
import dev.mlledger.domain.experiment.Metrics;
import dev.mlledger.domain.experiment.Params;
import dev.mlledger.domain.experiment.Runs;
import dev.mlledger.domain.experiment.Tags;
import dev.mlledger.domain.experiment.search.RunSearch;
import dev.mlledger.domain.idempotency.IdempotencyKeys;
import dev.mlledger.domain.prediction.Predictions;
import dev.mlledger.domain.requestlog.RequestLog;
import dev.mlledger.domain.transaction.UnitOfWork;
import io.micronaut.context.ApplicationContext;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

/** The JDBC adapter's ports for the contract suites, on a test database emptied before each test. */
final class JdbcStore {

    private JdbcStore() {
    }

    static StoragePorts emptied(ApplicationContext context, TestDatabase database) {
        try (Connection connection = database.connect(); Statement statement = connection.createStatement()) {
            statement.execute("TRUNCATE api_requests, predictions, prediction_stats_hourly, prediction_stats_daily, "
                    + "experiments, runs, metrics, run_params, run_tags, experiment_tags, api_tokens, idempotency_keys "
                    + "CASCADE");
            // every store holds the Default experiment, as migration V6 makes it
            statement.execute("INSERT INTO experiments (id, number, name, owner, status, created_at) VALUES ('"
                    + Experiment.DEFAULT_ID + "', 0, 'Default', 'admin', 'created', now())");
        } catch (SQLException e) {
            throw new IllegalStateException("could not empty the test database: " + e.getMessage(), e);
        }
        return new StoragePorts(context.getBean(UnitOfWork.class), context.getBean(Predictions.class),
                context.getBean(RequestLog.class), context.getBean(Experiments.class), context.getBean(Runs.class),
                context.getBean(Metrics.class), context.getBean(Params.class), context.getBean(Tags.class),
                context.getBean(ApiTokens.class),
                context.getBean(IdempotencyKeys.class), context.getBean(RunSearch.class));
    }
}
