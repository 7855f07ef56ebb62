-- wrk script: POST /api/v1/predict/batch with 1000 employees per request.
--   wrk -t2 -c4 -d30s --latency -s bench/batch.lua http://127.0.0.1:8080
-- predictions/s = requests/s × 1000.
local auth_header = os.getenv("MLLEDGER_TOKEN") and ("Bearer " .. os.getenv("MLLEDGER_TOKEN")) or nil
local auth = auth_header and {["Authorization"] = auth_header} or nil
local departments = {"Sales", "Research & Development", "Human Resources"}
local body

init = function(args)
  local items = {}
  for i = 1, 1000 do
    items[i] = string.format(
      '{"employee_id":"B-%d","features":{"age":%d,"monthly_income":%d,"overtime":%s,"job_satisfaction":%d,' ..
      '"department":"%s"}}',
      i, math.random(18, 60), math.random(1000, 20000), (math.random() < 0.3) and "true" or "false",
      math.random(1, 4), departments[math.random(1, 3)])
  end
  body = '{"items":[' .. table.concat(items, ",") .. ']}'
end

request = function()
  return wrk.format("POST", "/api/v1/predict/batch", {["Content-Type"] = "application/json", ["Authorization"] = auth_header}, body)
end
