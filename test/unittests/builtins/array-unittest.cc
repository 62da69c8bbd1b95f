// Array methods that mutate in place and the plain readers, with copy-on-write behaviour:
// an unshared receiver is changed without copying, a shared one is copied once and the
// copy replaces the receiver's place.
#include "test/unittests/builtins/builtins-test-utils.h"

namespace ruchy::internal {
namespace {

using ArrayBuiltinsTest = BuiltinsTest;

TEST_F(ArrayBuiltinsTest, PushPopInPlace) {
  H v = V("[]");
  EXPECT_EQ(MP(&v, "push", {"1"}), "nil");
  EXPECT_EQ(MP(&v, "push", {"'two'"}), "nil");
  EXPECT_EQ(MP(&v, "push", {"3.5"}), "nil");
  EXPECT_EQ(Show(v), R"([1, "two", 3.5])");
  EXPECT_EQ(MP(&v, "pop"), "Some(3.5)");
  EXPECT_EQ(MP(&v, "pop"), "Some(\"two\")");
  EXPECT_EQ(MP(&v, "pop"), "Some(1)");
  EXPECT_EQ(MP(&v, "pop"), "None");
  EXPECT_EQ(Show(v), "[]");
}

TEST_F(ArrayBuiltinsTest, PushOnUnsharedArrayNeverCopies) {
  H v = V("[]");
  int64_t copies = isolate()->cow_copy_count();
  for (int i = 0; i < 10000; ++i) {
    HandleScope scope(isolate());
    ASSERT_EQ(MethodValues(&v, "push", {Int(i)}), "nil");
  }
  EXPECT_EQ(isolate()->cow_copy_count(), copies);
  EXPECT_EQ(Array::cast(*v).length(), 10000);
}

TEST_F(ArrayBuiltinsTest, PushOnSharedArrayCopiesOnce) {
  H a = V("[1, 2]");
  MarkShared(*a);
  H b = Slot(a);  // a second reference, as `let b = a` makes
  int64_t copies = isolate()->cow_copy_count();
  EXPECT_EQ(MP(&b, "push", {"3"}), "nil");
  EXPECT_EQ(MP(&b, "push", {"4"}), "nil");
  EXPECT_EQ(isolate()->cow_copy_count(), copies + 1);
  EXPECT_EQ(Show(a), "[1, 2]");
  EXPECT_EQ(Show(b), "[1, 2, 3, 4]");
  EXPECT_NE(*a, *b);
}

TEST_F(ArrayBuiltinsTest, NestedContainersStayValues) {
  H a = V("[[1], [2]]");
  // get() hands out a second reference to the element: it must be marked shared.
  ASSERT_EQ(MP(&a, "get", {"0"}), "Some([1])");
  EXPECT_TRUE(IsShared(Array::cast(*a).GetTagged(0)));
}

TEST_F(ArrayBuiltinsTest, InsertRemoveSwapTruncateClear) {
  H v = V("[1, 2, 3]");
  EXPECT_EQ(MP(&v, "insert", {"1", "9"}), "nil");
  EXPECT_EQ(Show(v), "[1, 9, 2, 3]");
  EXPECT_EQ(MP(&v, "insert", {"4", "10"}), "nil");  // at the end
  EXPECT_EQ(MP(&v, "insert", {"0", "0"}), "nil");
  EXPECT_EQ(Show(v), "[0, 1, 9, 2, 3, 10]");
  EXPECT_EQ(MP(&v, "insert", {"7", "1"}),
            "error: Runtime error: Index 7 out of bounds for array of length 6");
  EXPECT_EQ(MP(&v, "insert", {"-1", "1"}),
            "error: Runtime error: Index -1 out of bounds for array of length 6");
  EXPECT_EQ(MP(&v, "remove", {"0"}), "0");
  EXPECT_EQ(MP(&v, "remove", {"4"}), "10");
  EXPECT_EQ(Show(v), "[1, 9, 2, 3]");
  EXPECT_EQ(MP(&v, "remove", {"4"}),
            "error: Runtime error: Index 4 out of bounds for array of length 4");
  EXPECT_EQ(MP(&v, "remove", {"'x'"}),
            "error: Type error: remove() expects an integer as argument 1, got string");
  EXPECT_EQ(MP(&v, "swap", {"0", "3"}), "nil");
  EXPECT_EQ(Show(v), "[3, 9, 2, 1]");
  EXPECT_EQ(MP(&v, "swap", {"1", "1"}), "nil");
  EXPECT_EQ(MP(&v, "swap", {"0", "9"}),
            "error: Runtime error: Index 9 out of bounds for array of length 4");
  EXPECT_EQ(MP(&v, "swap_remove", {"0"}), "3");
  EXPECT_EQ(Show(v), "[1, 9, 2]");
  EXPECT_EQ(MP(&v, "truncate", {"5"}), "nil");
  EXPECT_EQ(Show(v), "[1, 9, 2]");
  EXPECT_EQ(MP(&v, "truncate", {"1"}), "nil");
  EXPECT_EQ(Show(v), "[1]");
  EXPECT_EQ(MP(&v, "truncate", {"-1"}),
            "error: Runtime error: truncate() expects a non-negative integer, got -1");
  EXPECT_EQ(MP(&v, "clear"), "nil");
  EXPECT_EQ(Show(v), "[]");
  EXPECT_EQ(MP(&v, "clear"), "nil");
  EXPECT_EQ(MP(&v, "remove", {"0"}),
            "error: Runtime error: Index 0 out of bounds for array of length 0");
}

TEST_F(ArrayBuiltinsTest, InsertRemoveOnFloatAndMixedArrays) {
  H v = V("[1.5, 2.5]");
  EXPECT_EQ(MP(&v, "insert", {"1", "2.0"}), "nil");
  EXPECT_EQ(Show(v), "[1.5, 2.0, 2.5]");
  EXPECT_EQ(MP(&v, "insert", {"0", "'x'"}), "nil");  // generalizes the elements kind
  EXPECT_EQ(Show(v), R"(["x", 1.5, 2.0, 2.5])");
  EXPECT_EQ(MP(&v, "remove", {"1"}), "1.5");
  EXPECT_EQ(MP(&v, "swap", {"0", "2"}), "nil");
  EXPECT_EQ(Show(v), R"([2.5, 2.0, "x"])");
}

TEST_F(ArrayBuiltinsTest, ExtendAppendFillResize) {
  H v = V("[1]");
  EXPECT_EQ(MP(&v, "extend", {"[2, 3]"}), "nil");
  EXPECT_EQ(MP(&v, "extend", {"4..6"}), "nil");
  EXPECT_EQ(MP(&v, "append", {"[]"}), "nil");
  EXPECT_EQ(Show(v), "[1, 2, 3, 4, 5]");
  EXPECT_EQ(MP(&v, "extend", {"Some(6)"}), "nil");
  EXPECT_EQ(MP(&v, "extend", {"None"}), "nil");
  EXPECT_EQ(Show(v), "[1, 2, 3, 4, 5, 6]");
  H self = Slot(v);
  EXPECT_EQ(MethodValues(&v, "extend", {self}), "nil");  // a snapshot of itself
  EXPECT_EQ(Array::cast(*v).length(), 12);
  EXPECT_EQ(MP(&v, "extend", {"5"}),
            "error: Type error: extend() expects an iterable (array, range, string, map or "
            "Option), got integer");
  H w = V("[1, 2, 3]");
  EXPECT_EQ(MP(&w, "fill", {"[0]"}), "nil");
  EXPECT_EQ(Show(w), "[[0], [0], [0]]");
  EXPECT_TRUE(IsShared(Array::cast(*w).GetTagged(0)));
  EXPECT_EQ(MP(&w, "resize", {"1", "0"}), "nil");
  EXPECT_EQ(Show(w), "[[0]]");
  EXPECT_EQ(MP(&w, "resize", {"3", "7"}), "nil");
  EXPECT_EQ(Show(w), "[[0], 7, 7]");
  EXPECT_EQ(MP(&w, "resize", {"1000000000000", "7"}), "error: Out of memory");
}

TEST_F(ArrayBuiltinsTest, DrainSplitOffRotateDedupReverse) {
  H v = V("[1, 2, 3, 4, 5]");
  EXPECT_EQ(MP(&v, "drain", {"1..3"}), "[2, 3]");
  EXPECT_EQ(Show(v), "[1, 4, 5]");
  EXPECT_EQ(MP(&v, "drain", {"..=0"}), "[1]");
  EXPECT_EQ(MP(&v, "drain", {"5..9"}),
            "error: Runtime error: drain() range 5..9 out of bounds for array of length 2");
  EXPECT_EQ(MP(&v, "drain"), "[4, 5]");
  EXPECT_EQ(Show(v), "[]");
  H w = V("[1, 2, 3, 4]");
  EXPECT_EQ(MP(&w, "split_off", {"1"}), "[2, 3, 4]");
  EXPECT_EQ(Show(w), "[1]");
  EXPECT_EQ(MP(&w, "split_off", {"2"}),
            "error: Runtime error: Index 2 out of bounds for array of length 1");
  H r = V("[1, 2, 3, 4, 5]");
  EXPECT_EQ(MP(&r, "rotate_left", {"2"}), "nil");
  EXPECT_EQ(Show(r), "[3, 4, 5, 1, 2]");
  EXPECT_EQ(MP(&r, "rotate_right", {"2"}), "nil");
  EXPECT_EQ(Show(r), "[1, 2, 3, 4, 5]");
  EXPECT_EQ(MP(&r, "rotate_left", {"6"}),
            "error: Runtime error: Index 6 out of bounds for array of length 5");
  H d = V("[1, 1, 2, 3, 3, 3, 1]");
  EXPECT_EQ(MP(&d, "dedup"), "nil");
  EXPECT_EQ(Show(d), "[1, 2, 3, 1]");
  H e = V("[]");
  EXPECT_EQ(MP(&e, "dedup"), "nil");
  EXPECT_EQ(MP(&d, "reverse"), "nil");
  EXPECT_EQ(Show(d), "[1, 3, 2, 1]");
  H f = V("[1.5, 'a', 2]");
  EXPECT_EQ(MP(&f, "reverse"), "nil");
  EXPECT_EQ(Show(f), R"([2, "a", 1.5])");
  H g = V("[0.5, 1.5, 2.5]");
  EXPECT_EQ(MP(&g, "reverse"), "nil");
  EXPECT_EQ(Show(g), "[2.5, 1.5, 0.5]");
}

TEST_F(ArrayBuiltinsTest, NextAndPeek) {
  H it = V("[1, 2.5, 'x']");
  EXPECT_EQ(MP(&it, "peek"), "Some(1)");
  EXPECT_EQ(MP(&it, "next"), "Some(1)");
  EXPECT_EQ(MP(&it, "next"), "Some(2.5)");
  EXPECT_EQ(MP(&it, "peek"), "Some(\"x\")");
  EXPECT_EQ(MP(&it, "next"), "Some(\"x\")");
  EXPECT_EQ(MP(&it, "next"), "None");
  EXPECT_EQ(MP(&it, "peek"), "None");
  H shared = V("[1, 2]");
  MarkShared(*shared);
  H other = Slot(shared);
  EXPECT_EQ(MP(&other, "next"), "Some(1)");
  EXPECT_EQ(Show(shared), "[1, 2]");
  EXPECT_EQ(Show(other), "[2]");
}

TEST_F(ArrayBuiltinsTest, LenGetContains) {
  EXPECT_EQ(M("[1, 2, 3]", "len"), "3");
  EXPECT_EQ(M("[]", "length"), "0");
  EXPECT_EQ(M("[]", "is_empty"), "true");
  EXPECT_EQ(M("[nil]", "is_empty"), "false");
  EXPECT_EQ(M("[10, 20]", "get", {"1"}), "Some(20)");
  EXPECT_EQ(M("[10, 20]", "get", {"2"}), "None");
  EXPECT_EQ(M("[10, 20]", "get", {"-1"}), "None");
  EXPECT_EQ(M("[10, 20, 30]", "get", {"1..3"}), "Some([20, 30])");
  EXPECT_EQ(M("[10, 20, 30]", "get", {"2..5"}), "None");
  EXPECT_EQ(M("[10, 20]", "get", {"'x'"}),
            "error: Type error: get() expects an integer as argument 1, got string");
  EXPECT_EQ(M("[1, 2, 3]", "contains", {"2"}), "true");
  EXPECT_EQ(M("[1, 2, 3]", "contains", {"2.0"}), "true");
  EXPECT_EQ(M("[1.5, 2.5]", "contains", {"2.5"}), "true");
  EXPECT_EQ(M("[1.5, 2.5]", "contains", {"'a'"}), "false");
  EXPECT_EQ(M("[[1], 'a']", "contains", {"[1]"}), "true");
  EXPECT_EQ(M("[]", "contains", {"nil"}), "false");
  EXPECT_EQ(M("['é', 'b']", "contains", {"'é'"}), "true");
}

TEST_F(ArrayBuiltinsTest, JoinConcatSlice) {
  EXPECT_EQ(M("['a', 'b', 'c']", "join", {"'-'"}), "\"a-b-c\"");
  EXPECT_EQ(M("[1, 2.0, 'x', [1]]", "join", {"', '"}), R"("1, 2.0, x, [1]")");
  EXPECT_EQ(M("[]", "join", {"','"}), "\"\"");
  EXPECT_EQ(M("['x']", "join", {"','"}), "\"x\"");
  EXPECT_EQ(M("['a', 'b']", "join"), "\"ab\"");
  EXPECT_EQ(M("['a']", "join", {"1"}),
            "error: Type error: join() expects a string as argument 1, got integer");
  EXPECT_EQ(M("[[1], [2, 3], []]", "concat"), "[1, 2, 3]");
  EXPECT_EQ(M("['a', 'b']", "concat"), "\"ab\"");
  EXPECT_EQ(M("[1, 2]", "concat", {"[3]"}), "[1, 2, 3]");
  EXPECT_EQ(M("[]", "concat"), "[]");
  EXPECT_EQ(M("[1, [2]]", "concat"),
            "error: Type error: concat() expects an array of arrays or strings, got integer");
  EXPECT_EQ(M("[0, 1, 2, 3]", "slice", {"1", "3"}), "[1, 2]");
  EXPECT_EQ(M("[0, 1, 2, 3]", "slice", {"2"}), "[2, 3]");
  EXPECT_EQ(M("[0, 1, 2, 3]", "slice", {"3", "1"}), "[]");
  EXPECT_EQ(M("[0, 1]", "slice", {"5", "9"}), "[]");
}

TEST_F(ArrayBuiltinsTest, IdentityAdaptersAndBinarySearch) {
  H v = V("[3, 1, 2]");
  H w = Slot(v);
  EXPECT_EQ(MP(&w, "iter"), "[3, 1, 2]");
  EXPECT_TRUE(IsShared(*v));
  EXPECT_EQ(M("[1]", "into_iter"), "[1]");
  EXPECT_EQ(M("[1]", "iter_mut"), "[1]");
  EXPECT_EQ(M("[1]", "to_vec"), "[1]");
  EXPECT_EQ(M("[1, 3, 5, 7]", "binary_search", {"5"}), "Ok(2)");
  EXPECT_EQ(M("[1, 3, 5, 7]", "binary_search", {"4"}), "Err(2)");
  EXPECT_EQ(M("[1, 3, 5, 7]", "binary_search", {"0"}), "Err(0)");
  EXPECT_EQ(M("[1, 3, 5, 7]", "binary_search", {"9"}), "Err(4)");
  EXPECT_EQ(M("[]", "binary_search", {"9"}), "Err(0)");
  EXPECT_EQ(M("['a', 'c']", "binary_search", {"'b'"}), "Err(1)");
  EXPECT_EQ(M("[1]", "binary_search", {"'b'"}).substr(0, 18), "error: Type error:");
}

TEST_F(ArrayBuiltinsTest, MutatorsSurviveGarbageCollection) {
  UseStressHeap();
  H v = V("[]");
  for (int i = 0; i < 200; ++i) {
    HandleScope inner(isolate());
    H element = V("['x', [1, 2.5]]");
    ASSERT_EQ(MethodValues(&v, "push", {element}), "nil");
    if (i % 7 == 0) {
      ASSERT_EQ(MP(&v, "insert", {"0", "1.5"}), "nil");
    }
    if (i % 11 == 0) {
      ASSERT_NE(MP(&v, "remove", {"0"}).substr(0, 6), "error:");
    }
  }
  EXPECT_EQ(Array::cast(*v).length(), 200 + 29 - 19);
  EXPECT_EQ(MP(&v, "dedup"), "nil");
}

}  // namespace
}  // namespace ruchy::internal
