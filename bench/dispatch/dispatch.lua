-- dispatch: method dispatch at a polymorphic call site — four metatable "classes".
local Rect = {}
Rect.__index = Rect
function Rect.new(w, h) return setmetatable({ w = w, h = h }, Rect) end
function Rect:area() return self.w * self.h end
function Rect:perimeter() return 2 * (self.w + self.h) end

local Square = {}
Square.__index = Square
function Square.new(side) return setmetatable({ side = side }, Square) end
function Square:area() return self.side * self.side end
function Square:perimeter() return 4 * self.side end

-- Integer "circle" (pi taken as 3) so every engine agrees exactly.
local Circle = {}
Circle.__index = Circle
function Circle.new(r) return setmetatable({ r = r }, Circle) end
function Circle:area() return 3 * self.r * self.r end
function Circle:perimeter() return 6 * self.r end

local Parallelogram = {}
Parallelogram.__index = Parallelogram
function Parallelogram.new(base, side, height)
  return setmetatable({ base = base, side = side, height = height }, Parallelogram)
end
function Parallelogram:area() return self.base * self.height end
function Parallelogram:perimeter() return 2 * (self.base + self.side) end

local function make_shapes(count)
  local shapes = {}
  for i = 0, count - 1 do
    local a, b = i % 13 + 1, i % 7 + 1
    local kind = i % 4
    if kind == 0 then
      shapes[#shapes + 1] = Rect.new(a, b)
    elseif kind == 1 then
      shapes[#shapes + 1] = Square.new(a)
    elseif kind == 2 then
      shapes[#shapes + 1] = Circle.new(b)
    else
      shapes[#shapes + 1] = Parallelogram.new(a, b + 1, b)
    end
  end
  return shapes
end

local rounds = tonumber(arg and arg[1]) or 6000
local shapes = make_shapes(1000)
local total = 0
for _ = 1, rounds do
  for i = 1, #shapes do
    local shape = shapes[i]
    total = total + shape:area() + shape:perimeter()
  end
end
print(string.format("dispatch: %d rounds, total %d", rounds, total))
