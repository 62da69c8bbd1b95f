// Arithmetic, equality, ordering, truthiness, type names and casts of values
// (src/runtime/value-ops.h), including the integer limits and the Smi/HeapInt boundary.
#include <cmath>
#include <limits>

#include "test/unittests/runtime/value-test-utils.h"

namespace ruchy::internal {
namespace {

constexpr int64_t kMax = std::numeric_limits<int64_t>::max();
constexpr int64_t kMin = std::numeric_limits<int64_t>::min();

using ArithmeticTest = ValueOpsTest;

TEST_F(ArithmeticTest, IntegerBasics) {
  HandleScope scope(isolate());
  EXPECT_EQ(Bin(BinaryOp::kAdd, Int(2), Int(3)), "5");
  EXPECT_EQ(Bin(BinaryOp::kSub, Int(2), Int(3)), "-1");
  EXPECT_EQ(Bin(BinaryOp::kMul, Int(-4), Int(3)), "-12");
  EXPECT_EQ(Bin(BinaryOp::kDiv, Int(7), Int(2)), "3");
  EXPECT_EQ(Bin(BinaryOp::kDiv, Int(-7), Int(2)), "-3");
  EXPECT_EQ(Bin(BinaryOp::kDiv, Int(7), Int(-2)), "-3");
  EXPECT_EQ(Bin(BinaryOp::kMod, Int(7), Int(3)), "1");
  EXPECT_EQ(Bin(BinaryOp::kMod, Int(-7), Int(3)), "-1");
  EXPECT_EQ(Bin(BinaryOp::kMod, Int(7), Int(-3)), "1");
  EXPECT_EQ(Bin(BinaryOp::kMod, Int(-7), Int(-3)), "-1");
  EXPECT_EQ(Bin(BinaryOp::kMod, Int(-6), Int(4)), "-2");
}

TEST_F(ArithmeticTest, DivisionByZero) {
  HandleScope scope(isolate());
  EXPECT_EQ(Bin(BinaryOp::kDiv, Int(1), Int(0)), "error: Division by zero");
  EXPECT_EQ(Bin(BinaryOp::kMod, Int(1), Int(0)), "error: Division by zero");
  EXPECT_EQ(Bin(BinaryOp::kDiv, Int(kMax), Int(0)), "error: Division by zero");
  // Floats never raise: IEEE results.
  EXPECT_EQ(Bin(BinaryOp::kDiv, Float(1), Float(0)), "inf");
  EXPECT_EQ(Bin(BinaryOp::kDiv, Float(-1), Float(0)), "-inf");
  EXPECT_EQ(Bin(BinaryOp::kDiv, Float(0), Float(0)), "NaN");
  EXPECT_EQ(Bin(BinaryOp::kDiv, Int(1), Float(0)), "inf");
  EXPECT_EQ(Bin(BinaryOp::kDiv, Float(1), Int(0)), "inf");
  EXPECT_EQ(Bin(BinaryOp::kMod, Float(5), Float(0)), "NaN");
  EXPECT_EQ(Bin(BinaryOp::kMod, Int(5), Float(0)), "NaN");
  EXPECT_EQ(Bin(BinaryOp::kMod, Float(5.5), Int(0)), "NaN");
}

TEST_F(ArithmeticTest, OverflowAtTheLimits) {
  HandleScope scope(isolate());
  EXPECT_EQ(Bin(BinaryOp::kAdd, Int(kMax), Int(1)),
            "error: Runtime error: Integer overflow in addition");
  EXPECT_EQ(Bin(BinaryOp::kAdd, Int(kMin), Int(-1)),
            "error: Runtime error: Integer overflow in addition");
  EXPECT_EQ(Bin(BinaryOp::kSub, Int(kMin), Int(1)),
            "error: Runtime error: Integer overflow in subtraction");
  EXPECT_EQ(Bin(BinaryOp::kSub, Int(0), Int(kMin)),
            "error: Runtime error: Integer overflow in subtraction");
  EXPECT_EQ(Bin(BinaryOp::kMul, Int(kMax), Int(2)),
            "error: Runtime error: Integer overflow in multiplication");
  EXPECT_EQ(Bin(BinaryOp::kMul, Int(kMin), Int(-1)),
            "error: Runtime error: Integer overflow in multiplication");
  EXPECT_EQ(Bin(BinaryOp::kMul, Int(3037000500), Int(3037000500)),
            "error: Runtime error: Integer overflow in multiplication");
  EXPECT_EQ(Bin(BinaryOp::kDiv, Int(kMin), Int(-1)),
            "error: Runtime error: Integer overflow in division");
  EXPECT_EQ(Bin(BinaryOp::kMod, Int(kMin), Int(-1)),
            "error: Runtime error: Integer overflow in modulo");
  EXPECT_EQ(Un(UnaryOp::kNegate, Int(kMin)), "error: Runtime error: Integer overflow in negation");
  // Exact right at the limits.
  EXPECT_EQ(Bin(BinaryOp::kAdd, Int(kMax - 1), Int(1)), "9223372036854775807");
  EXPECT_EQ(Bin(BinaryOp::kSub, Int(kMin + 1), Int(1)), "-9223372036854775808");
  EXPECT_EQ(Bin(BinaryOp::kAdd, Int(kMin), Int(kMax)), "-1");
  EXPECT_EQ(Bin(BinaryOp::kDiv, Int(kMax), Int(-1)), "-9223372036854775807");
  EXPECT_EQ(Bin(BinaryOp::kDiv, Int(kMin), Int(2)), "-4611686018427387904");
  EXPECT_EQ(Bin(BinaryOp::kMul, Int(3037000499), Int(3037000499)), "9223372030926249001");
  EXPECT_EQ(Bin(BinaryOp::kMod, Int(kMin), Int(kMax)), "-1");
  EXPECT_EQ(Un(UnaryOp::kNegate, Int(kMax)), "-9223372036854775807");
}

TEST_F(ArithmeticTest, SmiHeapIntBoundary) {
  HandleScope scope(isolate());
  // kSmiMaxValue + 1 = 2^62 must become a HeapInt, and come back to a Smi.
  Handle<Value> top = Check(BinaryOperation(isolate(), BinaryOp::kAdd, Int(kSmiMaxValue), Int(1)));
  EXPECT_TRUE((*top).IsHeapInt());
  EXPECT_EQ(IntegerValue(*top), int64_t{1} << 62);
  Handle<Value> back = Check(BinaryOperation(isolate(), BinaryOp::kSub, top, Int(1)));
  EXPECT_TRUE((*back).IsSmi());
  EXPECT_EQ(IntegerValue(*back), kSmiMaxValue);
  Handle<Value> bottom =
      Check(BinaryOperation(isolate(), BinaryOp::kSub, Int(kSmiMinValue), Int(1)));
  EXPECT_TRUE((*bottom).IsHeapInt());
  EXPECT_EQ(IntegerValue(*bottom), kSmiMinValue - 1);
  // Negating the smallest Smi leaves the Smi range.
  Handle<Value> negated = Check(UnaryOperation(isolate(), UnaryOp::kNegate, Int(kSmiMinValue)));
  EXPECT_TRUE((*negated).IsHeapInt());
  EXPECT_EQ(IntegerValue(*negated), int64_t{1} << 62);
  // HeapInt operands all the way.
  EXPECT_EQ(Bin(BinaryOp::kMul, Int(int64_t{1} << 62), Int(-2)), "-9223372036854775808");
  EXPECT_EQ(Bin(BinaryOp::kMul, Int(int64_t{1} << 62), Int(2)),
            "error: Runtime error: Integer overflow in multiplication");
  EXPECT_EQ(Bin(BinaryOp::kDiv, Int(kMin), Int(int64_t{1} << 62)), "-2");
  EXPECT_EQ(Bin(BinaryOp::kBitAnd, Int(kMin), Int(kMax)), "0");
  EXPECT_EQ(Bin(BinaryOp::kBitOr, Int(kMin), Int(kMax)), "-1");
  EXPECT_EQ(NumberValue(*Int(int64_t{1} << 62)), 4611686018427387904.0);
  EXPECT_EQ(NumberValue(*Float(2.5)), 2.5);
}

TEST_F(ArithmeticTest, Power) {
  HandleScope scope(isolate());
  EXPECT_EQ(Bin(BinaryOp::kExp, Int(2), Int(10)), "1024");
  EXPECT_EQ(Bin(BinaryOp::kExp, Int(0), Int(0)), "1");
  EXPECT_EQ(Bin(BinaryOp::kExp, Int(-2), Int(3)), "-8");
  EXPECT_EQ(Bin(BinaryOp::kExp, Int(2), Int(62)), "4611686018427387904");
  EXPECT_EQ(Bin(BinaryOp::kExp, Int(-2), Int(63)), "-9223372036854775808");
  EXPECT_EQ(Bin(BinaryOp::kExp, Int(10), Int(18)), "1000000000000000000");
  EXPECT_EQ(Bin(BinaryOp::kExp, Int(1), Int(kMax)), "1");
  EXPECT_EQ(Bin(BinaryOp::kExp, Int(-1), Int(kMax)), "-1");
  EXPECT_EQ(Bin(BinaryOp::kExp, Int(0), Int(kMax)), "0");
  // Overflow and negative exponents give floats.
  EXPECT_EQ(Bin(BinaryOp::kExp, Int(2), Int(63)), "9223372036854775808.0");
  EXPECT_EQ(Bin(BinaryOp::kExp, Int(2), Int(64)), "18446744073709551616.0");
  EXPECT_EQ(Bin(BinaryOp::kExp, Int(10), Int(19)), "10000000000000000000.0");
  EXPECT_EQ(Bin(BinaryOp::kExp, Int(2), Int(-1)), "0.5");
  EXPECT_EQ(Bin(BinaryOp::kExp, Int(10), Int(-3)), "0.001");
  EXPECT_EQ(Bin(BinaryOp::kExp, Int(1), Int(-1)), "1.0");
  EXPECT_EQ(Bin(BinaryOp::kExp, Int(0), Int(-1)), "inf");
  EXPECT_EQ(Bin(BinaryOp::kExp, Int(2), Float(0.5)), "1.4142135623730951");
  EXPECT_EQ(Bin(BinaryOp::kExp, Float(2), Int(3)), "8.0");
  EXPECT_EQ(Bin(BinaryOp::kExp, Float(1.5), Int(2)), "2.25");
  Handle<Value> r = Check(BinaryOperation(isolate(), BinaryOp::kExp, Int(2), Int(-1)));
  EXPECT_TRUE((*r).IsHeapNumber());
}

TEST_F(ArithmeticTest, FloatsAndMixing) {
  HandleScope scope(isolate());
  EXPECT_EQ(Bin(BinaryOp::kAdd, Int(1), Float(2)), "3.0");
  EXPECT_EQ(Bin(BinaryOp::kSub, Int(5), Float(0.5)), "4.5");
  EXPECT_EQ(Bin(BinaryOp::kMul, Int(3), Float(1.5)), "4.5");
  EXPECT_EQ(Bin(BinaryOp::kDiv, Int(7), Float(2)), "3.5");
  EXPECT_EQ(Bin(BinaryOp::kDiv, Float(1), Int(4)), "0.25");
  EXPECT_EQ(Bin(BinaryOp::kAdd, Float(0.1), Float(0.2)), "0.30000000000000004");
  EXPECT_EQ(Bin(BinaryOp::kMod, Float(-7.5), Int(2)), "-1.5");
  EXPECT_EQ(Bin(BinaryOp::kMul, Float(0), Float(-1)), "-0.0");
  EXPECT_EQ(Bin(BinaryOp::kSub, Float(INFINITY), Float(INFINITY)), "NaN");
  EXPECT_EQ(Un(UnaryOp::kNegate, Float(2.5)), "-2.5");
  EXPECT_EQ(Un(UnaryOp::kNegate, Float(0)), "-0.0");
  // Large ints promote exactly where doubles can.
  EXPECT_EQ(Bin(BinaryOp::kAdd, Int(kMax), Float(0)), "9223372036854775808.0");
}

TEST_F(ArithmeticTest, Bitwise) {
  HandleScope scope(isolate());
  EXPECT_EQ(Bin(BinaryOp::kBitAnd, Int(6), Int(3)), "2");
  EXPECT_EQ(Bin(BinaryOp::kBitOr, Int(6), Int(3)), "7");
  EXPECT_EQ(Bin(BinaryOp::kBitXor, Int(6), Int(3)), "5");
  EXPECT_EQ(Un(UnaryOp::kBitNot, Int(5)), "-6");
  EXPECT_EQ(Bin(BinaryOp::kShl, Int(1), Int(10)), "1024");
  EXPECT_EQ(Bin(BinaryOp::kShr, Int(1024), Int(3)), "128");
  EXPECT_EQ(Bin(BinaryOp::kShr, Int(-16), Int(2)), "-4");
  EXPECT_EQ(Bin(BinaryOp::kBitAnd, Int(-1), Int(255)), "255");
  EXPECT_EQ(Bin(BinaryOp::kBitXor, Int(5), Int(-1)), "-6");
  EXPECT_EQ(Bin(BinaryOp::kShl, Int(1), Int(63)), "-9223372036854775808");
  EXPECT_EQ(Bin(BinaryOp::kShl, Int(3), Int(62)), "-4611686018427387904");  // bits drop off
  EXPECT_EQ(Bin(BinaryOp::kShr, Int(kMin), Int(63)), "-1");
  EXPECT_EQ(Bin(BinaryOp::kShl, Int(1), Int(64)),
            "error: Runtime error: Integer overflow in left shift");
  EXPECT_EQ(Bin(BinaryOp::kShl, Int(1), Int(-1)),
            "error: Runtime error: Integer overflow in left shift");
  EXPECT_EQ(Bin(BinaryOp::kShr, Int(1), Int(64)),
            "error: Runtime error: Integer overflow in right shift");
  EXPECT_EQ(Bin(BinaryOp::kBitAnd, Float(1), Int(1)),
            "error: Runtime error: Bitwise operations require integer operands, got float and "
            "integer");
  EXPECT_EQ(Bin(BinaryOp::kShl, Int(1), S("a")),
            "error: Runtime error: Bitwise operations require integer operands, got integer and "
            "string");
  EXPECT_EQ(Un(UnaryOp::kBitNot, Float(1)),
            "error: Runtime error: Bitwise operations require integer operands, got float");
  // Booleans: non-short-circuit logic.
  EXPECT_EQ(Bin(BinaryOp::kBitAnd, Bool(true), Bool(false)), "false");
  EXPECT_EQ(Bin(BinaryOp::kBitOr, Bool(true), Bool(false)), "true");
  EXPECT_EQ(Bin(BinaryOp::kBitXor, Bool(true), Bool(true)), "false");
}

TEST_F(ArithmeticTest, StringsAndArrays) {
  HandleScope scope(isolate());
  EXPECT_EQ(Bin(BinaryOp::kAdd, S("foo"), S("bar")), "foobar");
  EXPECT_EQ(Bin(BinaryOp::kAdd, S("n="), Int(5)), "n=5");
  EXPECT_EQ(Bin(BinaryOp::kAdd, S("x"), Float(2)), "x2");
  EXPECT_EQ(Bin(BinaryOp::kAdd, S("v="), Float(2.5)), "v=2.5");
  EXPECT_EQ(Bin(BinaryOp::kAdd, S("t="), Bool(true)), "t=true");
  EXPECT_EQ(Bin(BinaryOp::kAdd, Int(5), S("!")), "5!");
  EXPECT_EQ(Bin(BinaryOp::kAdd, Float(-4), S("")), "-4");
  EXPECT_EQ(Bin(BinaryOp::kAdd, S("a"), Arr({Int(1), S("b"), Float(1)})), "a[1, \"b\", 1.0]");
  EXPECT_EQ(Bin(BinaryOp::kAdd, S("nil: "), Nil()), "nil: nil");
  EXPECT_EQ(Bin(BinaryOp::kMul, S("ab"), Int(3)), "ababab");
  EXPECT_EQ(Bin(BinaryOp::kMul, S("ab"), Int(0)), "");
  EXPECT_EQ(Bin(BinaryOp::kMul, S("ab"), Int(-2)), "");
  EXPECT_EQ(Bin(BinaryOp::kMul, S("é"), Int(2)), "éé");
  EXPECT_EQ(Bin(BinaryOp::kMul, S("ab"), Int(kMax)), "error: Out of memory");
  EXPECT_EQ(Bin(BinaryOp::kMul, Int(3), S("ab")),
            "error: Type error: Cannot multiply integer and string");
  EXPECT_EQ(Bin(BinaryOp::kAdd, Arr({Int(1), Int(2)}), Arr({Int(3)})), "[1, 2, 3]");
  EXPECT_EQ(Bin(BinaryOp::kAdd, Arr({Float(1.5)}), Arr({Float(2)})), "[1.5, 2.0]");
  EXPECT_EQ(Bin(BinaryOp::kAdd, Arr({Int(1)}), Arr({Float(2.5), S("x")})), "[1, 2.5, \"x\"]");
  EXPECT_EQ(Bin(BinaryOp::kAdd, Arr({Float(0.5)}), Arr({Int(7)})), "[0.5, 7]");
  EXPECT_EQ(Bin(BinaryOp::kAdd, Arr({}), Arr({Float(0.5)})), "[0.5]");
  EXPECT_EQ(Bin(BinaryOp::kAdd, Arr({}), Arr({})), "[]");
  // The concatenation shares nested containers with its operands.
  Handle<Value> inner = Arr({Int(1)});
  Handle<Value> joined =
      Check(BinaryOperation(isolate(), BinaryOp::kAdd, Arr({inner}), Arr({Int(2)})));
  EXPECT_TRUE(IsShared(*inner));
  EXPECT_FALSE(IsShared(*joined));
}

TEST_F(ArithmeticTest, TypeErrors) {
  HandleScope scope(isolate());
  EXPECT_EQ(Bin(BinaryOp::kAdd, Int(1), Bool(true)),
            "error: Type error: Cannot add integer and boolean");
  EXPECT_EQ(Bin(BinaryOp::kSub, S("a"), Int(1)),
            "error: Type error: Cannot subtract integer from string");
  EXPECT_EQ(Bin(BinaryOp::kMul, S("a"), S("b")),
            "error: Type error: Cannot multiply string and string");
  EXPECT_EQ(Bin(BinaryOp::kDiv, S("a"), Int(1)),
            "error: Type error: Cannot divide string by integer");
  EXPECT_EQ(Bin(BinaryOp::kMod, Nil(), Int(1)),
            "error: Type error: Cannot compute nil modulo integer");
  EXPECT_EQ(Bin(BinaryOp::kExp, Arr({}), Int(1)),
            "error: Type error: Cannot compute array to the power of integer");
  EXPECT_EQ(Bin(BinaryOp::kAdd, Arr({}), Tup({Int(1)})),
            "error: Type error: Cannot add array and tuple");
  EXPECT_EQ(Bin(BinaryOp::kAdd, Map({}), Map({})),
            "error: Type error: Cannot add object and object");
  EXPECT_EQ(Un(UnaryOp::kNegate, S("a")), "error: Type error: Cannot negate string");
  EXPECT_EQ(Un(UnaryOp::kNegate, Bool(true)), "error: Type error: Cannot negate boolean");
}

TEST_F(ArithmeticTest, BinaryOpNames) {
  EXPECT_STREQ(BinaryOpName(BinaryOp::kAdd), "+");
  EXPECT_STREQ(BinaryOpName(BinaryOp::kExp), "**");
  EXPECT_STREQ(BinaryOpName(BinaryOp::kShr), ">>");
  EXPECT_STREQ(BinaryOpName(BinaryOp::kBitXor), "^");
}

using TruthTest = ValueOpsTest;

TEST_F(TruthTest, OnlyFalseAndNilAreFalsy) {
  HandleScope scope(isolate());
  EXPECT_FALSE(IsTruthy(*Nil()));
  EXPECT_FALSE(IsTruthy(*Bool(false)));
  EXPECT_TRUE(IsTruthy(*Bool(true)));
  EXPECT_TRUE(IsTruthy(*Int(0)));
  EXPECT_TRUE(IsTruthy(*Float(0)));
  EXPECT_TRUE(IsTruthy(*S("")));
  EXPECT_TRUE(IsTruthy(*Arr({})));
  EXPECT_EQ(Un(UnaryOp::kNot, Nil()), "true");
  EXPECT_EQ(Un(UnaryOp::kNot, Int(0)), "false");
  EXPECT_EQ(Un(UnaryOp::kNot, Bool(false)), "true");
}

TEST_F(TruthTest, TypeNames) {
  HandleScope scope(isolate());
  EXPECT_STREQ(TypeName(*Int(1)), "integer");
  EXPECT_STREQ(TypeName(*Int(kMax)), "integer");
  EXPECT_STREQ(TypeName(*Float(1.5)), "float");
  EXPECT_STREQ(TypeName(*Bool(true)), "boolean");
  EXPECT_STREQ(TypeName(*S("s")), "string");
  EXPECT_STREQ(TypeName(*Nil()), "nil");
  EXPECT_STREQ(TypeName(*Arr({})), "array");
  EXPECT_STREQ(TypeName(*Tup({Int(1), Int(2)})), "tuple");
  EXPECT_STREQ(TypeName(*RangeOf(Int(0), Int(5), false)), "range");
  EXPECT_STREQ(TypeName(*Map({})), "object");
  EXPECT_STREQ(TypeName(*Struct(StructShape("P", {"x"}), {Int(1)})), "struct");
  EXPECT_STREQ(TypeName(*Some(Int(1))), "enum_variant");
  EXPECT_STREQ(TypeName(*Closure()), "function");
  EXPECT_STREQ(TypeName(*Instance("Calc", {{"v", Int(1)}})), "class");
  Handle<PlainObject> literal = Check(factory()->NewPlainObject(factory()->plain_object_shape()));
  EXPECT_STREQ(TypeName(*literal), "object");
  EXPECT_STREQ(TypeName(*Check(factory()->NewTypeDescriptor(TypeDescriptor::kStruct, Name("P")))),
               "type");
}

using EqualityTest = ValueOpsTest;

TEST_F(EqualityTest, Numbers) {
  HandleScope scope(isolate());
  EXPECT_TRUE(ValuesEqual(*Int(1), *Float(1)));
  EXPECT_TRUE(ValuesEqual(*Float(1), *Int(1)));
  EXPECT_FALSE(ValuesEqual(*Int(1), *Float(1.5)));
  EXPECT_TRUE(ValuesEqual(*Int(kMax), *Int(kMax)));  // two HeapInt objects
  EXPECT_FALSE(ValuesEqual(*Int(kMax), *Int(kMax - 1)));
  // Exact: 2^63 - 1 is not the double 2^63 it would round to.
  EXPECT_FALSE(ValuesEqual(*Int(kMax), *Float(9223372036854775808.0)));
  EXPECT_TRUE(ValuesEqual(*Int(kMin), *Float(-9223372036854775808.0)));
  EXPECT_TRUE(ValuesEqual(*Float(-0.0), *Float(0.0)));
  Handle<Value> nan = Float(NAN);
  EXPECT_FALSE(ValuesEqual(*nan, *nan));
  EXPECT_FALSE(ValuesEqual(*Arr({nan}), *Arr({nan})));
  Handle<Value> nans = Arr({nan});
  EXPECT_FALSE(ValuesEqual(*nans, *nans));  // same object, still IEEE
}

TEST_F(EqualityTest, KindsAndStructure) {
  HandleScope scope(isolate());
  EXPECT_FALSE(ValuesEqual(*Int(1), *S("1")));
  EXPECT_FALSE(ValuesEqual(*Nil(), *Bool(false)));
  EXPECT_TRUE(ValuesEqual(*Nil(), *Nil()));
  Handle<String> long_a = Str("a string long enough to be a rope ");
  Handle<Value> rope = Check(factory()->NewConsString(long_a, Str("when joined")));
  EXPECT_TRUE(ValuesEqual(*rope, *S("a string long enough to be a rope when joined")));
  EXPECT_TRUE(
      ValuesEqual(*Arr({Int(1), Arr({Int(2), Int(3)})}), *Arr({Int(1), Arr({Int(2), Int(3)})})));
  EXPECT_FALSE(ValuesEqual(*Arr({Int(1), Int(2)}), *Arr({Int(2), Int(1)})));
  EXPECT_FALSE(ValuesEqual(*Arr({Int(1)}), *Arr({Int(1), Int(1)})));
  EXPECT_TRUE(ValuesEqual(*Arr({Float(1), Float(2.5)}), *Arr({Int(1), Float(2.5)})));
  EXPECT_FALSE(ValuesEqual(*Arr({Int(1)}), *Tup({Int(1)})));
  EXPECT_TRUE(ValuesEqual(*Tup({Int(1), S("a")}), *Tup({Int(1), S("a")})));
  EXPECT_FALSE(ValuesEqual(*Tup({Int(1), S("a")}), *Tup({Int(1), S("b")})));
  EXPECT_TRUE(ValuesEqual(*Map({{S("a"), Int(1)}, {S("b"), Int(2)}}),
                          *Map({{S("b"), Int(2)}, {S("a"), Int(1)}})));
  EXPECT_FALSE(ValuesEqual(*Map({{S("a"), Int(1)}}), *Map({{S("a"), Int(2)}})));
  EXPECT_FALSE(ValuesEqual(*Map({{S("a"), Int(1)}}), *Map({{S("b"), Int(1)}})));
  EXPECT_FALSE(ValuesEqual(*Map({{S("a"), Int(1)}}), *Map({})));
  EXPECT_TRUE(ValuesEqual(*Arr({}), *Arr({})));
  EXPECT_TRUE(ValuesEqual(*RangeOf(Int(0), Int(5), false), *RangeOf(Int(0), Int(5), false)));
  EXPECT_FALSE(ValuesEqual(*RangeOf(Int(0), Int(5), false), *RangeOf(Int(0), Int(5), true)));
}

TEST_F(EqualityTest, MapsWithDeletedEntriesAndBoundaryIntegers) {
  HandleScope scope(isolate());
  Handle<Value> m = Map({{S("a"), Int(1)}, {S("b"), Int(2)}, {S("c"), Int(3)}});
  ASSERT_TRUE(HashMap::cast(*m).Remove(isolate(), *S("b")));
  EXPECT_TRUE(ValuesEqual(*m, *Map({{S("c"), Int(3)}, {S("a"), Int(1)}})));
  EXPECT_FALSE(ValuesEqual(*m, *Map({{S("a"), Int(1)}, {S("b"), Int(2)}})));
  EXPECT_EQ(Text(m), "{a: 1, c: 3}");
  // Around the Smi/HeapInt boundary, integers equal each other and floats exactly.
  EXPECT_TRUE(ValuesEqual(*Int(kSmiMaxValue + 1), *Float(4611686018427387904.0)));
  EXPECT_TRUE(ValuesEqual(*Int(kSmiMaxValue + 1), *Int(kSmiMaxValue + 1)));
  EXPECT_FALSE(ValuesEqual(*Int(kSmiMaxValue), *Int(kSmiMaxValue + 1)));
  EXPECT_EQ(Cmp(Int(kSmiMaxValue), Int(kSmiMaxValue + 1)), "<");
  EXPECT_EQ(Cmp(Int(kSmiMinValue - 1), Int(kSmiMinValue)), "<");
}

TEST_F(EqualityTest, StructsEnumsInstancesFunctions) {
  HandleScope scope(isolate());
  Handle<Shape> point = StructShape("Point", {"x", "y"});
  Handle<Shape> other = StructShape("Other", {"x", "y"});
  EXPECT_TRUE(ValuesEqual(*Struct(point, {Int(1), Int(2)}), *Struct(point, {Int(1), Int(2)})));
  EXPECT_FALSE(ValuesEqual(*Struct(point, {Int(1), Int(2)}), *Struct(point, {Int(1), Int(3)})));
  EXPECT_FALSE(ValuesEqual(*Struct(point, {Int(1), Int(2)}), *Struct(other, {Int(1), Int(2)})));
  EXPECT_TRUE(ValuesEqual(*Some(Int(1)), *Some(Int(1))));
  EXPECT_FALSE(ValuesEqual(*Some(Int(1)), *Some(Int(2))));
  EXPECT_FALSE(ValuesEqual(*Some(Int(1)), *None()));
  EXPECT_TRUE(ValuesEqual(*None(), *None()));
  Handle<EnumDescriptor> shape = ShapeEnum();
  EXPECT_TRUE(ValuesEqual(*Variant(shape, 2, {}), *Variant(shape, 2, {})));
  EXPECT_FALSE(ValuesEqual(*Variant(shape, 0, {Int(1)}), *Variant(shape, 2, {})));
  Handle<Value> a = Instance("C", {{"v", Int(1)}});
  Handle<Value> b = Instance("C", {{"v", Int(1)}});
  EXPECT_TRUE(ValuesEqual(*a, *a));
  EXPECT_FALSE(ValuesEqual(*a, *b));  // identity
  Handle<Value> f = Closure();
  EXPECT_TRUE(ValuesEqual(*f, *f));
  EXPECT_FALSE(ValuesEqual(*f, *Closure()));
}

TEST_F(EqualityTest, DeepNestingDoesNotRecurse) {
  HandleScope scope(isolate());
  Handle<Value> a = Arr({Int(1)});
  Handle<Value> b = Arr({Int(1)});
  for (int i = 0; i < 200000; ++i) {
    HandleScope inner(isolate());
    Handle<Value> na = Arr({a});
    Handle<Value> nb = Arr({b});
    *a.location() = (*na).ptr();
    *b.location() = (*nb).ptr();
  }
  EXPECT_TRUE(ValuesEqual(*a, *b));
  EXPECT_EQ(Cmp(a, b), "=");
}

using OrderingTest = ValueOpsTest;

TEST_F(OrderingTest, NumbersStringsBooleans) {
  HandleScope scope(isolate());
  EXPECT_EQ(Cmp(Int(1), Int(2)), "<");
  EXPECT_EQ(Cmp(Int(2), Float(2.5)), "<");
  EXPECT_EQ(Cmp(Float(3), Int(3)), "=");
  EXPECT_EQ(Cmp(Int(-1), Float(-1.5)), ">");
  EXPECT_EQ(Cmp(Int(kMax), Float(9223372036854775808.0)), "<");
  EXPECT_EQ(Cmp(Int(kMin), Float(-9223372036854775808.0)), "=");
  EXPECT_EQ(Cmp(Int(kMin), Float(-1e300)), ">");
  EXPECT_EQ(Cmp(Int(kMax - 1), Int(kMax)), "<");
  EXPECT_EQ(Cmp(S("apple"), S("banana")), "<");
  EXPECT_EQ(Cmp(S("Zebra"), S("apple")), "<");
  EXPECT_EQ(Cmp(S("ab"), S("abc")), "<");
  EXPECT_EQ(Cmp(S("b"), S("abc")), ">");
  EXPECT_EQ(Cmp(S("abc"), S("abc")), "=");
  EXPECT_EQ(Cmp(Bool(false), Bool(true)), "<");
  Handle<Value> rope = Check(factory()->NewConsString(Str("a rope long enough to stay a rope "),
                                                      Str("and compare chunkwise")));
  ASSERT_TRUE((*rope).IsConsString());
  EXPECT_EQ(Cmp(rope, S("a rope long enough to stay a rope and compare chunkwisf")), "<");
  EXPECT_EQ(Cmp(rope, S("a rope long enough to stay a rope and compare chunkwise")), "=");
  EXPECT_EQ(Cmp(S("é"), S("e")), ">");  // bytes: 0xC3 > 'e'
  EXPECT_EQ(Cmp(Int(1), S("1")),
            "error: Type error: Cannot compare integer and string for ordering");
  EXPECT_EQ(Cmp(Arr({}), Map({})),
            "error: Type error: Cannot compare array and object for ordering");
  EXPECT_EQ(Cmp(Nil(), Int(1)), "error: Type error: Cannot compare nil and integer for ordering");
}

TEST_F(OrderingTest, SequencesLexicographically) {
  HandleScope scope(isolate());
  EXPECT_EQ(Cmp(Arr({Int(1), Int(2)}), Arr({Int(1), Int(3)})), "<");
  EXPECT_EQ(Cmp(Arr({Int(1), Int(2)}), Arr({Int(1)})), ">");
  EXPECT_EQ(Cmp(Arr({}), Arr({Int(1)})), "<");
  EXPECT_EQ(Cmp(Arr({Float(1.5), Int(2)}), Arr({Float(1.5), Int(2)})), "=");
  EXPECT_EQ(Cmp(Tup({Int(1), S("b")}), Tup({Int(1), S("a")})), ">");
  EXPECT_EQ(Cmp(Tup({Tup({Int(1), Int(2)}), Int(0)}), Tup({Tup({Int(1), Int(3)}), Int(-5)})), "<");
  EXPECT_EQ(Cmp(Arr({Int(1)}), Tup({Int(1)})),
            "error: Type error: Cannot compare array and tuple for ordering");
  EXPECT_EQ(Cmp(Arr({Int(1)}), Arr({S("a")})),
            "error: Type error: Cannot compare array and array for ordering");
  // The first differing element decides before an incomparable later one.
  EXPECT_EQ(Cmp(Arr({Int(1), Int(5)}), Arr({Int(2), S("x")})), "<");
}

TEST_F(OrderingTest, EnumsAndStructs) {
  HandleScope scope(isolate());
  EXPECT_EQ(Cmp(None(), Some(Int(0))), "<");
  EXPECT_EQ(Cmp(Some(Int(1)), Some(Int(2))), "<");
  EXPECT_EQ(Cmp(Some(Int(2)), Some(Int(2))), "=");
  Handle<Shape> point = StructShape("Point", {"x", "y"});
  EXPECT_EQ(Cmp(Struct(point, {Int(1), Int(9)}), Struct(point, {Int(2), Int(0)})), "<");
  EXPECT_EQ(
      Cmp(Struct(point, {Int(1), Int(9)}), Struct(StructShape("Q", {"x", "y"}), {Int(1), Int(9)})),
      "error: Type error: Cannot compare struct and struct for ordering");
  EXPECT_EQ(Cmp(Instance("C", {}), Instance("C", {})),
            "error: Type error: Cannot compare class and class for ordering");
}

TEST_F(OrderingTest, NaN) {
  HandleScope scope(isolate());
  Handle<Value> nan = Float(NAN);
  // Sorting: a total order with NaN last.
  EXPECT_EQ(Cmp(nan, Float(1)), ">");
  EXPECT_EQ(Cmp(Int(1), nan), "<");
  EXPECT_EQ(Cmp(nan, nan), "=");
  // Operators: IEEE, all false.
  for (CompareOp op : {CompareOp::kLessThan, CompareOp::kLessThanOrEqual, CompareOp::kGreaterThan,
                       CompareOp::kGreaterThanOrEqual}) {
    EXPECT_EQ(CompareOperation(isolate(), op, *nan, *Float(1)), std::optional<bool>(false));
    EXPECT_EQ(CompareOperation(isolate(), op, *Int(1), *nan), std::optional<bool>(false));
    EXPECT_EQ(CompareOperation(isolate(), op, *Arr({nan}), *Arr({Int(1)})),
              std::optional<bool>(false));
  }
  EXPECT_FALSE(isolate()->has_pending_exception());
}

TEST_F(OrderingTest, CompareOperation) {
  HandleScope scope(isolate());
  EXPECT_EQ(CompareOperation(isolate(), CompareOp::kLessThan, *Int(1), *Int(2)), true);
  EXPECT_EQ(CompareOperation(isolate(), CompareOp::kLessThanOrEqual, *Int(2), *Float(2)), true);
  EXPECT_EQ(CompareOperation(isolate(), CompareOp::kGreaterThan, *Int(2), *Float(2)), false);
  EXPECT_EQ(CompareOperation(isolate(), CompareOp::kGreaterThanOrEqual, *S("b"), *S("a")), true);
  EXPECT_EQ(CompareOperation(isolate(), CompareOp::kLessThan, *Float(6.99), *Int(7)), true);
  EXPECT_EQ(CompareOperation(isolate(), CompareOp::kLessThan, *Bool(true), *Int(1)), std::nullopt);
  EXPECT_EQ(TakeError(), "Type error: Cannot compare boolean and integer for ordering");
}

using CastTest = ValueOpsTest;

TEST_F(CastTest, Integers) {
  HandleScope scope(isolate());
  EXPECT_EQ(Cast(Int(300), "i64"), "300");
  EXPECT_EQ(Cast(Int(300), "usize"), "300");
  EXPECT_EQ(Cast(Int(300), "u8"), "44");
  EXPECT_EQ(Cast(Int(-1), "u8"), "255");
  EXPECT_EQ(Cast(Int(200), "i8"), "-56");
  EXPECT_EQ(Cast(Int(65536 + 5), "u16"), "5");
  EXPECT_EQ(Cast(Int(int64_t{1} << 31), "i32"), "-2147483648");
  EXPECT_EQ(Cast(Int(int64_t{1} << 32), "u32"), "0");
  EXPECT_EQ(Cast(Int(kMin), "i128"), "-9223372036854775808");
  EXPECT_EQ(Cast(Int(-1), "u64"), "-1");
  EXPECT_EQ(Cast(Float(3.9), "i32"), "3");
  EXPECT_EQ(Cast(Float(-3.9), "i64"), "-3");
  EXPECT_EQ(Cast(Float(1e300), "i64"), "9223372036854775807");
  EXPECT_EQ(Cast(Float(-1e300), "i64"), "-9223372036854775808");
  EXPECT_EQ(Cast(Float(300.5), "u8"), "255");
  EXPECT_EQ(Cast(Float(-5), "usize"), "0");
  EXPECT_EQ(Cast(Float(NAN), "i32"), "0");
  EXPECT_EQ(Cast(Bool(true), "i32"), "1");
  EXPECT_EQ(Cast(Bool(false), "usize"), "0");
  EXPECT_EQ(Cast(S("a"), "u8"), "97");
  EXPECT_EQ(Cast(S("é"), "u32"), "233");
  EXPECT_EQ(Cast(S("€"), "u8"), "172");  // U+20AC truncated, as Rust's `as u8`
  EXPECT_EQ(Cast(S("😀"), "i64"), "128512");
  EXPECT_EQ(Cast(S("ab"), "usize"), "error: Type error: Cannot cast string to usize");
  EXPECT_EQ(Cast(Nil(), "i32"), "error: Type error: Cannot cast nil to i32");
  Handle<Value> big = Int(kSmiMaxValue + 10);
  Handle<Value> same = Check(CastValue(isolate(), big, "i64"));
  EXPECT_EQ(*same, *big);
}

TEST_F(CastTest, FloatsBoolsCharsStrings) {
  HandleScope scope(isolate());
  EXPECT_EQ(Cast(Int(2), "f64"), "2.0");
  EXPECT_EQ(Cast(Int(kMax), "f32"), "9223372036854775808.0");
  EXPECT_EQ(Cast(Float(2.5), "f64"), "2.5");
  EXPECT_EQ(Cast(S("x"), "f64"), "error: Type error: Cannot cast string to f64");
  EXPECT_EQ(Cast(Bool(true), "bool"), "true");
  EXPECT_EQ(Cast(Int(1), "bool"), "error: Type error: Cannot cast integer to bool");
  EXPECT_EQ(Cast(Int(97), "char"), "a");
  EXPECT_EQ(Cast(Int(233), "char"), "é");
  EXPECT_EQ(Cast(Int(0x1F600), "char"), "😀");
  EXPECT_EQ(Cast(Int(0xD800), "char"),
            "error: Runtime error: 55296 is not a valid char code point");
  EXPECT_EQ(Cast(Int(-1), "char"), "error: Runtime error: -1 is not a valid char code point");
  EXPECT_EQ(Cast(S("z"), "char"), "z");
  EXPECT_EQ(Cast(S("zz"), "char"), "error: Type error: Cannot cast string to char");
  EXPECT_EQ(Cast(S("text"), "String"), "text");
  EXPECT_EQ(Cast(S("text"), "str"), "text");
  EXPECT_EQ(Cast(Int(1), "String"), "error: Type error: Cannot cast integer to String");
  EXPECT_EQ(Cast(Int(1), "Foo"), "error: Type error: Cannot cast integer to Foo");
}

TEST_F(CastTest, EnumDiscriminants) {
  HandleScope scope(isolate());
  Handle<EnumDescriptor> shape = ShapeEnum();
  EXPECT_EQ(Cast(Variant(shape, 2, {}), "i32"), "2");
  EXPECT_EQ(Cast(Variant(shape, 0, {Int(1)}), "i32"),
            "error: Type error: Cannot cast enum_variant to i32");
  Handle<FixedArray> discriminants = Check(factory()->NewFixedArray(3));
  discriminants->set(0, Smi::FromInt(10));
  discriminants->set(1, Smi::FromInt(20));
  discriminants->set(2, Smi::FromInt(300));
  shape->set_discriminants(*discriminants);
  EXPECT_EQ(Cast(Variant(shape, 2, {}), "usize"), "300");
  EXPECT_EQ(Cast(Variant(shape, 2, {}), "u8"), "44");
}

// The allocating operations again under --stress-gc (a GC at every allocation).
class ValueOpsStressTest : public ValueOpsTest {
 protected:
  void SetUp() override { SetUpIsolate(StressHeapOptions()); }
};

TEST_F(ValueOpsStressTest, ArithmeticUnderStressGc) {
  HandleScope scope(isolate());
  EXPECT_EQ(Bin(BinaryOp::kAdd, Int(kSmiMaxValue), Int(1)), "4611686018427387904");
  EXPECT_EQ(Bin(BinaryOp::kAdd, Float(0.5), Int(1)), "1.5");
  EXPECT_EQ(Bin(BinaryOp::kAdd, S("a long left-hand string part "), Float(2.5)),
            "a long left-hand string part 2.5");
  EXPECT_EQ(Bin(BinaryOp::kAdd, Int(7), S(" and a long right-hand string part")),
            "7 and a long right-hand string part");
  EXPECT_EQ(Bin(BinaryOp::kMul, S("xyz"), Int(4)), "xyzxyzxyzxyz");
  EXPECT_EQ(Bin(BinaryOp::kAdd, Arr({Float(1.5), Float(2.5)}), Arr({S("s"), Int(3)})),
            "[1.5, 2.5, \"s\", 3]");
  EXPECT_EQ(Bin(BinaryOp::kAdd, Arr({Int(1), Arr({S("x")})}), Arr({Float(0.25), Float(0.5)})),
            "[1, [\"x\"], 0.25, 0.5]");
  EXPECT_EQ(Bin(BinaryOp::kDiv, Int(1), Int(0)), "error: Division by zero");
  EXPECT_EQ(Cast(Int(0x1F600), "char"), "😀");
  EXPECT_EQ(Cast(Float(1e300), "i64"), "9223372036854775807");
  EXPECT_EQ(Un(UnaryOp::kNegate, Int(kSmiMinValue)), "4611686018427387904");
  EXPECT_GT(heap()->stats().scavenges, 10);
}

}  // namespace
}  // namespace ruchy::internal
