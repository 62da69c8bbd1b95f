// dispatch: method dispatch at a polymorphic call site — four classes, one loop.
"use strict";

class Rect {
  constructor(w, h) { this.w = w; this.h = h; }
  area() { return this.w * this.h; }
  perimeter() { return 2 * (this.w + this.h); }
}

class Square {
  constructor(side) { this.side = side; }
  area() { return this.side * this.side; }
  perimeter() { return 4 * this.side; }
}

// Integer "circle" (pi taken as 3) so every engine agrees exactly.
class Circle {
  constructor(r) { this.r = r; }
  area() { return 3 * this.r * this.r; }
  perimeter() { return 6 * this.r; }
}

class Parallelogram {
  constructor(base, side, height) { this.base = base; this.side = side; this.height = height; }
  area() { return this.base * this.height; }
  perimeter() { return 2 * (this.base + this.side); }
}

function makeShapes(count) {
  const shapes = [];
  for (let i = 0; i < count; i++) {
    const a = (i % 13) + 1, b = (i % 7) + 1;
    switch (i % 4) {
      case 0: shapes.push(new Rect(a, b)); break;
      case 1: shapes.push(new Square(a)); break;
      case 2: shapes.push(new Circle(b)); break;
      default: shapes.push(new Parallelogram(a, b + 1, b)); break;
    }
  }
  return shapes;
}

const rounds = process.argv.length > 2 ? parseInt(process.argv[2], 10) : 6000;
const shapes = makeShapes(1000);
let total = 0;
for (let r = 0; r < rounds; r++) {
  for (const shape of shapes) total += shape.area() + shape.perimeter();
}
console.log(`dispatch: ${rounds} rounds, total ${total}`);
