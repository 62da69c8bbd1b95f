-- loops: integer loops — counts and sums the primes below N by trial division.
local n = tonumber(arg and arg[1]) or 700000
local count, sum = 0, 0
for i = 2, n - 1 do
  local is_prime = true
  local d = 2
  while d * d <= i do
    if i % d == 0 then
      is_prime = false
      break
    end
    d = d + 1
  end
  if is_prime then
    count = count + 1
    sum = sum + i
  end
end
print(string.format("primes below %d: %d sum %d", n, count, sum))
