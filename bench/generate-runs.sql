-- Runs for bench/run.sh runs-search: :runs runs in experiment :experiment and as many in another experiment, each
-- with 10 metrics (loss, uniform in [0, 1), and m1..m9; one point each), 3 params and 2 tags. The triggers of
-- migration V7 fill latest_metrics as the points go in.
INSERT INTO experiments (id, name, owner) VALUES ('00000000-0000-4000-8000-00000000b0b0', 'other', 'bench');

INSERT INTO runs (id, experiment_id, status, started_at, ended_at, name, owner, lifecycle)
SELECT gen_random_uuid(), CASE WHEN n <= :runs THEN :'experiment'::uuid ELSE '00000000-0000-4000-8000-00000000b0b0'::uuid END,
       'completed', now() - n * interval '1 second', now() - n * interval '1 second' + interval '10 minutes',
       'run-' || n, 'bench', 'active'
FROM generate_series(1, 2 * :runs) AS n;

INSERT INTO metrics (id, run_id, name, step, value, timestamp)
SELECT gen_random_uuid(), r.id, CASE WHEN k = 0 THEN 'loss' ELSE 'm' || k END, 0, random(), now()
FROM runs r CROSS JOIN generate_series(0, 9) AS k;

INSERT INTO run_params (run_id, key, value)
SELECT r.id, p.key, (random() * 100)::int::text FROM runs r CROSS JOIN (VALUES ('lr'), ('batch_size'), ('model')) AS p (key);

INSERT INTO run_tags (run_id, key, value)
SELECT r.id, t.key, 'value-' || (random() * 10)::int FROM runs r CROSS JOIN (VALUES ('team'), ('mlflow.source.name')) AS t (key);

VACUUM ANALYZE;
