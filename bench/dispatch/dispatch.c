// dispatch: method dispatch at a polymorphic call site — four struct types sharing a
// vtable layout, called through function pointers in one loop.
#include <stdio.h>
#include <stdlib.h>

typedef struct Shape Shape;
typedef struct {
  long (*area)(const Shape*);
  long (*perimeter)(const Shape*);
} ShapeVtable;
struct Shape {
  const ShapeVtable* vtable;
  long a, b, c;  // meaning depends on the type
};

static long rect_area(const Shape* s) { return s->a * s->b; }
static long rect_perimeter(const Shape* s) { return 2 * (s->a + s->b); }
static long square_area(const Shape* s) { return s->a * s->a; }
static long square_perimeter(const Shape* s) { return 4 * s->a; }
// Integer "circle" (pi taken as 3) so every engine agrees exactly.
static long circle_area(const Shape* s) { return 3 * s->a * s->a; }
static long circle_perimeter(const Shape* s) { return 6 * s->a; }
// a = base, b = side, c = height
static long para_area(const Shape* s) { return s->a * s->c; }
static long para_perimeter(const Shape* s) { return 2 * (s->a + s->b); }

static const ShapeVtable kRect = {rect_area, rect_perimeter};
static const ShapeVtable kSquare = {square_area, square_perimeter};
static const ShapeVtable kCircle = {circle_area, circle_perimeter};
static const ShapeVtable kPara = {para_area, para_perimeter};

int main(int argc, char** argv) {
  long rounds = argc > 1 ? atol(argv[1]) : 6000;
  enum { kCount = 1000 };
  Shape** shapes = malloc(kCount * sizeof(Shape*));
  for (long i = 0; i < kCount; i++) {
    long a = i % 13 + 1, b = i % 7 + 1;
    Shape* s = malloc(sizeof(Shape));
    switch (i % 4) {
      case 0:
        *s = (Shape){&kRect, a, b, 0};
        break;
      case 1:
        *s = (Shape){&kSquare, a, 0, 0};
        break;
      case 2:
        *s = (Shape){&kCircle, b, 0, 0};
        break;
      default:
        *s = (Shape){&kPara, a, b + 1, b};
        break;
    }
    shapes[i] = s;
  }
  long total = 0;
  for (long r = 0; r < rounds; r++) {
    for (long i = 0; i < kCount; i++) {
      const Shape* s = shapes[i];
      total += s->vtable->area(s) + s->vtable->perimeter(s);
    }
  }
  printf("dispatch: %ld rounds, total %ld\n", rounds, total);
  for (long i = 0; i < kCount; i++) free(shapes[i]);
  free(shapes);
  return 0;
}
