-- Undoes V6. What V5 cannot hold is lost: deleted experiments and runs come back as active ones (purge them
-- first if that matters), killed runs become failed ones, and the Default experiment goes with its runs. Metrics
-- with names over 50 characters or steps beyond the int range make this script fail: delete them first.
ALTER TABLE metrics ALTER COLUMN step TYPE integer, ALTER COLUMN name TYPE varchar(50);

DROP TABLE experiment_tags;
DROP TABLE run_tags;
DROP TABLE run_params;

UPDATE runs SET status = 'failed' WHERE status = 'killed';
ALTER TABLE runs DROP CONSTRAINT check_run_status,
    ADD CONSTRAINT check_run_status CHECK (status IN ('running', 'completed', 'failed'));
ALTER TABLE runs DROP COLUMN lifecycle, DROP COLUMN owner, DROP COLUMN name;

DELETE FROM experiments WHERE id = '00000000-0000-4000-8000-000000000000';
DROP INDEX idx_experiments_name;
ALTER TABLE experiments DROP COLUMN lifecycle, DROP COLUMN number;
