// HashMap and HashSet methods, entries (entry(k).or_insert(v) and writes through them),
// constructors and collect; copy-on-write on maps; a property test against std::map.
#include <map>
#include <random>

#include "src/builtins/builtins-utils.h"
#include "test/unittests/builtins/builtins-test-utils.h"

namespace ruchy::internal {
namespace {

class MapBuiltinsTest : public BuiltinsTest {
 protected:
  // map.entry(key) on the place *map, as the interpreter calls it.
  H EntryOf(H* map, const char* key) {
    std::vector<H> args = {V(key)};
    std::optional<BuiltinMethodId> id = LookupBuiltinMethod(isolate(), **map, "entry");
    CHECK(id.has_value());
    CHECK(BuiltinMethodMutatesReceiver(*id));
    BuiltinArguments call;
    call.isolate = isolate();
    call.receiver = map;
    call.argc = 1;
    call.argv = args.data();
    call.name = "entry";
    return Check(CallBuiltinMethod(*id, call));
  }
};

TEST_F(MapBuiltinsTest, InsertGetRemove) {
  H m = V("{}");
  EXPECT_EQ(MP(&m, "is_empty"), "true");
  EXPECT_EQ(MP(&m, "insert", {"'apple'", "3"}), "None");
  EXPECT_EQ(MP(&m, "insert", {"'banana'", "5"}), "None");
  EXPECT_EQ(MP(&m, "insert", {"'apple'", "4"}), "Some(3)");
  EXPECT_EQ(MP(&m, "len"), "2");
  EXPECT_EQ(MP(&m, "get", {"'apple'"}), "Some(4)");
  EXPECT_EQ(MP(&m, "get", {"'cherry'"}), "None");
  EXPECT_EQ(MP(&m, "get", {"[1]"}), "None");  // not a possible key
  EXPECT_EQ(MP(&m, "get_mut", {"'banana'"}), "Some(5)");
  EXPECT_EQ(MP(&m, "contains_key", {"'banana'"}), "true");
  EXPECT_EQ(MP(&m, "contains_key", {"'cherry'"}), "false");
  EXPECT_EQ(Show(m), "{apple: 4, banana: 5}");
  EXPECT_EQ(MP(&m, "remove", {"'apple'"}), "Some(4)");
  EXPECT_EQ(MP(&m, "remove", {"'apple'"}), "None");
  EXPECT_EQ(MP(&m, "remove", {"[1]"}), "None");
  EXPECT_EQ(MP(&m, "insert", {"[1]", "1"}), "error: Type error: Cannot use array as a map key");
  EXPECT_EQ(MP(&m, "insert", {"'k'"}),
            "error: Runtime error: insert() on a HashMap expects 2 arguments (a key and a "
            "value), got 1");
  EXPECT_EQ(MP(&m, "clear"), "nil");
  EXPECT_EQ(Show(m), "{}");
}

TEST_F(MapBuiltinsTest, KeyKinds) {
  H m = V("{}");
  EXPECT_EQ(MP(&m, "insert", {"1", "'a'"}), "None");
  EXPECT_EQ(MP(&m, "insert", {"(0, 1)", "'edge'"}), "None");
  EXPECT_EQ(MP(&m, "insert", {"true", "1"}), "None");
  EXPECT_EQ(MP(&m, "insert", {"9223372036854775807", "'big'"}), "None");
  EXPECT_EQ(MP(&m, "get", {"(0, 1)"}), "Some(\"edge\")");
  EXPECT_EQ(MP(&m, "get", {"(1, 0)"}), "None");
  EXPECT_EQ(MP(&m, "get", {"1"}), "Some(\"a\")");
  EXPECT_EQ(MP(&m, "get", {"true"}), "Some(1)");
  EXPECT_EQ(MP(&m, "get", {"9223372036854775807"}), "Some(\"big\")");
  EXPECT_EQ(MP(&m, "insert", {"1.5", "1"}).substr(0, 26), "error: Type error: Cannot ");
}

TEST_F(MapBuiltinsTest, KeysValuesIterInInsertionOrder) {
  H m = V("{}");
  MP(&m, "insert", {"'zeta'", "1"});
  MP(&m, "insert", {"'alpha'", "2"});
  MP(&m, "insert", {"'mid'", "3"});
  MP(&m, "insert", {"'alpha'", "20"});  // keeps its position
  EXPECT_EQ(MP(&m, "keys"), R"(["zeta", "alpha", "mid"])");
  EXPECT_EQ(MP(&m, "values"), "[1, 20, 3]");
  EXPECT_EQ(MP(&m, "iter"), R"([("zeta", 1), ("alpha", 20), ("mid", 3)])");
  EXPECT_EQ(MP(&m, "into_iter"), R"([("zeta", 1), ("alpha", 20), ("mid", 3)])");
  EXPECT_EQ(Show(m), "{alpha: 20, mid: 3, zeta: 1}");
  MP(&m, "remove", {"'zeta'"});
  EXPECT_EQ(MP(&m, "keys"), R"(["alpha", "mid"])");
  EXPECT_EQ(M("{}", "keys"), "[]");
  EXPECT_EQ(M("{a: [1]}", "values_mut"), "[[1]]");
}

TEST_F(MapBuiltinsTest, ExtendRetain) {
  H m = V("{a: 1}");
  EXPECT_EQ(MP(&m, "extend", {"[('b', 2), ('c', 5)]"}), "nil");
  EXPECT_EQ(Show(m), "{a: 1, b: 2, c: 5}");
  EXPECT_EQ(MP(&m, "extend", {"[1]"}),
            "error: Type error: extend() expects (key, value) tuples, got integer");
  EXPECT_EQ(MP(&m, "retain", {"fn:pair_sum_gt3"}), "nil");
  EXPECT_EQ(Show(m), "{c: 5}");
  EXPECT_EQ(MP(&m, "retain", {"fn:fail"}), "error: Runtime error: boom");
  H s = V("set{1, 2, 3, 4}");
  EXPECT_EQ(MP(&s, "retain", {"fn:is_even"}), "nil");
  EXPECT_EQ(Show(s), "{2, 4}");
}

TEST_F(MapBuiltinsTest, MapCopyOnWrite) {
  H a = V("{x: [1]}");
  MarkShared(*a);
  H b = Slot(a);
  int64_t copies = isolate()->cow_copy_count();
  EXPECT_EQ(MP(&b, "insert", {"'y'", "2"}), "None");
  EXPECT_EQ(MP(&b, "insert", {"'z'", "3"}), "None");
  EXPECT_EQ(isolate()->cow_copy_count(), copies + 1);
  EXPECT_EQ(Show(a), "{x: [1]}");
  EXPECT_EQ(Show(b), "{x: [1], y: 2, z: 3}");
  // get() hands out a second reference to a stored container: it is marked shared.
  EXPECT_EQ(MP(&b, "get", {"'x'"}), "Some([1])");
  EXPECT_TRUE(IsShared(HashMap::cast(*b).Get(isolate(), *Str("x"))));
}

TEST_F(MapBuiltinsTest, HashSet) {
  H s = V("set{}");
  EXPECT_EQ(Fn("HashSet::new"), "{}");
  EXPECT_EQ(MP(&s, "insert", {"3"}), "true");
  EXPECT_EQ(MP(&s, "insert", {"1"}), "true");
  EXPECT_EQ(MP(&s, "insert", {"3"}), "false");
  EXPECT_EQ(MP(&s, "len"), "2");
  EXPECT_EQ(MP(&s, "contains", {"1"}), "true");
  EXPECT_EQ(MP(&s, "contains", {"2"}), "false");
  EXPECT_EQ(Show(s), "{1, 3}");
  EXPECT_EQ(MP(&s, "remove", {"1"}), "true");
  EXPECT_EQ(MP(&s, "remove", {"1"}), "false");
  EXPECT_EQ(MP(&s, "insert", {"7"}), "true");
  EXPECT_EQ(MP(&s, "iter"), "[3, 7]");
  EXPECT_EQ(MP(&s, "insert", {"1", "2"}),
            "error: Runtime error: insert() on a HashSet expects 1 argument (a value), got 2");
  H copy = Slot(s);
  MarkShared(*s);
  EXPECT_EQ(MP(&copy, "insert", {"9"}), "true");  // the copy is still a set
  EXPECT_TRUE(IsHashSet(*copy));
  EXPECT_EQ(Show(copy), "{3, 7, 9}");
  EXPECT_EQ(MP(&copy, "clear"), "nil");
  EXPECT_TRUE(IsHashSet(*copy));
  H a = V("set{1, 2, 3}");
  EXPECT_EQ(MP(&a, "union", {"set{3, 4}"}), "[1, 2, 3, 4]");
  EXPECT_EQ(MP(&a, "intersection", {"set{3, 2, 9}"}), "[2, 3]");
  EXPECT_EQ(MP(&a, "difference", {"set{1}"}), "[2, 3]");
  EXPECT_EQ(MP(&a, "is_subset", {"set{1, 2, 3, 4}"}), "true");
  EXPECT_EQ(MP(&a, "is_superset", {"set{1, 5}"}), "false");
  EXPECT_EQ(MP(&a, "union", {"[1]"}),
            "error: Type error: union() expects a HashSet as argument 1, got array");
  EXPECT_EQ(Fn("HashSet::from", {"[1, 2, 1]"}), "{1, 2}");
  EXPECT_EQ(M("[3, 1, 3]", "collect", {}, "HashSet"), "{1, 3}");
}

TEST_F(MapBuiltinsTest, EntryOrInsert) {
  H counts = V("{}");
  for (const char* word : {"'the'", "'cat'", "'the'", "'dog'", "'the'"}) {
    H entry = EntryOf(&counts, word);
    ASSERT_TRUE(IsMapEntry(*entry));
    // *counts.entry(w).or_insert(0) += 1, as the interpreter lowers it.
    std::string current = MP(&entry, "or_insert", {"0"});
    H next = Int(std::stoll(current) + 1);
    ASSERT_TRUE(StoreThroughMapEntry(isolate(), entry, next));
  }
  EXPECT_EQ(Show(counts), "{cat: 1, dog: 1, the: 3}");
  EXPECT_EQ(MP(&counts, "keys"), R"(["the", "cat", "dog"])");
}

TEST_F(MapBuiltinsTest, EntryVariants) {
  H m = V("{}");
  auto entry = [&](const char* key) { return EntryOf(&m, key); };
  H e = entry("'x'");
  EXPECT_EQ(MP(&e, "or_insert", {"5"}), "5");
  e = entry("'x'");
  EXPECT_EQ(MP(&e, "or_insert", {"7"}), "5");
  EXPECT_EQ(Show(m), "{x: 5}");
  e = entry("'y'");
  EXPECT_EQ(MP(&e, "or_insert_with", {"fn:const42"}), "42");
  e = entry("'y'");
  EXPECT_EQ(MP(&e, "or_insert_with", {"fn:fail"}), "42");  // not called when present
  e = entry("'z'");
  EXPECT_EQ(MP(&e, "or_default"), "0");  // like the other values: integers
  EXPECT_EQ(MP(&e, "key"), "\"z\"");
  e = entry("'x'");
  EXPECT_EQ(MP(&e, "and_modify", {"fn:inc"}).substr(0, 6), "({x: 6");  // returns the entry
  EXPECT_EQ(MP(&e, "or_insert", {"1"}), "6");
  H absent = entry("'w'");
  EXPECT_EQ(MP(&absent, "and_modify", {"fn:fail"}).substr(0, 2), "({");  // not called
  EXPECT_EQ(MP(&absent, "or_insert", {"1"}), "1");
  e = entry("'w'");
  EXPECT_EQ(MP(&e, "and_modify", {"fn:fail"}), "error: Runtime error: boom");
  H nil_result = Callable(
      [](Isolate* i, int, const H*) -> MaybeHandle<Value> { return i->factory()->nil_value(); });
  EXPECT_EQ(MethodValues(&e, "and_modify", {nil_result}),
            "error: Runtime error: and_modify() callback returned nil: change the value "
            "through the parameter (|v| *v += 1) or return the new value (|v| v + 1)");
  EXPECT_EQ(MP(&m, "get", {"'w'"}), "Some(1)");
  // An in-out parameter (|v| *v += 1) comes back in the argument handle; it wins over the
  // callback's result.
  H write_back = Callable([](Isolate* i, int, const H* argv) -> MaybeHandle<Value> {
    *argv[0].location() = Smi::FromInt(Smi::ToInt(**argv) + 100).ptr();
    return i->factory()->nil_value();
  });
  EXPECT_EQ(MethodValues(&e, "and_modify", {write_back}).substr(0, 2), "({");
  EXPECT_EQ(MP(&m, "get", {"'w'"}), "Some(101)");
  // A built-in that passes a copy reports the lost write instead of dropping it.
  H list = V("[1, 2]");
  EXPECT_EQ(MethodValues(&list, "map", {write_back}),
            std::string("error: ") + builtins::kLostWriteBackError);
  EXPECT_EQ(MP(&m, "insert", {"'w'", "1"}), "Some(101)");
  EXPECT_EQ(M("(1, 2)", "and_modify", {"fn:inc"}),
            "error: Runtime error: Method 'and_modify' not found for type tuple");
  EXPECT_EQ(Show(m), "{w: 1, x: 6, y: 42, z: 0}");
  H lists = V("{a: [1]}");
  H list_entry = EntryOf(&lists, "'b'");
  EXPECT_EQ(MP(&list_entry, "or_default"), "[]");  // like the other values: arrays
  EXPECT_EQ(M("(1, 2)", "or_insert", {"0"}),
            "error: Runtime error: Method 'or_insert' not found for type tuple");
  EXPECT_FALSE(StoreThroughMapEntry(isolate(), V("(1, 2)"), Int(1)));
  EXPECT_EQ(TakeError(), "Type error: Cannot assign through a tuple (expected a map entry)");
  H bad = V("{}");
  EXPECT_EQ(MP(&bad, "entry", {"[1]"}).substr(0, 26), "error: Type error: Cannot ");
}

TEST_F(MapBuiltinsTest, EntryOnSharedMapUnsharesTheVariable) {
  H a = V("{n: 1}");
  MarkShared(*a);
  H b = Slot(a);
  H e = EntryOf(&b, "'n'");
  ASSERT_TRUE(StoreThroughMapEntry(isolate(), e, Int(10)));
  EXPECT_EQ(Show(a), "{n: 1}");
  EXPECT_EQ(Show(b), "{n: 10}");
}

TEST_F(MapBuiltinsTest, Constructors) {
  EXPECT_EQ(Fn("HashMap::new"), "{}");
  EXPECT_EQ(Fn("HashMap::with_capacity", {"100"}), "{}");
  EXPECT_EQ(Fn("HashMap::with_capacity", {"1000000000000"}), "{}");
  EXPECT_EQ(Fn("HashMap::from", {"[(1, 'a'), (2, 'b')]"}), R"({1: "a", 2: "b"})");
  EXPECT_EQ(Fn("HashMap::from", {"[1]"}),
            "error: Type error: HashMap::from() expects (key, value) tuples, got integer");
  EXPECT_EQ(Fn("HashSet::with_capacity", {"3"}), "{}");
  EXPECT_EQ(M("(1, 2, 3)", "len"), "3");
}

// Property: a random sequence of insert/remove/get/contains_key agrees with std::map, and
// keys() keeps insertion order (a re-insert keeps its place, a removed key goes last when
// it returns).
TEST_F(MapBuiltinsTest, AgreesWithStdMapModel) {
  std::mt19937 rng(31337);
  H m = V("{}");
  std::map<int64_t, int64_t> model;
  std::vector<int64_t> order;
  for (int step = 0; step < 3000; ++step) {
    HandleScope scope(isolate());
    int64_t key = static_cast<int64_t>(rng() % 64) - 8;
    int64_t value = static_cast<int64_t>(rng() % 1000);
    switch (rng() % 4) {
      case 0:
      case 1: {
        std::string expected =
            model.count(key) ? "Some(" + std::to_string(model[key]) + ")" : "None";
        ASSERT_EQ(MethodValues(&m, "insert", {Int(key), Int(value)}), expected);
        if (!model.count(key)) order.push_back(key);
        model[key] = value;
        break;
      }
      case 2: {
        std::string expected =
            model.count(key) ? "Some(" + std::to_string(model[key]) + ")" : "None";
        ASSERT_EQ(MethodValues(&m, "remove", {Int(key)}), expected);
        if (model.erase(key)) order.erase(std::find(order.begin(), order.end(), key));
        break;
      }
      case 3: {
        std::string expected =
            model.count(key) ? "Some(" + std::to_string(model[key]) + ")" : "None";
        ASSERT_EQ(MethodValues(&m, "get", {Int(key)}), expected);
        ASSERT_EQ(MethodValues(&m, "contains_key", {Int(key)}),
                  model.count(key) ? "true" : "false");
        break;
      }
    }
    ASSERT_EQ(MP(&m, "len"), std::to_string(model.size()));
    if (step % 100 == 0) {
      std::string keys = "[";
      for (size_t i = 0; i < order.size(); ++i) keys += (i ? ", " : "") + std::to_string(order[i]);
      ASSERT_EQ(MP(&m, "keys"), keys + "]");
    }
  }
}

TEST_F(MapBuiltinsTest, MapsUnderStressGc) {
  UseStressHeap();
  H m = V("{}");
  for (int i = 0; i < 150; ++i) {
    HandleScope scope(isolate());
    ASSERT_EQ(MethodValues(&m, "insert", {Str("k" + std::to_string(i % 50)), V("[1, 'x']")})
                      .substr(0, 1) == "e",
              false);
  }
  EXPECT_EQ(MP(&m, "len"), "50");
  EXPECT_EQ(MP(&m, "values").substr(0, 12), R"([[1, "x"], [)");
  EXPECT_EQ(MP(&m, "iter").substr(0, 18), R"([("k0", [1, "x"]),)");
}

}  // namespace
}  // namespace ruchy::internal
