# dispatch: method dispatch at a polymorphic call site — four classes, one loop.
import sys


class Rect:
    __slots__ = ("w", "h")

    def __init__(self, w, h):
        self.w, self.h = w, h

    def area(self):
        return self.w * self.h

    def perimeter(self):
        return 2 * (self.w + self.h)


class Square:
    __slots__ = ("side",)

    def __init__(self, side):
        self.side = side

    def area(self):
        return self.side * self.side

    def perimeter(self):
        return 4 * self.side


class Circle:
    """Integer "circle" (pi taken as 3) so every engine agrees exactly."""
    __slots__ = ("r",)

    def __init__(self, r):
        self.r = r

    def area(self):
        return 3 * self.r * self.r

    def perimeter(self):
        return 6 * self.r


class Parallelogram:
    __slots__ = ("base", "side", "height")

    def __init__(self, base, side, height):
        self.base, self.side, self.height = base, side, height

    def area(self):
        return self.base * self.height

    def perimeter(self):
        return 2 * (self.base + self.side)


def make_shapes(count):
    shapes = []
    for i in range(count):
        a, b = i % 13 + 1, i % 7 + 1
        kind = i % 4
        if kind == 0:
            shapes.append(Rect(a, b))
        elif kind == 1:
            shapes.append(Square(a))
        elif kind == 2:
            shapes.append(Circle(b))
        else:
            shapes.append(Parallelogram(a, b + 1, b))
    return shapes


def main(rounds):
    shapes = make_shapes(1000)
    total = 0
    for _ in range(rounds):
        for shape in shapes:
            total += shape.area() + shape.perimeter()
    print(f"dispatch: {rounds} rounds, total {total}")


main(int(sys.argv[1]) if len(sys.argv) > 1 else 6000)
