-- wrk script for bench/service_bench.py: POSTs the body in $WRK_BODY_FILE (as $WRK_CONTENT_TYPE, default JSON) with the X-API-Key header
-- from $WRK_API_KEY (a plain GET when WRK_BODY_FILE is empty), and prints one machine-readable summary line.
local body_file = os.getenv("WRK_BODY_FILE") or ""
local key = os.getenv("WRK_API_KEY") or ""
if body_file ~= "" then
  local f = assert(io.open(body_file, "rb"))
  wrk.method = "POST"
  wrk.body = f:read("*a")
  f:close()
  local ct = os.getenv("WRK_CONTENT_TYPE") or ""
  wrk.headers["Content-Type"] = ct ~= "" and ct or "application/json"
end
if key ~= "" then
  wrk.headers["X-API-Key"] = key
end

function done(summary, latency, requests)
  local e = summary.errors
  io.write(string.format(
    'WRKJSON {"requests": %d, "duration_us": %d, "bytes": %d, "status_errors": %d, "socket_errors": %d, ' ..
    '"p50_us": %d, "p90_us": %d, "p99_us": %d, "max_us": %d, "mean_us": %.1f}\n',
    summary.requests, summary.duration, summary.bytes, e.status, e.connect + e.read + e.write + e.timeout,
    latency:percentile(50), latency:percentile(90), latency:percentile(99), latency.max, latency.mean))
end
