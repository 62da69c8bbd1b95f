// Element and field access (value-ops.h): indexing, slicing, map lookup, struct/class/tuple
// fields, their error texts, and copy-on-write stores: an unshared container is written in
// place, a shared one is copied exactly once.
#include "test/unittests/runtime/value-test-utils.h"

namespace ruchy::internal {
namespace {

using AccessTest = ValueOpsTest;

TEST_F(AccessTest, ArrayIndexing) {
  HandleScope scope(isolate());
  Handle<Value> a = Arr({Int(10), Int(20), Int(30)});
  auto get = [&](Handle<Value> object, Handle<Value> key) {
    return Result(GetElement(isolate(), object, key));
  };
  EXPECT_EQ(get(a, Int(0)), "10");
  EXPECT_EQ(get(a, Int(2)), "30");
  EXPECT_EQ(get(a, Int(-1)), "30");
  EXPECT_EQ(get(a, Int(-3)), "10");
  EXPECT_EQ(get(a, Int(3)), "error: Runtime error: Index 3 out of bounds for array of length 3");
  EXPECT_EQ(get(a, Int(-4)), "error: Runtime error: Index -4 out of bounds for array of length 3");
  EXPECT_EQ(get(a, Int(int64_t{1} << 62)),
            "error: Runtime error: Index 4611686018427387904 out of bounds for array of length 3");
  EXPECT_EQ(get(a, Float(1)), "error: Runtime error: Cannot index array with float");
  EXPECT_EQ(get(a, S("x")), "error: Runtime error: Cannot index array with string");
  EXPECT_EQ(get(Int(5), Int(0)), "error: Runtime error: Cannot index integer with integer");
  EXPECT_EQ(get(Nil(), Int(0)), "error: Runtime error: Cannot index nil with integer");
  Handle<Value> doubles = Arr({Float(0.5), Float(1.5)});
  EXPECT_EQ(get(doubles, Int(1)), "1.5");
  EXPECT_EQ(get(Arr({}), Int(0)),
            "error: Runtime error: Index 0 out of bounds for array of length 0");
}

TEST_F(AccessTest, ArraySlicing) {
  HandleScope scope(isolate());
  Handle<Value> a = Arr({Int(0), Int(1), Int(2), Int(3), Int(4)});
  auto slice = [&](Handle<Value> object, Handle<Value> from, Handle<Value> to, bool inclusive) {
    return Result(GetElement(isolate(), object, RangeOf(from, to, inclusive)));
  };
  EXPECT_EQ(slice(a, Int(1), Int(3), false), "[1, 2]");
  EXPECT_EQ(slice(a, Int(1), Int(3), true), "[1, 2, 3]");
  EXPECT_EQ(slice(a, Nil(), Int(2), false), "[0, 1]");
  EXPECT_EQ(slice(a, Int(3), Nil(), false), "[3, 4]");
  EXPECT_EQ(slice(a, Nil(), Nil(), false), "[0, 1, 2, 3, 4]");
  EXPECT_EQ(slice(a, Int(2), Int(2), false), "[]");
  EXPECT_EQ(slice(a, Int(5), Int(5), false), "[]");
  EXPECT_EQ(slice(a, Int(0), Int(4), true), "[0, 1, 2, 3, 4]");
  EXPECT_EQ(slice(a, Int(0), Int(5), true),
            "error: Runtime error: Range 0..=5 out of bounds for array of length 5");
  EXPECT_EQ(slice(a, Int(3), Int(1), false),
            "error: Runtime error: Range 3..1 out of bounds for array of length 5");
  EXPECT_EQ(slice(a, Int(-1), Int(2), false),
            "error: Runtime error: Range -1..2 out of bounds for array of length 5");
  // Negative bounds count from the end (ref §13.1).
  EXPECT_EQ(slice(a, Int(-3), Int(-1), false), "[2, 3]");
  EXPECT_EQ(slice(a, Int(-2), Nil(), false), "[3, 4]");
  EXPECT_EQ(slice(a, Nil(), Int(-1), true), "[0, 1, 2, 3, 4]");
  EXPECT_EQ(slice(a, Int(-6), Int(2), false),
            "error: Runtime error: Range -6..2 out of bounds for array of length 5");
  EXPECT_EQ(slice(a, Int(0), Int(6), false),
            "error: Runtime error: Range 0..6 out of bounds for array of length 5");
  EXPECT_EQ(slice(a, Float(0.5), Int(2), false),
            "error: Type error: Cannot slice array with a range of float");
  EXPECT_EQ(slice(Arr({Float(1), Float(2), Float(3)}), Int(1), Nil(), false), "[2.0, 3.0]");
  // A slice shares nested containers with the source.
  Handle<Value> inner = Arr({Int(7)});
  Handle<Value> outer = Arr({inner, Int(1)});
  Handle<Value> part = Check(GetElement(isolate(), outer, RangeOf(Int(0), Int(1), false)));
  EXPECT_EQ(Text(part), "[[7]]");
  EXPECT_TRUE(IsShared(*inner));
}

TEST_F(AccessTest, TupleIndexing) {
  HandleScope scope(isolate());
  Handle<Value> t = Tup({Int(4), S("five")});
  EXPECT_EQ(Result(GetElement(isolate(), t, Int(1))), "five");
  EXPECT_EQ(Result(GetElement(isolate(), t, Int(-2))), "4");
  EXPECT_EQ(Result(GetElement(isolate(), t, Int(2))),
            "error: Runtime error: Index 2 out of bounds for tuple of length 2");
  EXPECT_EQ(Result(GetElement(isolate(), t, S("0"))),
            "error: Runtime error: Cannot index tuple with string");
}

TEST_F(AccessTest, StringIndexingCountsCharacters) {
  HandleScope scope(isolate());
  Handle<Value> s = S("héllo");
  auto get = [&](Handle<Value> object, Handle<Value> key) {
    return Result(GetElement(isolate(), object, key));
  };
  EXPECT_EQ(get(s, Int(1)), "é");
  EXPECT_EQ(get(s, Int(4)), "o");
  EXPECT_EQ(get(s, Int(-1)), "o");
  EXPECT_EQ(get(S("abç"), Int(-1)), "ç");
  EXPECT_EQ(get(S("abç"), Int(-3)), "a");
  EXPECT_EQ(get(S("abc"), Int(9)),
            "error: Runtime error: Index 9 out of bounds for string of length 3");
  EXPECT_EQ(get(s, Int(5)), "error: Runtime error: Index 5 out of bounds for string of length 5");
  EXPECT_EQ(get(S("hello world"), RangeOf(Int(0), Int(5), false)), "hello");
  EXPECT_EQ(get(S("hello world"), RangeOf(Int(6), Nil(), false)), "world");
  EXPECT_EQ(get(S("hello world"), RangeOf(Nil(), Int(5), false)), "hello");
  EXPECT_EQ(get(S("hello world"), RangeOf(Int(6), Int(8), true)), "wor");
  EXPECT_EQ(get(S("ñandú"), RangeOf(Int(1), Int(4), false)), "and");
  EXPECT_EQ(get(S("ñandú"), RangeOf(Int(3), Nil(), false)), "dú");
  EXPECT_EQ(get(S("ñandú"), RangeOf(Int(0), Int(6), false)),
            "error: Runtime error: Range 0..6 out of bounds for string of length 5");
  EXPECT_EQ(get(S("ab"), Float(0)), "error: Runtime error: Cannot index string with float");
  // A rope is flattened first.
  Handle<Value> rope =
      Check(factory()->NewConsString(Str("0123456789abcdefghij"), Str("KLMNOPQRSTUVWXYZ")));
  ASSERT_TRUE((*rope).IsConsString());
  EXPECT_EQ(get(rope, Int(20)), "K");
  EXPECT_EQ(get(rope, RangeOf(Int(18), Int(22), false)), "ijKL");
}

TEST_F(AccessTest, MapLookup) {
  HandleScope scope(isolate());
  Handle<Value> m = Map({{S("a"), Int(1)}, {Int(2), S("two")}, {Tup({Int(0), Int(1)}), S("edge")}});
  EXPECT_EQ(Result(GetElement(isolate(), m, S("a"))), "1");
  EXPECT_EQ(Result(GetElement(isolate(), m, Int(2))), "two");
  EXPECT_EQ(Result(GetElement(isolate(), m, Tup({Int(0), Int(1)}))), "edge");
  EXPECT_EQ(Result(GetElement(isolate(), m, S("x"))),
            "error: Runtime error: Key 'x' not found in object");
  EXPECT_EQ(Result(GetElement(isolate(), m, Tup({Int(1), S("b")}))),
            "error: Runtime error: Key '(1, \"b\")' not found in object");
  EXPECT_EQ(Result(GetElement(isolate(), m, Arr({}))),
            "error: Runtime error: Key '[]' not found in object");
  EXPECT_EQ(Result(GetField(isolate(), m, Name("a"))), "1");
  EXPECT_EQ(Result(GetField(isolate(), m, Name("zz"))),
            "error: Runtime error: Object has no field named 'zz'");
}

TEST_F(AccessTest, Fields) {
  HandleScope scope(isolate());
  Handle<Shape> point = StructShape("Point", {"x", "y"});
  Handle<Value> p = Struct(point, {Int(1), Int(2)});
  EXPECT_EQ(Result(GetField(isolate(), p, Name("y"))), "2");
  EXPECT_EQ(Result(GetField(isolate(), p, Name("z"))),
            "error: Runtime error: Field 'z' not found in struct Point");
  Handle<Value> pair = Struct(StructShape("Pair", {"0", "1"}), {S("a"), S("b")});
  EXPECT_EQ(Result(GetField(isolate(), pair, Name("1"))), "b");
  Handle<Value> t = Tup({Int(4), Int(5), Int(6)});
  EXPECT_EQ(Result(GetField(isolate(), t, Name("2"))), "6");
  EXPECT_EQ(Result(GetField(isolate(), t, Name("3"))),
            "error: Runtime error: Index 3 out of bounds for tuple of length 3");
  EXPECT_EQ(Result(GetField(isolate(), t, Name("x"))),
            "error: Runtime error: Cannot access field 'x' on type tuple");
  EXPECT_EQ(Result(GetField(isolate(), t, Name("01"))),
            "error: Runtime error: Cannot access field '01' on type tuple");
  Handle<Value> calc = Instance("Calc", {{"value", Int(15)}});
  EXPECT_EQ(Result(GetField(isolate(), calc, Name("value"))), "15");
  EXPECT_EQ(Result(GetField(isolate(), calc, Name("nope"))),
            "error: Runtime error: Field 'nope' not found in class Calc");
  EXPECT_EQ(Result(GetField(isolate(), Int(5), Name("f"))),
            "error: Runtime error: Cannot access field 'f' on type integer");
  EXPECT_EQ(Result(GetField(isolate(), S("s"), Name("len"))),
            "error: Runtime error: Cannot access field 'len' on type string");
  Handle<EnumDescriptor> shape = ShapeEnum();
  Handle<Value> rect = Variant(shape, 1, {Int(3), Int(4)});
  EXPECT_EQ(Result(GetField(isolate(), rect, Name("h"))), "4");
  EXPECT_EQ(Result(GetField(isolate(), rect, Name("r"))),
            "error: Runtime error: Cannot access field 'r' on type enum_variant");
}

TEST_F(AccessTest, SetElementUnsharedArrayInPlace) {
  HandleScope scope(isolate());
  Handle<Value> a = Arr({Int(1), Int(2), Int(3)});
  Value before = *a;
  int64_t copies = isolate()->cow_copy_count();
  ASSERT_TRUE(SetElement(isolate(), &a, Int(1), Int(20)));
  ASSERT_TRUE(SetElement(isolate(), &a, Int(-1), S("last")));  // generalizes the kind
  ASSERT_TRUE(SetElement(isolate(), &a, Int(0), Float(0.5)));
  EXPECT_EQ(*a, before);
  EXPECT_EQ(isolate()->cow_copy_count(), copies);
  EXPECT_EQ(Text(a), "[0.5, 20, \"last\"]");
  EXPECT_FALSE(SetElement(isolate(), &a, Int(5), Int(1)));
  EXPECT_EQ(TakeError(), "Runtime error: Index 5 out of bounds for array of length 3");
  EXPECT_FALSE(SetElement(isolate(), &a, S("k"), Int(1)));
  EXPECT_EQ(TakeError(), "Runtime error: Cannot index array with string");
  EXPECT_EQ(*a, before);
}

TEST_F(AccessTest, SetElementSharedArrayCopiesOnce) {
  HandleScope scope(isolate());
  Handle<Value> original = Arr({Int(1), Arr({Int(2)})});
  MarkShared(*original);  // `let b = a`
  Handle<Value> place = original;
  Handle<Value> b = handle(*original, isolate());
  int64_t copies = isolate()->cow_copy_count();
  // An out-of-bounds store fails before anything is copied.
  EXPECT_FALSE(SetElement(isolate(), &place, Int(9), Int(0)));
  TakeError();
  EXPECT_EQ(isolate()->cow_copy_count(), copies);
  ASSERT_TRUE(SetElement(isolate(), &place, Int(0), Int(100)));
  EXPECT_EQ(isolate()->cow_copy_count(), copies + 1);
  EXPECT_NE(*place, *b);
  EXPECT_FALSE(IsShared(*place));
  EXPECT_TRUE(IsShared(Array::cast(*place).GetTagged(1)));       // the children are now shared
  ASSERT_TRUE(SetElement(isolate(), &place, Int(0), Int(200)));  // now unshared: in place
  EXPECT_EQ(isolate()->cow_copy_count(), copies + 1);
  EXPECT_EQ(Text(place), "[200, [2]]");
  EXPECT_EQ(Text(b), "[1, [2]]");
}

TEST_F(AccessTest, NestedPlaceCopiesOnlyTheSharedChild) {
  HandleScope scope(isolate());
  // p.pts[1] = 9 where pts is shared with another variable.
  Handle<Value> pts = Arr({Int(0), Int(1)});
  Handle<Value> other = handle(*pts, isolate());
  MarkShared(*pts);
  Handle<Value> p = Struct(StructShape("Poly", {"pts"}), {pts});
  int64_t copies = isolate()->cow_copy_count();
  Handle<Value> field = Check(GetField(isolate(), p, Name("pts")));
  ASSERT_TRUE(SetElement(isolate(), &field, Int(1), Int(9)));
  ASSERT_TRUE(SetField(isolate(), &p, Name("pts"), field));
  EXPECT_EQ(isolate()->cow_copy_count(), copies + 1);  // the array, not the unshared struct
  EXPECT_EQ(Text(p), "Poly {pts: [0, 9]}");
  EXPECT_EQ(Text(other), "[0, 1]");
}

TEST_F(AccessTest, NestedStoreUnsharesTopDown) {
  HandleScope scope(isolate());
  // let mut m = [[1, 2], [3, 4]]; let b = m; m[1][0] = 9
  Handle<Value> m = Arr({Arr({Int(1), Int(2)}), Arr({Int(3), Int(4)})});
  Handle<Value> b = handle(*m, isolate());
  MarkShared(*m);
  int64_t copies = isolate()->cow_copy_count();
  Handle<Value> inner = Check(GetElementForUpdate(isolate(), &m, Int(1)));
  EXPECT_EQ(isolate()->cow_copy_count(), copies + 1);  // the outer array
  EXPECT_TRUE(IsShared(*inner));                       // still referenced by b's array
  ASSERT_TRUE(SetElement(isolate(), &inner, Int(0), Int(9)));
  ASSERT_TRUE(SetElement(isolate(), &m, Int(1), inner));
  EXPECT_EQ(isolate()->cow_copy_count(), copies + 2);
  EXPECT_EQ(Text(m), "[[1, 2], [9, 4]]");
  EXPECT_EQ(Text(b), "[[1, 2], [3, 4]]");
  // Now nothing is aliased: the same nested store runs in place.
  Value outer_before = *m;
  Value inner_before = Array::cast(*m).GetTagged(1);
  Handle<Value> again = Check(GetElementForUpdate(isolate(), &m, Int(1)));
  ASSERT_TRUE(SetElement(isolate(), &again, Int(1), Int(40)));
  ASSERT_TRUE(SetElement(isolate(), &m, Int(1), again));
  EXPECT_EQ(isolate()->cow_copy_count(), copies + 2);
  EXPECT_EQ(*m, outer_before);
  EXPECT_EQ(*again, inner_before);
  EXPECT_EQ(Text(m), "[[1, 2], [9, 40]]");
  // A bad key fails before copying.
  MarkShared(*m);
  EXPECT_TRUE(GetElementForUpdate(isolate(), &m, Int(7)).is_null());
  EXPECT_EQ(TakeError(), "Runtime error: Index 7 out of bounds for array of length 2");
  EXPECT_EQ(isolate()->cow_copy_count(), copies + 2);

  // p.pts[0] = 5 through a shared struct.
  Handle<Value> p = Struct(StructShape("Poly", {"pts"}), {Arr({Int(0), Int(1)})});
  Handle<Value> q = handle(*p, isolate());
  MarkShared(*p);
  Handle<Value> pts = Check(GetFieldForUpdate(isolate(), &p, Name("pts")));
  ASSERT_TRUE(SetElement(isolate(), &pts, Int(0), Int(5)));
  ASSERT_TRUE(SetField(isolate(), &p, Name("pts"), pts));
  EXPECT_EQ(Text(p), "Poly {pts: [5, 1]}");
  EXPECT_EQ(Text(q), "Poly {pts: [0, 1]}");
  EXPECT_TRUE(GetFieldForUpdate(isolate(), &p, Name("nope")).is_null());
  EXPECT_EQ(TakeError(), "Runtime error: Field 'nope' not found in struct Poly");
}

TEST_F(AccessTest, SetElementTuplesAndMaps) {
  HandleScope scope(isolate());
  Handle<Value> t = Tup({Int(1), Int(2)});
  Value t_before = *t;
  ASSERT_TRUE(SetElement(isolate(), &t, Int(0), Int(10)));
  EXPECT_EQ(*t, t_before);
  EXPECT_EQ(Text(t), "(10, 2)");
  EXPECT_FALSE(SetElement(isolate(), &t, Int(2), Int(0)));
  EXPECT_EQ(TakeError(), "Runtime error: Index 2 out of bounds for tuple of length 2");

  Handle<Value> m = Map({{S("a"), Int(1)}});
  Handle<Value> alias = handle(*m, isolate());
  MarkShared(*m);
  int64_t copies = isolate()->cow_copy_count();
  ASSERT_TRUE(SetElement(isolate(), &m, S("b"), Int(2)));
  ASSERT_TRUE(SetElement(isolate(), &m, S("a"), Int(3)));
  ASSERT_TRUE(SetElement(isolate(), &m, Tup({Int(1), Bool(true)}), Nil()));
  EXPECT_EQ(isolate()->cow_copy_count(), copies + 1);
  EXPECT_EQ(Text(m), "{a: 3, b: 2, (1, true): nil}");
  EXPECT_EQ(Text(alias), "{a: 1}");
  EXPECT_FALSE(SetElement(isolate(), &m, Arr({}), Int(1)));
  EXPECT_EQ(TakeError(), "Type error: Cannot use array as a map key");
  EXPECT_FALSE(SetElement(isolate(), &m, Float(1.5), Int(1)));
  EXPECT_EQ(TakeError(), "Type error: Cannot use float as a map key");

  Handle<Value> s = S("abc");
  EXPECT_FALSE(SetElement(isolate(), &s, Int(0), S("x")));
  EXPECT_EQ(TakeError(),
            "Type error: Cannot assign to an index of a string (strings are immutable)");
  Handle<Value> n = Int(1);
  EXPECT_FALSE(SetElement(isolate(), &n, Int(0), Int(1)));
  EXPECT_EQ(TakeError(), "Runtime error: Cannot index integer with integer");
}

TEST_F(AccessTest, SetFieldCopyOnWrite) {
  HandleScope scope(isolate());
  Handle<Shape> point = StructShape("Point", {"x", "y"});
  Handle<Value> p = Struct(point, {Int(1), Int(2)});
  Value before = *p;
  int64_t copies = isolate()->cow_copy_count();
  ASSERT_TRUE(SetField(isolate(), &p, Name("x"), Int(5)));
  EXPECT_EQ(*p, before);
  EXPECT_EQ(isolate()->cow_copy_count(), copies);
  Handle<Value> q = handle(*p, isolate());
  MarkShared(*p);
  ASSERT_TRUE(SetField(isolate(), &p, Name("y"), Int(7)));
  EXPECT_EQ(isolate()->cow_copy_count(), copies + 1);
  EXPECT_EQ(Text(p), "Point {x: 5, y: 7}");
  EXPECT_EQ(Text(q), "Point {x: 5, y: 2}");
  EXPECT_FALSE(SetField(isolate(), &p, Name("z"), Int(0)));
  EXPECT_EQ(TakeError(), "Runtime error: Field 'z' not found in struct Point");

  // Tuples by field name, maps by string key, enum struct variants by field.
  Handle<Value> t = Tup({Int(1), Int(2)});
  ASSERT_TRUE(SetField(isolate(), &t, Name("1"), Int(7)));
  EXPECT_EQ(Text(t), "(1, 7)");
  EXPECT_FALSE(SetField(isolate(), &t, Name("2"), Int(7)));
  EXPECT_EQ(TakeError(), "Runtime error: Index 2 out of bounds for tuple of length 2");
  Handle<Value> m = Map({});
  ASSERT_TRUE(SetField(isolate(), &m, Name("k"), Int(1)));
  EXPECT_EQ(Text(m), "{k: 1}");
  Handle<EnumDescriptor> shape = ShapeEnum();
  Handle<Value> rect = Variant(shape, 1, {Int(3), Int(4)});
  MarkShared(*rect);
  Handle<Value> rect_alias = handle(*rect, isolate());
  ASSERT_TRUE(SetField(isolate(), &rect, Name("w"), Int(30)));
  EXPECT_EQ(Text(rect), "Rect {h: 4, w: 30}");
  EXPECT_EQ(Text(rect_alias), "Rect {h: 4, w: 3}");
  Handle<Value> n = Float(1);
  EXPECT_FALSE(SetField(isolate(), &n, Name("f"), Int(0)));
  EXPECT_EQ(TakeError(), "Runtime error: Cannot access field 'f' on type float");
}

TEST_F(AccessTest, ClassInstancesAreReferences) {
  HandleScope scope(isolate());
  Handle<Value> calc = Instance("Calc", {{"value", Int(1)}});
  Handle<Value> alias = handle(*calc, isolate());
  Value before = *calc;
  int64_t copies = isolate()->cow_copy_count();
  ASSERT_TRUE(SetField(isolate(), &calc, Name("value"), Int(2)));
  ASSERT_TRUE(SetField(isolate(), &calc, Name("extra"), S("added")));
  EXPECT_EQ(*calc, before);
  EXPECT_EQ(isolate()->cow_copy_count(), copies);
  EXPECT_EQ(Text(alias), "Calc {extra: \"added\", value: 2}");
}

// Access paths that allocate (boxing doubles, substrings, copies) under --stress-gc.
class AccessStressTest : public ValueOpsTest {
 protected:
  void SetUp() override { SetUpIsolate(StressHeapOptions()); }
};

TEST_F(AccessStressTest, AllocatingPaths) {
  HandleScope scope(isolate());
  Handle<Value> doubles = Arr({Float(0.5), Float(1.5), Float(2.5)});
  EXPECT_EQ(Result(GetElement(isolate(), doubles, Int(2))), "2.5");
  EXPECT_EQ(Result(GetElement(isolate(), doubles, RangeOf(Int(1), Nil(), false))), "[1.5, 2.5]");
  Handle<Value> rope =
      Check(factory()->NewConsString(Str("ünïcödé text, long enough "), Str("to be a rope")));
  EXPECT_EQ(Result(GetElement(isolate(), rope, Int(2))), "ï");
  EXPECT_EQ(Result(GetElement(isolate(), rope, RangeOf(Int(14), Int(20), false))), "long e");
  Handle<Value> shared = Arr({S("a"), Arr({Float(1)}), Tup({S("t")})});
  MarkShared(*shared);
  Handle<Value> place = shared;
  ASSERT_TRUE(SetElement(isolate(), &place, Int(0), Float(9.5)));
  EXPECT_EQ(Text(place), "[9.5, [1.0], (\"t\")]");
  EXPECT_EQ(Text(shared), "[\"a\", [1.0], (\"t\")]");
  Handle<Value> m = Map({{S("k"), Int(1)}});
  MarkShared(*m);
  for (int i = 0; i < 20; ++i) {
    ASSERT_TRUE(SetElement(isolate(), &m, Int(i), Float(i + 0.5)));
  }
  EXPECT_EQ(Result(GetElement(isolate(), m, Int(19))), "19.5");
  Handle<Value> p = Struct(StructShape("P", {"a"}), {Int(1)});
  MarkShared(*p);
  ASSERT_TRUE(SetField(isolate(), &p, Name("a"), Float(2.5)));
  EXPECT_EQ(Text(p), "P {a: 2.5}");
  EXPECT_EQ(Result(GetElement(isolate(), Int(1), Int(0))),
            "error: Runtime error: Cannot index integer with integer");
}

}  // namespace
}  // namespace ruchy::internal
