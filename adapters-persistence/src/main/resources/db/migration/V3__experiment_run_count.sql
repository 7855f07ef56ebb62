-- An experiment's number of runs, kept by the database itself, so that a page of the experiment list reads it
-- with the experiment instead of counting each experiment's runs (100 index scans for a 100-row page).
-- Statement-level triggers keep it exact for every writer and every batch: one UPDATE per statement that adds
-- or removes runs, grouped by experiment. A run never moves to another experiment (no statement changes
-- runs.experiment_id), so inserts and deletes are all there is to count.

ALTER TABLE experiments ADD COLUMN run_count bigint NOT NULL DEFAULT 0
    CONSTRAINT check_experiment_run_count CHECK (run_count >= 0);

UPDATE experiments e SET run_count = r.runs
FROM (SELECT experiment_id, count(*) AS runs FROM runs GROUP BY experiment_id) r
WHERE e.id = r.experiment_id;

CREATE FUNCTION count_added_runs() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    UPDATE experiments e SET run_count = e.run_count + a.runs
    FROM (SELECT experiment_id, count(*) AS runs FROM added_runs GROUP BY experiment_id) a
    WHERE e.id = a.experiment_id;
    RETURN NULL;
END
$$;

CREATE FUNCTION count_removed_runs() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    -- when the experiment itself is being deleted (the cascade), its row is already gone: nothing to update
    UPDATE experiments e SET run_count = e.run_count - r.runs
    FROM (SELECT experiment_id, count(*) AS runs FROM removed_runs GROUP BY experiment_id) r
    WHERE e.id = r.experiment_id;
    RETURN NULL;
END
$$;

CREATE TRIGGER runs_added AFTER INSERT ON runs REFERENCING NEW TABLE AS added_runs
    FOR EACH STATEMENT EXECUTE FUNCTION count_added_runs();
CREATE TRIGGER runs_removed AFTER DELETE ON runs REFERENCING OLD TABLE AS removed_runs
    FOR EACH STATEMENT EXECUTE FUNCTION count_removed_runs();
