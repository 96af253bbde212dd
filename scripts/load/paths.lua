-- Requests cycle through the paths listed (one per line) in the file named by LOAD_PATHS, each
-- thread starting at its own offset, so that many distinct resources are asked for. With no
-- paths, every request is wrk's URL.
dofile(os.getenv("LOAD_DIR") .. "/report.lua")

local paths = {}
for line in io.lines(os.getenv("LOAD_PATHS") or "/dev/null") do
  if line ~= "" then paths[#paths + 1] = line end
end

if #paths > 0 then
  local i = 0
  function setup(thread)
    thread:set("offset", math.random(#paths))
  end
  function request()
    i = i + 1
    return wrk.format("GET", paths[((i + (offset or 0)) % #paths) + 1])
  end
end
