-- Undoes V3: the experiment's run count and the triggers that keep it.
DROP TRIGGER runs_removed ON runs;
DROP TRIGGER runs_added ON runs;
DROP FUNCTION count_removed_runs();
DROP FUNCTION count_added_runs();
ALTER TABLE experiments DROP COLUMN run_count;
