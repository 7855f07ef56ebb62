-- Undoes V7: the latest metric values and the triggers that keep them (the metric points stay).
DROP TRIGGER metrics_updated ON metrics;
DROP TRIGGER metrics_inserted ON metrics;
DROP FUNCTION keep_latest_metrics();
DROP TABLE latest_metrics;
