-- pgbench script: the two INSERTs of one scored prediction (request-log row + prediction row), one transaction.
--   pgbench -n -c32 -j2 -T30 -f bench/pgbench-two-inserts.sql -h 127.0.0.1 -U postgres <database>
\set hi random(1, 9223372036854775807)
\set lo random(1, 9223372036854775807)
BEGIN;
INSERT INTO api_requests (id, created_at, endpoint, method, request_data, client_ip, user_agent, http_status, response_time_ms)
VALUES ((lpad(to_hex(:hi), 16, '0') || lpad(to_hex(:lo), 16, '0'))::uuid, now(), '/api/v1/predict', 'POST',
        '{"employee_id":"E-1","features":{"age":41,"monthly_income":5993,"overtime":true,"job_satisfaction":2}}',
        '127.0.0.1', 'pgbench', 200, 1);
INSERT INTO predictions (id, request_id, created_at, prediction_date, employee_id, attrition_prob, risk_level, model_version, features_snapshot)
VALUES (gen_random_uuid(), (lpad(to_hex(:hi), 16, '0') || lpad(to_hex(:lo), 16, '0'))::uuid, now(), now(), 'E-1', 0.42,
        'MEDIUM', 'logreg-attrition-1.0.0', '{"age":41,"monthly_income":5993,"overtime":true,"job_satisfaction":2}');
END;
