-- wrk script: POST /api/v1/predict with a different employee and features on every request.
--   wrk -t2 -c32 -d30s --latency -s bench/predict.lua http://127.0.0.1:8080
local auth_header = os.getenv("MLLEDGER_TOKEN") and ("Bearer " .. os.getenv("MLLEDGER_TOKEN")) or nil
local auth = auth_header and {["Authorization"] = auth_header} or nil
local departments = {"Sales", "Research & Development", "Human Resources"}
local counter = 0

request = function()
  counter = counter + 1
  local body = string.format(
    '{"employee_id":"E-%d","features":{"age":%d,"monthly_income":%d,"overtime":%s,"job_satisfaction":%d,' ..
    '"years_at_company":%d,"department":"%s"}}',
    counter, math.random(18, 60), math.random(1000, 20000), (math.random() < 0.3) and "true" or "false",
    math.random(1, 4), math.random(0, 30), departments[math.random(1, 3)])
  return wrk.format("POST", "/api/v1/predict", {["Content-Type"] = "application/json", ["Authorization"] = auth_header}, body)
end
