-- sieve: arrays — the sieve of Eratosthenes up to 1,000,000, repeated N times.
local function sieve(limit)
  local composite = {}
  for i = 1, limit do composite[i] = false end
  local count, sum = 0, 0
  for i = 2, limit do
    if not composite[i] then
      count = count + 1
      sum = sum + i
      for j = i * i, limit, i do
        composite[j] = true
      end
    end
  end
  return count, sum
end

local repeats = tonumber(arg and arg[1]) or 10
local limit = 1000000
local count, sum = 0, 0
for _ = 1, repeats do
  local c, s = sieve(limit)
  count = count + c
  sum = sum + s
end
print(string.format("%d sieves up to %d: %d primes, sum %d", repeats, limit, count, sum))
