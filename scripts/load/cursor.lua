-- Walks /api/events page after page: each response's `next` becomes the cursor of the thread's
-- next request (connections of one thread share the walk), and the walk restarts at the end.
dofile(os.getenv("LOAD_DIR") .. "/report.lua")

local base = os.getenv("LOAD_QUERY") or "/api/events?limit=50"
local cursor = nil

function request()
  if cursor then
    return wrk.format("GET", base .. "&cursor=" .. cursor)
  end
  return wrk.format("GET", base)
end

function response(status, headers, body)
  if status == 200 then
    cursor = body:match('"next":"([^"]+)"')
  end
end
