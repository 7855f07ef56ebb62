-- Loads :rows predictions (one request-log row per 10 predictions) spread evenly over 365 days from
-- 2025-01-01 UTC, then rebuilds the roll-ups from them. Server-side generate_series: minutes for 10 M rows.
--   psql -h 127.0.0.1 -U postgres -d <database> -v rows=10000000 -f bench/generate-predictions.sql
\timing on
SET synchronous_commit = off;
ALTER TABLE predictions SET UNLOGGED;
ALTER TABLE api_requests SET UNLOGGED;

INSERT INTO api_requests (id, created_at, endpoint, method, request_data, client_ip, user_agent, http_status, response_time_ms)
SELECT gen_random_uuid(),
       timestamptz '2025-01-01 00:00:00+00' + make_interval(secs => (r * 10)::double precision * 31536000.0 / :rows),
       '/api/v1/predict/batch', 'POST', '{"generated": true}', '127.0.0.1', 'generate-predictions.sql', 200, 5
FROM generate_series(0, (:rows / 10) - 1) AS r;

INSERT INTO predictions (id, request_id, created_at, prediction_date, employee_id, attrition_prob, risk_level,
                         model_version, features_snapshot)
SELECT gen_random_uuid(), a.id, a.created_at, a.created_at, 'E-' || (p.n % 50000), p.prob,
       CASE WHEN p.prob < 0.3 THEN 'LOW' WHEN p.prob < 0.6 THEN 'MEDIUM' ELSE 'HIGH' END,
       CASE WHEN p.n % 5 = 0 THEN 'xgb_enhanced_v1.0' ELSE 'logreg-attrition-1.0.0' END,
       '{"age": 41, "monthly_income": 5993, "overtime": true, "job_satisfaction": 2}'
FROM (SELECT id, created_at, row_number() OVER (ORDER BY created_at) - 1 AS k FROM api_requests
      WHERE user_agent = 'generate-predictions.sql') a
CROSS JOIN LATERAL (SELECT a.k * 10 + i AS n, random() ^ 1.5 AS prob FROM generate_series(0, 9) AS i) p;

ALTER TABLE api_requests SET LOGGED;
ALTER TABLE predictions SET LOGGED;

TRUNCATE prediction_stats_hourly, prediction_stats_daily;
INSERT INTO prediction_stats_hourly (bucket, model_version, risk_level, shard, prediction_count, prob_sum)
SELECT date_trunc('hour', created_at, 'UTC'), model_version, risk_level, 0, count(*), sum(attrition_prob)
FROM predictions GROUP BY 1, 2, 3;
INSERT INTO prediction_stats_daily (bucket, model_version, risk_level, shard, prediction_count, prob_sum)
SELECT date_trunc('day', bucket, 'UTC'), model_version, risk_level, 0, sum(prediction_count), sum(prob_sum)
FROM prediction_stats_hourly GROUP BY 1, 2, 3;
VACUUM ANALYZE api_requests;
VACUUM ANALYZE predictions;
VACUUM ANALYZE prediction_stats_hourly;
VACUUM ANALYZE prediction_stats_daily;
SELECT count(*) AS predictions FROM predictions;
