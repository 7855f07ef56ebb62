-- wrk script: MLflow's POST /api/2.0/mlflow/runs/log-batch with 1000 new metrics per request, as MLflow's Java client
-- writes them (int64 members as JSON strings); each wrk thread its own metric key, steps counting up, so every
-- request inserts 1000 rows (KEY names the keys, so that a measurement after a warm-up inserts rather than replaces).
-- The figure to put beside MLflow's own server (about 9 s per 1000 metrics, mlflow/mlflow#3010).
--   RUN_ID=… KEY=loss MLLEDGER_TOKEN=… wrk -t1 -c1 -d30s --latency -s bench/mlflow-log-batch.lua http://127.0.0.1:8080
local auth_header = os.getenv("MLLEDGER_TOKEN") and ("Bearer " .. os.getenv("MLLEDGER_TOKEN")) or nil
local run_id = os.getenv("RUN_ID")
local thread_number = 0
local counter = 0

function setup(thread)
  thread_number = thread_number + 1
  thread:set("key", (os.getenv("KEY") or "loss") .. "_t" .. thread_number)
end

function request()
  local metrics = {}
  local base = counter * 1000
  counter = counter + 1
  for i = 1, 1000 do
    metrics[i] = string.format('{"key":"%s","value":%.6f,"timestamp":"%d","step":"%d"}', key, 1.0 / (base + i),
      1700000000000 + base + i, base + i)
  end
  return wrk.format("POST", "/api/2.0/mlflow/runs/log-batch",
    {["Content-Type"] = "application/json", ["Authorization"] = auth_header},
    '{"run_id":"' .. run_id .. '","metrics":[' .. table.concat(metrics, ",") .. ']}')
end
