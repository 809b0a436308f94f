-- wrk script of bench/load.py: walks the URLs of LOAD_PATHS (one a line) in a shuffled order
-- per thread, each request with one of Accept-Language vi, ja, en and, when LOAD_COOKIE is
-- set, that cookie; counts statuses and page-cache hits; prints one JSON line at the end.
local threads = {}
local languages = {"vi", "ja", "en"}

function setup(thread)
  table.insert(threads, thread)
  thread:set("id", #threads)
end

function init(args)
  paths = {}
  for line in io.lines(os.getenv("LOAD_PATHS")) do
    if #line > 0 then table.insert(paths, line) end
  end
  math.randomseed(id)
  for i = #paths, 2, -1 do
    local j = math.random(i)
    paths[i], paths[j] = paths[j], paths[i]
  end
  cookie = os.getenv("LOAD_COOKIE") or ""
  position = 0
  ok, non_2xx, hits = 0, 0, 0
end

function request()
  position = position + 1
  local path = paths[(position - 1) % #paths + 1]
  local headers = {["Accept-Language"] = languages[(position - 1) % 3 + 1]}
  if #cookie > 0 then headers["Cookie"] = cookie end
  return wrk.format("GET", path, headers)
end

function response(status, headers, body)
  if status >= 200 and status < 300 then ok = ok + 1 else non_2xx = non_2xx + 1 end
  if headers["X-Page-Cache"] == "hit" then hits = hits + 1 end
end

function done(summary, latency, requests)
  local total_ok, total_bad, total_hits = 0, 0, 0
  for _, thread in ipairs(threads) do
    total_ok = total_ok + thread:get("ok")
    total_bad = total_bad + thread:get("non_2xx")
    total_hits = total_hits + thread:get("hits")
  end
  local e = summary.errors
  io.write(string.format(
    'LOAD-RESULT {"requests": %d, "duration_us": %d, "ok": %d, "non_2xx": %d, ' ..
    '"cache_hits": %d, "socket_errors": %d, "timeouts": %d, "p50_us": %d, "p90_us": %d, ' ..
    '"p95_us": %d, "p99_us": %d, "max_us": %d}\n',
    summary.requests, summary.duration, total_ok, total_bad, total_hits,
    e.connect + e.read + e.write + e.timeout, e.timeout,
    latency:percentile(50), latency:percentile(90), latency:percentile(95),
    latency:percentile(99), latency.max))
end
