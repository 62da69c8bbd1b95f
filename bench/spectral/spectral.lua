-- spectral: float kernel — the spectral norm of the infinite matrix A.
-- Indices are 0-based in the formula (as in the other versions); tables are 1-based.
local function a(i, j)
  local ij = i + j
  return 1.0 / (ij * (ij + 1) / 2 + i + 1)
end

local function mul_av(v)
  local n = #v
  local out = {}
  for i = 0, n - 1 do
    local sum = 0.0
    for j = 0, n - 1 do
      sum = sum + a(i, j) * v[j + 1]
    end
    out[i + 1] = sum
  end
  return out
end

local function mul_atv(v)
  local n = #v
  local out = {}
  for i = 0, n - 1 do
    local sum = 0.0
    for j = 0, n - 1 do
      sum = sum + a(j, i) * v[j + 1]
    end
    out[i + 1] = sum
  end
  return out
end

local function mul_atav(v) return mul_atv(mul_av(v)) end

local n = tonumber(arg and arg[1]) or 600
local u, v = {}, {}
for i = 1, n do u[i] = 1.0 end
for _ = 1, 10 do
  v = mul_atav(u)
  u = mul_atav(v)
end
local vbv, vv = 0.0, 0.0
for i = 1, n do
  vbv = vbv + u[i] * v[i]
  vv = vv + v[i] * v[i]
end
print(string.format("%.9f", math.sqrt(vbv / vv)))
