-- closures: higher-order array functions (map, filter, fold written as small helpers, as
-- Lua has none built in) with closures that capture locals.
local function map(t, f)
  local out = {}
  for i = 1, #t do out[i] = f(t[i]) end
  return out
end

local function filter(t, f)
  local out, n = {}, 0
  for i = 1, #t do
    local v = t[i]
    if f(v) then
      n = n + 1
      out[n] = v
    end
  end
  return out
end

local function fold(t, init, f)
  local acc = init
  for i = 1, #t do acc = f(acc, t[i]) end
  return acc
end

local function make_adder(k)
  return function(x) return x + k end
end

local rounds = tonumber(arg and arg[1]) or 800
local data = {}
for i = 0, 9999 do data[#data + 1] = i end
local checksum, kept = 0, 0
for round = 0, rounds - 1 do
  local add = make_adder(round % 7)
  local scale = round % 5 + 1
  local mapped = map(data, function(x) return add(x) * scale end)
  local filtered = filter(mapped, function(x)
    kept = kept + 1
    return x % 3 ~= 0
  end)
  local total = fold(filtered, 0, function(acc, x) return acc + x end)
  checksum = (checksum + total) % 1000000007
end
print(string.format("closures: %d rounds, checksum %d, filter calls %d", rounds, checksum, kept))
