package dev.mlledger.adapters.persistence.experiment;

import dev.mlledger.adapters.persistence.transaction.JdbcFailure;
import dev.mlledger.adapters.persistence.transaction.JdbcUnitOfWork;
import dev.mlledger.adapters.persistence.transaction.SqlArrays;
import dev.mlledger.domain.experiment.Run;
import dev.mlledger.domain.experiment.RunStatus;
import dev.mlledger.domain.experiment.Runs;
import dev.mlledger.adapters.persistence.transaction.SqlTimes;
import io.micronaut.context.annotation.Requires;
import jakarta.inject.Singleton;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

/** Runs in {@code runs}. */
@Singleton
@Requires(property = "mlledger.persistence.adapter", value = "jdbc", defaultValue = "jdbc")
public class JdbcRuns implements Runs {

    private static final String COLUMNS = "id, experiment_id, status, started_at, ended_at, seed";
    private static final String ADD_ALL = """
            INSERT INTO runs (id, experiment_id, status, started_at, ended_at, seed)
            SELECT * FROM unnest(?::uuid[], ?::uuid[], ?::varchar[], ?::timestamptz[], ?::timestamptz[], ?::int[])""";
    private static final String FIND = "SELECT " + COLUMNS + " FROM runs WHERE id = ?";
    private static final String OF_EXPERIMENT =
            "SELECT " + COLUMNS + " FROM runs WHERE experiment_id = ? ORDER BY started_at, id";
    /** Conditional: of two concurrent ends, the second re-reads the row after the first commits and matches nothing. */
    private static final String END = """
            UPDATE runs SET status = ?, ended_at = ? WHERE id = ? AND status = 'running'""";
    /** FOR SHARE: an end (an UPDATE of the row) waits until the metrics being logged are committed. */
    private static final String STATUS_FOR_LOGGING = "SELECT status FROM runs WHERE id = ? FOR SHARE";

    private final JdbcUnitOfWork unitOfWork;

    public JdbcRuns(JdbcUnitOfWork unitOfWork) {
        this.unitOfWork = unitOfWork;
    }

    @Override
    public void addAll(List<Run> runs) {
        if (runs.isEmpty()) {
            return;
        }
        Connection connection = unitOfWork.connection();
        try (PreparedStatement insert = connection.prepareStatement(ADD_ALL)) {
            insert.setArray(1, SqlArrays.text(connection, runs, Run::id));
            insert.setArray(2, SqlArrays.text(connection, runs, Run::experimentId));
            insert.setArray(3, SqlArrays.text(connection, runs, run -> run.status().wireName()));
            insert.setArray(4, SqlArrays.text(connection, runs, Run::startedAt));
            insert.setArray(5, SqlArrays.text(connection, runs, Run::endedAt));
            insert.setArray(6, SqlArrays.int4(connection, runs, Run::seed));
            insert.executeUpdate();
        } catch (SQLException e) {
            throw new JdbcFailure("add " + runs.size() + " runs", e);
        }
    }

    @Override
    public Optional<Run> find(UUID id) {
        try (PreparedStatement select = unitOfWork.connection().prepareStatement(FIND)) {
            select.setObject(1, id);
            try (ResultSet row = select.executeQuery()) {
                return row.next() ? Optional.of(run(row)) : Optional.empty();
            }
        } catch (SQLException e) {
            throw new JdbcFailure("find run " + id, e);
        }
    }

    @Override
    public List<Run> ofExperiment(UUID experimentId) {
        try (PreparedStatement select = unitOfWork.connection().prepareStatement(OF_EXPERIMENT)) {
            select.setObject(1, experimentId);
            try (ResultSet rows = select.executeQuery()) {
                List<Run> runs = new ArrayList<>();
                while (rows.next()) {
                    runs.add(run(rows));
                }
                return runs;
            }
        } catch (SQLException e) {
            throw new JdbcFailure("find runs of experiment " + experimentId, e);
        }
    }

    @Override
    public boolean endIfRunning(Run ended) {
        try (PreparedStatement update = unitOfWork.connection().prepareStatement(END)) {
            update.setString(1, ended.status().wireName());
            update.setObject(2, SqlTimes.parameter(ended.endedAt()));
            update.setObject(3, ended.id());
            return update.executeUpdate() == 1;
        } catch (SQLException e) {
            throw new JdbcFailure("end run " + ended.id(), e);
        }
    }

    @Override
    public Optional<RunStatus> statusForLogging(UUID runId) {
        try (PreparedStatement select = unitOfWork.connection().prepareStatement(STATUS_FOR_LOGGING)) {
            select.setObject(1, runId);
            try (ResultSet row = select.executeQuery()) {
                return row.next() ? Optional.of(status(row.getString(1))) : Optional.empty();
            }
        } catch (SQLException e) {
            throw new JdbcFailure("lock run " + runId, e);
        }
    }

    private static RunStatus status(String text) {
        return RunStatus.valueOf(text.toUpperCase(Locale.ROOT));
    }

    private static Run run(ResultSet row) throws SQLException {
        int seed = row.getInt("seed");
        Integer seedOrNull = row.wasNull() ? null : seed;
        return new Run(row.getObject("id", UUID.class), row.getObject("experiment_id", UUID.class),
                status(row.getString("status")), SqlTimes.instant(row, "started_at"),
                SqlTimes.instant(row, "ended_at"), seedOrNull);
    }
}
