-- wrk script: every request asks for a different path that matches no page, as a
-- scanner or a flood would (`/k3j9x2`, `/en/k3j9x2`, `/zh/k3j9x2/q`).
local prefixes = { "/", "/en/", "/zh/", "/xx/" }
local letters = "abcdefghijklmnopqrstuvwxyz0123456789"

local function word(n)
  local out = {}
  for i = 1, n do
    local k = math.random(#letters)
    out[i] = letters:sub(k, k)
  end
  return table.concat(out)
end

request = function()
  local path = prefixes[math.random(#prefixes)] .. word(10)
  if math.random(3) == 1 then
    path = path .. "/" .. word(4)
  end
  return wrk.format("GET", path)
end

-- Each thread counts the answers of 500 and above; `done` adds them up.
server_errors = 0
response = function(status)
  if status >= 500 then
    server_errors = server_errors + 1
  end
end

local threads = {}
setup = function(thread)
  table.insert(threads, thread)
end

done = function()
  local total = 0
  for _, thread in ipairs(threads) do
    total = total + thread:get("server_errors")
  end
  io.write(string.format("Server errors: %d\n", total))
end
