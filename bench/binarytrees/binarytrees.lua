-- binarytrees: allocation — many short-lived perfect binary trees and one long-lived tree.
-- A node is a table {left, right}; a leaf node is an empty table.
local function bottom_up(depth)
  if depth > 0 then
    depth = depth - 1
    return { bottom_up(depth), bottom_up(depth) }
  end
  return {}
end

local function check(tree)
  if tree[1] then
    return 1 + check(tree[1]) + check(tree[2])
  end
  return 1
end

local function pow2(k)
  local r = 1
  for _ = 1, k do r = r * 2 end
  return r
end

local n = tonumber(arg and arg[1]) or 15
local min_depth = 4
local max_depth = math.max(min_depth + 2, n)

local stretch_depth = max_depth + 1
print(string.format("stretch tree of depth %d check: %d", stretch_depth,
                    check(bottom_up(stretch_depth))))

local long_lived = bottom_up(max_depth)
for depth = min_depth, max_depth, 2 do
  local iterations = pow2(max_depth - depth + min_depth)
  local total = 0
  for _ = 1, iterations do
    total = total + check(bottom_up(depth))
  end
  print(string.format("%d trees of depth %d check: %d", iterations, depth, total))
end
print(string.format("long lived tree of depth %d check: %d", max_depth, check(long_lived)))
