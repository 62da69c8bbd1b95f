-- hashmap: hash maps (Lua tables) — integer-key inserts and lookups, then word counts.
local function int_keys(n)
  local m, size = {}, 0
  for i = 0, n - 1 do
    local k = (i * 7919) % 100003
    if m[k] == nil then size = size + 1 end
    m[k] = i
  end
  local hits, sum = 0, 0
  for k = 0, n - 1 do
    local v = m[k]
    if v ~= nil then
      hits = hits + 1
      sum = sum + v
    end
  end
  return size + hits + sum
end

local function word_counts(words)
  local counts, distinct = {}, 0
  for i = 1, #words do
    local w = words[i]
    local c = counts[w]
    if c == nil then
      distinct = distinct + 1
      c = 0
    end
    counts[w] = c + 1
  end
  local sum_sq = 0
  for _, c in pairs(counts) do sum_sq = sum_sq + c * c end
  return distinct + sum_sq
end

local rounds = tonumber(arg and arg[1]) or 250
local n = 20000
local words = {}
for i = 0, n - 1 do words[#words + 1] = "w" .. tostring((i * i + 7) % 1000) end
local checksum = 0
for _ = 1, rounds do
  checksum = checksum + int_keys(n) + word_counts(words)
end
print(string.format("hashmap: %d rounds, checksum %d", rounds, checksum))
