-- wrk script: analytics with random [from, to) ranges inside the generated data's span (2025-01-01 .. +365 days),
-- alternating risk-distribution and summary; every 4th request has no range at all.
--   wrk -t1 -c1 -d20s --latency -s bench/analytics.lua http://127.0.0.1:8080
local auth_header = os.getenv("MLLEDGER_TOKEN") and ("Bearer " .. os.getenv("MLLEDGER_TOKEN")) or nil
local auth = auth_header and {["Authorization"] = auth_header} or nil
local n = 0
local base = os.time({year = 2025, month = 1, day = 1, hour = 0})

local function iso(t)
  return os.date("!%Y-%m-%dT%H:%M:%SZ", t)
end

request = function()
  n = n + 1
  local path = (n % 2 == 0) and "/api/v1/analytics/risk-distribution" or "/api/v1/analytics/summary"
  if n % 4 ~= 0 then
    local a = base + math.random(0, 365 * 86400)
    local b = base + math.random(0, 365 * 86400)
    if a > b then a, b = b, a end
    path = path .. "?from=" .. iso(a) .. "&to=" .. iso(b)
  end
  return wrk.format("GET", path, auth)
end
