-- strings: string building and splitting — builds a 20,000-field "i:v,..." line in a
-- buffer table, splits it on "," and ":" and parses the numbers back, ROUNDS times.
local function one_round(fields)
  local buf = {}
  for i = 0, fields - 1 do
    buf[#buf + 1] = tostring(i) .. ":" .. tostring((i * 7) % 1000)
  end
  local line = table.concat(buf, ",")
  local total = #line
  for field in line:gmatch("[^,]+") do
    local colon = field:find(":", 1, true)
    total = total + tonumber(field:sub(1, colon - 1)) + tonumber(field:sub(colon + 1))
  end
  return total
end

local rounds = tonumber(arg and arg[1]) or 40
local checksum = 0
for _ = 1, rounds do
  checksum = checksum + one_round(20000)
end
print(string.format("strings: %d rounds, checksum %d", rounds, checksum))
