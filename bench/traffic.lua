-- wrk script for every load bench/run.py generates (run by bench/load.py; settings come
-- from environment variables, which each wrk thread reads for itself):
--   BENCH_MODE     "get": GET one of BENCH_PATHS (comma-separated) at random;
--                  "sign": POST a valid signature to BENCH_SIGN_PATH, saying it comes
--                  from BENCH_ORIGIN (Origin, Sec-Fetch-Site: same-origin), as a browser does.
--   BENCH_RUN_TAG  starts every signer's e-mail address: distinct per run, so no run
--                  repeats an address (a repeat is silently de-duplicated, and cheaper).
--   BENCH_RATE     optional: the total requests per second to send (over BENCH_THREADS
--                  threads) instead of as many as possible.
--   BENCH_EXPECT   the status a request must get (200 for pages, 302 for signing);
--                  anything else counts as an error, a form error page included.
-- done() prints one line, "BENCH-RESULT {json}", that bench/load.py reads.

local mode = os.getenv("BENCH_MODE") or "get"
local expected = tonumber(os.getenv("BENCH_EXPECT") or "200")
local rate = tonumber(os.getenv("BENCH_RATE") or "0")
local threads_total = tonumber(os.getenv("BENCH_THREADS") or "1")

-- A monotonic clock in milliseconds (LuaJIT's ffi), for pacing at a fixed rate.
local ffi_ok, ffi = pcall(require, "ffi")
local now_ms
if ffi_ok then
  ffi.cdef [[
    typedef struct { long tv_sec; long tv_nsec; } bench_timespec;
    int clock_gettime(int clock_id, bench_timespec *tp);
  ]]
  local ts = ffi.new("bench_timespec")
  now_ms = function()
    ffi.C.clock_gettime(1, ts) -- CLOCK_MONOTONIC
    return tonumber(ts.tv_sec) * 1000 + tonumber(ts.tv_nsec) / 1e6
  end
end

-- Runs in the main Lua state: number the threads, keep them for done().
local threads = {}
local next_id = 0
function setup(thread)
  next_id = next_id + 1
  thread:set("id", next_id)
  table.insert(threads, thread)
end

-- Runs in each thread's own Lua state.
local paths, prepared = {}, {}
local sent = 0
-- Globals, not locals: done() reads them from each thread with thread:get().
unexpected, last_unexpected = 0, 0
local tag, sign_path, origin

local first_names = { "Aigerim", "Nurlan", "Dana", "Yerlan", "Laura", "Ben", "Ines", "Tomasz" }
local last_names = { "Akhmetova", "Bekov", "Smith", "Clarke", "Costa", "Virtanen" }
local countries = { "KZ", "KZ", "KZ", "GB", "DE", "FR", "RU", "US", "PL", "SE" }

function init(args)
  -- Each thread its own random sequence (the script is loaded once per thread).
  math.randomseed(os.time() * 1000 + id * 7919)
  for path in string.gmatch(os.getenv("BENCH_PATHS") or "/", "[^,]+") do
    table.insert(paths, path)
    table.insert(prepared, wrk.format("GET", path))
  end
  tag = os.getenv("BENCH_RUN_TAG") or "bench"
  sign_path = os.getenv("BENCH_SIGN_PATH")
  origin = os.getenv("BENCH_ORIGIN")
end

local function sign_request()
  sent = sent + 1
  local email = tag .. "-t" .. id .. "-" .. sent .. "%40example.org"
  local body = "first_name=" .. first_names[math.random(#first_names)]
    .. "&last_name=" .. last_names[math.random(#last_names)]
    .. "&email=" .. email
    .. "&country=" .. countries[math.random(#countries)]
    .. "&city_or_postcode=Almaty&comment=&website="
  if math.random() < 0.3 then
    body = body .. "&show_name_publicly=on"
  end
  if math.random() < 0.3 then
    body = body .. "&wants_updates=on"
  end
  local headers = {
    ["Content-Type"] = "application/x-www-form-urlencoded",
    -- What a browser says when it posts the form from the petition page (the origin check).
    ["Origin"] = origin,
    ["Sec-Fetch-Site"] = "same-origin",
    -- Many signers behind the site's one trusted proxy (TRUSTED_PROXY_COUNT=1).
    ["X-Forwarded-For"] = string.format(
      "10.%d.%d.%d", math.random(0, 255), math.random(0, 255), math.random(1, 254)
    ),
  }
  return wrk.format("POST", sign_path, headers, body)
end

function request()
  if mode == "sign" then
    return sign_request()
  end
  return prepared[math.random(#prepared)]
end

function response(status, headers, body)
  if status ~= expected then
    unexpected = unexpected + 1
    last_unexpected = status
  end
end

-- Pacing: each thread hands out send times one interval apart; a request waits for its
-- slot. A thread that falls behind may catch up by at most one second's worth, so a
-- stall shows as a lower achieved rate instead of a burst that hides it.
if rate > 0 then
  local interval = threads_total * 1000 / rate
  local next_slot
  function delay()
    if not now_ms then
      return interval
    end
    local now = now_ms()
    if next_slot == nil or next_slot < now - 1000 then
      next_slot = now
    end
    local wait = next_slot - now
    next_slot = next_slot + interval
    if wait < 0 then
      return 0
    end
    return math.floor(wait)
  end
end

function done(summary, latency, requests)
  local bad, sample = 0, 0
  for _, thread in ipairs(threads) do
    bad = bad + (thread:get("unexpected") or 0)
    local status = thread:get("last_unexpected") or 0
    if status ~= 0 then
      sample = status
    end
  end
  local errors = summary.errors
  io.write(string.format(
    'BENCH-RESULT {"requests": %d, "duration_us": %d, "p50_us": %d, "p90_us": %d, "p99_us": %d, '
      .. '"max_us": %d, "connect_errors": %d, "read_errors": %d, "write_errors": %d, '
      .. '"timeouts": %d, "unexpected_status": %d, "sample_status": %d}\n',
    summary.requests, summary.duration, latency:percentile(50), latency:percentile(90),
    latency:percentile(99), latency.max, errors.connect, errors.read, errors.write,
    errors.timeout, bad, sample
  ))
end
