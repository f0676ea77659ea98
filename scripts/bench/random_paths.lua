-- wrk script: asks for the paths listed in a file (one per line) in random order.
-- usage: wrk ... -s scripts/bench/random_paths.lua URL -- paths.txt
local paths = {}

function init(args)
  for line in io.lines(args[1]) do
    paths[#paths + 1] = line
  end
  -- Each wrk thread gets its own order.
  math.randomseed(os.time() + tonumber(tostring(paths):match("0x(%x+)") or "0", 16))
end

function request()
  return wrk.format("GET", paths[math.random(#paths)])
end
