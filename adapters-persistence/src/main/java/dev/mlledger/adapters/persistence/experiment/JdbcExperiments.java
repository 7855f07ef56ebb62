package dev.mlledger.adapters.persistence.experiment;

import dev.mlledger.adapters.persistence.transaction.JdbcFailure;
import dev.mlledger.adapters.persistence.transaction.JdbcUnitOfWork;
import dev.mlledger.domain.experiment.ConcurrentUpdate;
import dev.mlledger.domain.experiment.Experiment;
import dev.mlledger.domain.experiment.ExperimentFilter;
import dev.mlledger.domain.experiment.ExperimentStatus;
import dev.mlledger.domain.experiment.ExperimentSummary;
import dev.mlledger.domain.experiment.Experiments;
import dev.mlledger.domain.paging.Keyset;
import dev.mlledger.domain.paging.Page;
import dev.mlledger.adapters.persistence.transaction.SqlTimes;
import io.micronaut.context.annotation.Requires;
import jakarta.inject.Singleton;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

/** Experiments in {@code experiments}. */
@Singleton
@Requires(property = "mlledger.persistence.adapter", value = "jdbc", defaultValue = "jdbc")
public class JdbcExperiments implements Experiments {

    private static final String COLUMNS = "id, name, owner, description, status, created_at, version";
    private static final String INSERT = """
            INSERT INTO experiments (id, name, owner, description, status, created_at, version)
            VALUES (?, ?, ?, ?, ?, ?, ?)""";
    private static final String FIND = "SELECT " + COLUMNS + " FROM experiments WHERE id = ?";
    private static final String UPDATE = """
            UPDATE experiments SET description = ?, status = ?, version = version + 1
            WHERE id = ? AND version = ?""";
    private static final String DELETE = "DELETE FROM experiments WHERE id = ?";

    private final JdbcUnitOfWork unitOfWork;

    public JdbcExperiments(JdbcUnitOfWork unitOfWork) {
        this.unitOfWork = unitOfWork;
    }

    @Override
    public void add(Experiment experiment) {
        try (PreparedStatement insert = unitOfWork.connection().prepareStatement(INSERT)) {
            insert.setObject(1, experiment.id());
            insert.setString(2, experiment.name());
            insert.setString(3, experiment.owner());
            insert.setString(4, experiment.description());
            insert.setString(5, experiment.status().wireName());
            insert.setObject(6, SqlTimes.parameter(experiment.createdAt()));
            insert.setLong(7, experiment.version());
            insert.executeUpdate();
        } catch (SQLException e) {
            throw new JdbcFailure("add experiment " + experiment.id(), e);
        }
    }

    @Override
    public Optional<Experiment> find(UUID id) {
        return findOne(FIND, id);
    }

    @Override
    public Optional<Experiment> findForUpdate(UUID id) {
        return findOne(FIND + " FOR UPDATE", id);
    }

    private Optional<Experiment> findOne(String sql, UUID id) {
        try (PreparedStatement select = unitOfWork.connection().prepareStatement(sql)) {
            select.setObject(1, id);
            try (ResultSet row = select.executeQuery()) {
                return row.next() ? Optional.of(experiment(row)) : Optional.empty();
            }
        } catch (SQLException e) {
            throw new JdbcFailure("find experiment " + id, e);
        }
    }

    @Override
    public Experiment update(Experiment changed) {
        try (PreparedStatement update = unitOfWork.connection().prepareStatement(UPDATE)) {
            update.setString(1, changed.description());
            update.setString(2, changed.status().wireName());
            update.setObject(3, changed.id());
            update.setLong(4, changed.version());
            if (update.executeUpdate() == 0) {
                throw new ConcurrentUpdate("experiment " + changed.id());
            }
            return new Experiment(changed.id(), changed.name(), changed.owner(), changed.description(),
                    changed.status(), changed.createdAt(), changed.version() + 1);
        } catch (SQLException e) {
            throw new JdbcFailure("update experiment " + changed.id(), e);
        }
    }

    @Override
    public boolean delete(UUID id) {
        try (PreparedStatement delete = unitOfWork.connection().prepareStatement(DELETE)) {
            delete.setObject(1, id);
            return delete.executeUpdate() > 0;
        } catch (SQLException e) {
            throw new JdbcFailure("delete experiment " + id, e);
        }
    }

    @Override
    public Page<ExperimentSummary> list(ExperimentFilter filter, Keyset after, int limit) {
        StringBuilder sql = new StringBuilder("SELECT ").append(prefixed("e."))
                .append(", (SELECT count(*) FROM runs r WHERE r.experiment_id = e.id) AS run_count")
                .append(" FROM experiments e WHERE true");
        List<Object> parameters = new ArrayList<>();
        if (filter.owner() != null) {
            sql.append(" AND e.owner = ?");
            parameters.add(filter.owner());
        }
        if (filter.status() != null) {
            sql.append(" AND e.status = ?");
            parameters.add(filter.status().wireName());
        }
        if (after != null) {
            sql.append(" AND (e.created_at, e.id) < (?, ?)");
            parameters.add(SqlTimes.parameter(after.createdAt()));
            parameters.add(after.id());
        }
        sql.append(" ORDER BY e.created_at DESC, e.id DESC LIMIT ?");
        parameters.add(limit + 1);
        try (PreparedStatement select = unitOfWork.connection().prepareStatement(sql.toString())) {
            for (int i = 0; i < parameters.size(); i++) {
                select.setObject(i + 1, parameters.get(i));
            }
            try (ResultSet rows = select.executeQuery()) {
                List<ExperimentSummary> fetched = new ArrayList<>(limit + 1);
                while (rows.next()) {
                    fetched.add(new ExperimentSummary(experiment(rows), rows.getLong("run_count")));
                }
                return Page.ofOneExtra(fetched, limit);
            }
        } catch (SQLException e) {
            throw new JdbcFailure("list experiments", e);
        }
    }

    private static String prefixed(String alias) {
        return alias + COLUMNS.replace(", ", ", " + alias);
    }

    private static Experiment experiment(ResultSet row) throws SQLException {
        return new Experiment(row.getObject("id", UUID.class), row.getString("name"), row.getString("owner"),
                row.getString("description"),
                ExperimentStatus.valueOf(row.getString("status").toUpperCase(Locale.ROOT)),
                SqlTimes.instant(row, "created_at"), row.getLong("version"));
    }
}
