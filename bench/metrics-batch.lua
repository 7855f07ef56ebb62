-- wrk script: POST /api/v1/runs/{RUN_ID}/metrics/batch with 1000 new points per request
-- (each wrk thread its own metric name, steps counting up), so every request inserts 1000 rows.
--   RUN_ID=… wrk -t4 -c4 -d30s --latency -s bench/metrics-batch.lua http://127.0.0.1:8080
local auth_header = os.getenv("MLLEDGER_TOKEN") and ("Bearer " .. os.getenv("MLLEDGER_TOKEN")) or nil
local auth = auth_header and {["Authorization"] = auth_header} or nil
local run_id = os.getenv("RUN_ID")
local thread_number = 0
local counter = 0

function setup(thread)
  thread_number = thread_number + 1
  thread:set("name", "loss_t" .. thread_number)
end

function request()
  local points = {}
  local base = counter * 1000
  counter = counter + 1
  for i = 1, 1000 do
    points[i] = string.format('{"name":"%s","step":%d,"value":%.6f}', name, base + i, 1.0 / (base + i))
  end
  return wrk.format("POST", "/api/v1/runs/" .. run_id .. "/metrics/batch",
    {["Content-Type"] = "application/json", ["Authorization"] = auth_header}, '{"metrics":[' .. table.concat(points, ",") .. ']}')
end
