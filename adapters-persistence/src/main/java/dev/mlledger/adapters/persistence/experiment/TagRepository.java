package dev.mlledger.adapters.persistence.experiment;

import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.GenericRepository;
import io.micronaut.transaction.TransactionDefinition;
import io.micronaut.transaction.annotation.Transactional;

import java.util.List;
import java.util.UUID;

/** The statements on {@code run_tags} and {@code experiment_tags}. */
@JdbcRepository(dialect = Dialect.POSTGRES)
@Transactional(propagation = TransactionDefinition.Propagation.MANDATORY)
interface TagRepository extends GenericRepository<RunRow, UUID> {

    /** A whole batch of tags in one statement; a key the run has gets the new value. */
    @Query("""
            INSERT INTO run_tags (run_id, key, value)
            SELECT :runId, g.key, g.value
            FROM unnest(CAST(:keys AS varchar[]), CAST(:tagValues AS varchar[])) AS g (key, value)
            ON CONFLICT (run_id, key) DO UPDATE SET value = EXCLUDED.value""")
    void setOnRun(UUID runId, String[] keys, String[] tagValues);

    @Query("DELETE FROM run_tags WHERE run_id = :runId AND key = :key")
    int deleteFromRun(UUID runId, String key);

    @Query("SELECT run_id AS owner_id, key, value FROM run_tags WHERE run_id = ANY (CAST(:runIds AS uuid[]))")
    List<KeyValueRow> findOfRuns(String[] runIds);

    /** A whole batch of tags in one statement; a key the experiment has gets the new value. */
    @Query("""
            INSERT INTO experiment_tags (experiment_id, key, value)
            SELECT :experimentId, g.key, g.value
            FROM unnest(CAST(:keys AS varchar[]), CAST(:tagValues AS varchar[])) AS g (key, value)
            ON CONFLICT (experiment_id, key) DO UPDATE SET value = EXCLUDED.value""")
    void setOnExperiment(UUID experimentId, String[] keys, String[] tagValues);

    @Query("DELETE FROM experiment_tags WHERE experiment_id = :experimentId AND key = :key")
    int deleteFromExperiment(UUID experimentId, String key);

    @Query("SELECT experiment_id AS owner_id, key, value FROM experiment_tags WHERE experiment_id = :experimentId")
    List<KeyValueRow> findOfExperiment(UUID experimentId);
}
