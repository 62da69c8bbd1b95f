// The eager iterator surface on arrays and ranges: collect (with String/HashSet/HashMap
// hints), the adapters (map, filter, zip, windows...), the consumers (sum, fold, min...),
// callback errors, and ranges with and without materializing.
#include "test/unittests/builtins/builtins-test-utils.h"

namespace ruchy::internal {
namespace {

using IteratorBuiltinsTest = BuiltinsTest;

TEST_F(IteratorBuiltinsTest, Collect) {
  EXPECT_EQ(M("[1, 2]", "collect"), "[1, 2]");
  EXPECT_EQ(M("[1, 2]", "collect", {}, "Vec"), "[1, 2]");
  EXPECT_EQ(M("['a', 'b', 'c']", "collect", {}, "String"), "\"abc\"");
  EXPECT_EQ(M("['a', 1, 2.0]", "collect", {}, "String"), "\"a12.0\"");
  EXPECT_EQ(M("[3, 1, 3, 2]", "collect", {}, "HashSet"), "{1, 2, 3}");
  EXPECT_EQ(M("[('b', 2), ('a', 1), ('b', 3)]", "collect", {}, "HashMap"), "{a: 1, b: 3}");
  EXPECT_EQ(M("[1, 2]", "collect", {}, "HashMap"),
            "error: Type error: collect() expects (key, value) tuples, got integer");
  EXPECT_EQ(M("[[1]]", "collect", {}, "HashSet"),
            "error: Type error: Cannot use array as a map key");
  EXPECT_EQ(M("0..4", "collect"), "[0, 1, 2, 3]");
  EXPECT_EQ(M("1..=3", "iter"), "[1, 2, 3]");
  EXPECT_EQ(M("3..1", "into_iter"), "[]");
  EXPECT_EQ(M("[]", "collect", {}, "String"), "\"\"");
  EXPECT_EQ(M("[1]", "cloned"), "[1]");
  EXPECT_EQ(M("[1]", "copied"), "[1]");
  EXPECT_EQ(M("[Ok(1), Ok(2)]", "collect", {}, "Result"), "Ok([1, 2])");
  EXPECT_EQ(M("[Ok(1), Err('a'), Err('b')]", "collect", {}, "Result"), "Err(\"a\")");
  EXPECT_EQ(M("[]", "collect", {}, "Result"), "Ok([])");
  EXPECT_EQ(M("[Some(1), Some(2)]", "collect", {}, "Option"), "Some([1, 2])");
  EXPECT_EQ(M("[Some(1), None]", "collect", {}, "Option"), "None");
  EXPECT_EQ(M("[1]", "collect", {}, "Result"),
            "error: Type error: collect() expects Result values, got integer");
}

TEST_F(IteratorBuiltinsTest, FirstLastNthCount) {
  EXPECT_EQ(M("[1, 2, 3]", "first"), "Some(1)");
  EXPECT_EQ(M("[1, 2, 3]", "last"), "Some(3)");
  EXPECT_EQ(M("[]", "first"), "None");
  EXPECT_EQ(M("[]", "last"), "None");
  EXPECT_EQ(M("[1, 2, 3]", "nth", {"1"}), "Some(2)");
  EXPECT_EQ(M("[1, 2, 3]", "nth", {"3"}), "None");
  EXPECT_EQ(M("[1, 2, 3]", "nth", {"-1"}),
            "error: Runtime error: nth() expects a non-negative integer, got -1");
  EXPECT_EQ(M("[1, 2, 3]", "count"), "3");
  EXPECT_EQ(M("0..10", "count"), "10");
  EXPECT_EQ(M("5..=10", "last"), "Some(10)");
}

TEST_F(IteratorBuiltinsTest, SumProduct) {
  EXPECT_EQ(M("[1, 2, 3]", "sum"), "6");
  EXPECT_EQ(M("[1, 2.5]", "sum"), "3.5");
  EXPECT_EQ(M("[0.5, 0.5]", "sum"), "1.0");
  EXPECT_EQ(M("[]", "sum"), "0");
  EXPECT_EQ(M("[]", "sum", {}, "f64"), "0.0");
  EXPECT_EQ(M("[1, 2]", "sum", {}, "f64"), "3.0");
  EXPECT_EQ(M("[1, 2, 3, 4]", "product"), "24");
  EXPECT_EQ(M("[]", "product"), "1");
  EXPECT_EQ(M("[1.5, 2.0]", "product"), "3.0");
  EXPECT_EQ(M("[9223372036854775807, 1]", "sum"),
            "error: Runtime error: Integer overflow in addition");
  EXPECT_EQ(M("[4611686018427387903, 4611686018427387903]", "sum"), "9223372036854775806");
  EXPECT_EQ(M("[4294967296, 4294967296]", "product"),
            "error: Runtime error: Integer overflow in multiplication");
  EXPECT_EQ(M("[1, 'a']", "sum"), "error: Type error: sum() expects numbers, got string");
  EXPECT_EQ(M("['a', 'b']", "sum"), "error: Type error: sum() expects numbers, got string");
  EXPECT_EQ(M("1..=100", "sum"), "5050");
}

TEST_F(IteratorBuiltinsTest, MinMax) {
  EXPECT_EQ(M("[3, 1, 2]", "min"), "Some(1)");
  EXPECT_EQ(M("[3, 1, 2]", "max"), "Some(3)");
  EXPECT_EQ(M("[]", "min"), "None");
  EXPECT_EQ(M("['b', 'a']", "min"), "Some(\"a\")");
  EXPECT_EQ(M("[1, 2.5]", "max"), "Some(2.5)");
  EXPECT_EQ(M("[1, 'a']", "max").substr(0, 18), "error: Type error:");
  // Rust: max_by_key returns the last maximum, min_by_key the first minimum.
  EXPECT_EQ(M("[(1, 'a'), (2, 'b'), (2, 'c'), (1, 'd')]", "max_by_key", {"fn:first"}),
            "Some((2, \"c\"))");
  EXPECT_EQ(M("[(1, 'a'), (2, 'b'), (2, 'c'), (1, 'd')]", "min_by_key", {"fn:first"}),
            "Some((1, \"a\"))");
  EXPECT_EQ(M("[]", "max_by_key", {"fn:first"}), "None");
  EXPECT_EQ(M("[3, 1, 2]", "max_by", {"fn:cmp"}), "Some(3)");
  EXPECT_EQ(M("[3, 1, 2]", "min_by", {"fn:cmp"}), "Some(1)");
  EXPECT_EQ(M("[3, 1, 2]", "max_by", {"fn:rcmp"}), "Some(1)");
  EXPECT_EQ(M("[3, 1]", "max_by", {"fn:bad_cmp"}),
            "error: Type error: max_by() expects a comparator returning an Ordering, got string");
}

TEST_F(IteratorBuiltinsTest, Adapters) {
  EXPECT_EQ(M("[1, 2, 3]", "rev"), "[3, 2, 1]");
  EXPECT_EQ(M("[1, 2, 3]", "take", {"2"}), "[1, 2]");
  EXPECT_EQ(M("[1, 2, 3]", "take", {"10"}), "[1, 2, 3]");
  EXPECT_EQ(M("[1, 2, 3]", "skip", {"1"}), "[2, 3]");
  EXPECT_EQ(M("[1, 2, 3]", "skip", {"5"}), "[]");
  EXPECT_EQ(M("[1, 2, 3]", "take", {"-1"}),
            "error: Runtime error: take() expects a non-negative integer, got -1");
  EXPECT_EQ(M("0..10", "step_by", {"3"}), "[0, 3, 6, 9]");
  EXPECT_EQ(M("[1]", "step_by", {"0"}), "error: Runtime error: step_by() step must be positive");
  EXPECT_EQ(M("[1, 2]", "chain", {"[3]"}), "[1, 2, 3]");
  EXPECT_EQ(M("[1, 2]", "chain", {"3..5"}), "[1, 2, 3, 4]");
  EXPECT_EQ(M("['a', 'b', 'c']", "zip", {"[1, 2]"}), R"([("a", 1), ("b", 2)])");
  EXPECT_EQ(M("[]", "zip", {"[1, 2]"}), "[]");
  EXPECT_EQ(M("['a', 'b']", "enumerate"), R"([(0, "a"), (1, "b")])");
  EXPECT_EQ(M("[[1, 2], [], [3]]", "flatten"), "[1, 2, 3]");
  EXPECT_EQ(M("[Some(1), None, Some(3)]", "flatten"), "[1, 3]");
  EXPECT_EQ(M("[1]", "flatten"),
            "error: Type error: flatten() expects an iterable (array, range, string, map or "
            "Option), got integer");
  EXPECT_EQ(M("[(1, 'a'), (2, 'b')]", "unzip"), R"(([1, 2], ["a", "b"]))");
  EXPECT_EQ(M("[1]", "unzip"), "error: Type error: unzip() expects an array of pairs, got integer");
  EXPECT_EQ(M("[1, 2, 3, 4, 5]", "windows", {"2"}), "[[1, 2], [2, 3], [3, 4], [4, 5]]");
  EXPECT_EQ(M("[1, 2]", "windows", {"3"}), "[]");
  EXPECT_EQ(M("[1, 2, 3, 4, 5]", "chunks", {"2"}), "[[1, 2], [3, 4], [5]]");
  EXPECT_EQ(M("[]", "chunks", {"2"}), "[]");
  EXPECT_EQ(M("[1]", "windows", {"0"}), "error: Runtime error: windows() size must be positive");
  EXPECT_EQ(M("[1]", "chunks", {"0"}), "error: Runtime error: chunks() size must be positive");
}

TEST_F(IteratorBuiltinsTest, CallbackAdapters) {
  EXPECT_EQ(M("[1, 2, 3]", "map", {"fn:double"}), "[2, 4, 6]");
  EXPECT_EQ(M("[]", "map", {"fn:double"}), "[]");
  EXPECT_EQ(M("0..4", "map", {"fn:double"}), "[0, 2, 4, 6]");
  EXPECT_EQ(M("[1, 2, 3, 4]", "filter", {"fn:is_even"}), "[2, 4]");
  EXPECT_EQ(M("[1, nil, 0, false]", "filter", {"fn:ident"}), "[1, 0]");  // truthiness
  EXPECT_EQ(M("[1, 2, 3]", "filter_map", {"fn:some_if_odd"}), "[100, 300]");
  EXPECT_EQ(M("[Some(1), None, 3, nil]", "filter_map", {"fn:ident"}), "[1, 3]");
  EXPECT_EQ(M("[1, 2]", "flat_map", {"fn:dup"}), "[1, 10, 2, 20]");
  EXPECT_EQ(M("[1, 2]", "flat_map", {"fn:double"}),
            "error: Type error: flat_map() expects an iterable (array, range, string, map or "
            "Option), got integer");
  EXPECT_EQ(M("[1, 2]", "for_each", {"fn:double"}), "nil");
  EXPECT_EQ(callback_calls(), 3 + 4 + 4 + 4 + 3 + 4 + 2 + 1 + 2);
  EXPECT_EQ(M("[1, 2, 3, 4]", "fold", {"0", "fn:add"}), "10");
  EXPECT_EQ(M("[1, 2, 3, 4]", "fold", {"''", "fn:add"}), "\"1234\"");
  EXPECT_EQ(M("[]", "fold", {"7", "fn:add"}), "7");
  EXPECT_EQ(M("[1, 2, 3]", "reduce", {"fn:add"}), "Some(6)");
  EXPECT_EQ(M("[]", "reduce", {"fn:add"}), "None");
  EXPECT_EQ(M("[1, 2, 3]", "reduce", {"10", "fn:add"}), "16");
  EXPECT_EQ(M("[1, 2, 3, 4]", "partition", {"fn:is_even"}), "([2, 4], [1, 3])");
  EXPECT_EQ(M("[1, 2, 3, 1]", "take_while", {"fn:lt3"}), "[1, 2]");
  EXPECT_EQ(M("[1, 2, 3, 1]", "skip_while", {"fn:lt3"}), "[3, 1]");
  EXPECT_EQ(M("[1, 2]", "take_while", {"fn:lt3"}), "[1, 2]");
  EXPECT_EQ(M("[1, 2]", "skip_while", {"fn:lt3"}), "[]");
}

TEST_F(IteratorBuiltinsTest, SearchesStopEarly) {
  EXPECT_EQ(M("[2, 4, 6]", "any", {"fn:gt2"}), "true");
  EXPECT_EQ(callback_calls(), 2);
  EXPECT_EQ(M("[2, 4, 6]", "all", {"fn:is_even"}), "true");
  EXPECT_EQ(M("[2, 3, 6]", "all", {"fn:is_even"}), "false");
  EXPECT_EQ(M("[]", "all", {"fn:is_even"}), "true");
  EXPECT_EQ(M("[]", "any", {"fn:is_even"}), "false");
  EXPECT_EQ(M("[1, 3, 4, 5]", "find", {"fn:is_even"}), "Some(4)");
  EXPECT_EQ(M("[1, 3]", "find", {"fn:is_even"}), "None");
  EXPECT_EQ(M("[1, 3, 4, 5]", "position", {"fn:is_even"}), "Some(2)");
  EXPECT_EQ(M("[1, 3]", "position", {"fn:is_even"}), "None");
  EXPECT_EQ(M("[2, 3, 5]", "find_map", {"fn:some_if_odd"}), "Some(300)");
  EXPECT_EQ(M("[2, 4]", "find_map", {"fn:some_if_odd"}), "None");
}

TEST_F(IteratorBuiltinsTest, CallbackErrorsPropagate) {
  for (const char* method :
       {"map", "filter", "filter_map", "flat_map", "for_each", "any", "all", "find", "find_map",
        "position", "take_while", "skip_while", "partition", "min_by_key", "max_by_key"}) {
    EXPECT_EQ(M("[1, 2]", method, {"fn:fail"}), "error: Runtime error: boom") << method;
  }
  EXPECT_EQ(M("[1, 2]", "fold", {"0", "fn:fail"}), "error: Runtime error: boom");
  EXPECT_EQ(M("[1, 2]", "reduce", {"fn:fail"}), "error: Runtime error: boom");
  EXPECT_EQ(M("[1, 2]", "min_by", {"fn:fail"}), "error: Runtime error: boom");
  EXPECT_EQ(M("[1, 2]", "map", {"5"}),
            "error: Type error: Cannot call non-function value: integer");
  EXPECT_EQ(M("[]", "map", {"fn:fail"}), "[]");
}

TEST_F(IteratorBuiltinsTest, CallbackArgumentsAreShared) {
  // A callback that keeps its parameter (an element) must see it marked shared, so a
  // mutation through the parameter copies instead of changing the array.
  H v = V("[[1], [2]]");
  H place = Slot(v);
  EXPECT_EQ(MP(&place, "map", {"fn:ident"}), "[[1], [2]]");
  EXPECT_TRUE(IsShared(Array::cast(*v).GetTagged(0)));
}

TEST_F(IteratorBuiltinsTest, CallbackMutatingTheReceiverTerminates) {
  // `v.map(|x| { v.push(x); x })` with v captured by reference: the walk covers the
  // original elements only and never reads out of bounds.
  H v = V("[1, 2, 3]");
  H grow = Callable([v](Isolate* i, int, const H* a) -> MaybeHandle<Value> {
    if (!Array::Push(i, Handle<Array>::cast(v), a[0])) return {};
    return a[0];
  });
  EXPECT_EQ(MethodValues(&v, "map", {grow}), "[1, 2, 3]");
  EXPECT_EQ(Show(v), "[1, 2, 3, 1, 2, 3]");
  H shrink = Callable([v](Isolate* i, int, const H* a) -> MaybeHandle<Value> {
    if (Array::cast(*v).length() > 0) {
      Handle<Value> ignored;
      if (!Array::Pop(i, Handle<Array>::cast(v)).ToHandle(&ignored)) return {};
    }
    return a[0];
  });
  EXPECT_EQ(MethodValues(&v, "map", {shrink}), "[1, 2, 3]");
  EXPECT_EQ(Show(v), "[1, 2, 3]");
}

TEST_F(IteratorBuiltinsTest, Ranges) {
  EXPECT_EQ(M("0..5", "len"), "5");
  EXPECT_EQ(M("0..=5", "len"), "6");
  EXPECT_EQ(M("5..0", "len"), "0");
  EXPECT_EQ(M("0..5", "is_empty"), "false");
  EXPECT_EQ(M("5..5", "is_empty"), "true");
  EXPECT_EQ(M("1..5", "contains", {"1"}), "true");
  EXPECT_EQ(M("1..5", "contains", {"5"}), "false");
  EXPECT_EQ(M("1..=5", "contains", {"5"}), "true");
  EXPECT_EQ(M("1..5", "contains", {"2.5"}), "true");
  EXPECT_EQ(M("0.0..1.0", "contains", {"0.5"}), "true");
  EXPECT_EQ(M("'a'..'e'", "contains", {"'c'"}), "true");
  EXPECT_EQ(M("1..", "contains", {"1000000"}), "true");
  EXPECT_EQ(M("..3", "contains", {"-1000"}), "true");
  EXPECT_EQ(M("1..5", "contains", {"'x'"}).substr(0, 18), "error: Type error:");
  EXPECT_EQ(M("0..4", "rev"), "[3, 2, 1, 0]");
  EXPECT_EQ(M("0..4", "filter", {"fn:is_even"}), "[0, 2]");
  EXPECT_EQ(M("1..4", "product"), "6");
  EXPECT_EQ(M("1..=100", "sum"), "5050");
  EXPECT_EQ(M("-5..5", "sum"), "-5");
  EXPECT_EQ(M("5..1", "sum"), "0");
  EXPECT_EQ(M("1..=4", "sum", {}, "f64"), "10.0");
  EXPECT_EQ(M("0..1000000000000", "sum"), "error: Runtime error: Integer overflow in addition");
  EXPECT_EQ(M("0..3037000500", "sum"), "4611686016981624750");
  EXPECT_EQ(M("1..", "sum"), "error: Type error: sum() needs a range with integer bounds, got 1..");
  EXPECT_EQ(M("0..10", "count"), "10");
  EXPECT_EQ(M("1..", "map", {"fn:double"}),
            "error: Type error: map() needs a range with integer bounds, got 1..");
  EXPECT_EQ(M("0..9223372036854775807", "map", {"fn:double"}), "error: Out of memory");
  EXPECT_EQ(M("0..=9223372036854775807", "len"),
            "error: Runtime error: Integer overflow in addition");
  EXPECT_EQ(M("-9223372036854775807..9223372036854775807", "len"),
            "error: Runtime error: Integer overflow in subtraction");
}

}  // namespace
}  // namespace ruchy::internal
