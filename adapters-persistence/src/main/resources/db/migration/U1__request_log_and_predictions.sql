-- Undoes V1: the request log, the predictions and their roll-ups.
DROP TABLE prediction_stats_daily;
DROP TABLE prediction_stats_hourly;
DROP TABLE predictions;
DROP TABLE api_requests;
