-- Undoes V2: experiment tracking.
DROP TABLE metrics;
DROP TABLE runs;
DROP TABLE experiments;
