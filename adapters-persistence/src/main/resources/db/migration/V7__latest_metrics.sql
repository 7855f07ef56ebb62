-- Run search (issue 12): each run's latest value of each metric (the value at its highest step), kept by the
-- database, so that a search like `metrics.loss < 0.5 ORDER BY metrics.loss` reads one index in order instead of
-- finding the highest step of every run's history (MLflow keeps the same table, latest_metrics).
-- experiment_id is copied from the run (a run never moves) so that one index serves a search within an experiment.

CREATE TABLE latest_metrics (
    run_id        uuid             NOT NULL REFERENCES runs (id) ON DELETE CASCADE,
    name          varchar(250)     NOT NULL,
    experiment_id uuid             NOT NULL,
    step          bigint           NOT NULL,
    value         double precision NOT NULL,
    timestamp     timestamptz      NOT NULL,
    CONSTRAINT latest_metrics_pkey PRIMARY KEY (run_id, name)
);
-- a metric's runs of an experiment in the order of their values: conditions and ORDER BY on one metric, index only
CREATE INDEX idx_latest_metrics_value ON latest_metrics (experiment_id, name, value) INCLUDE (run_id);

INSERT INTO latest_metrics (run_id, name, experiment_id, step, value, timestamp)
SELECT DISTINCT ON (m.run_id, m.name) m.run_id, m.name, r.experiment_id, m.step, m.value, m.timestamp
FROM metrics m JOIN runs r ON r.id = m.run_id
ORDER BY m.run_id, m.name, m.step DESC;

-- Every statement that writes metric points (a batch insert, or its ON CONFLICT replacements) moves the latest
-- values once, with the highest written step per run and name; a write of a lower step than the latest changes
-- nothing. Rows are taken in (run, name) order, so concurrent writers lock them in the same order.
CREATE FUNCTION keep_latest_metrics() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    INSERT INTO latest_metrics (run_id, name, experiment_id, step, value, timestamp)
    SELECT w.run_id, w.name, (SELECT r.experiment_id FROM runs r WHERE r.id = w.run_id), w.step, w.value, w.timestamp
    FROM (SELECT DISTINCT ON (run_id, name) run_id, name, step, value, timestamp FROM written_metrics
          ORDER BY run_id, name, step DESC) w
    ORDER BY w.run_id, w.name
    ON CONFLICT (run_id, name) DO UPDATE
        SET step = EXCLUDED.step, value = EXCLUDED.value, timestamp = EXCLUDED.timestamp
        WHERE EXCLUDED.step >= latest_metrics.step;
    RETURN NULL;
END
$$;

CREATE TRIGGER metrics_inserted AFTER INSERT ON metrics REFERENCING NEW TABLE AS written_metrics
    FOR EACH STATEMENT EXECUTE FUNCTION keep_latest_metrics();
CREATE TRIGGER metrics_updated AFTER UPDATE ON metrics REFERENCING NEW TABLE AS written_metrics
    FOR EACH STATEMENT EXECUTE FUNCTION keep_latest_metrics();
