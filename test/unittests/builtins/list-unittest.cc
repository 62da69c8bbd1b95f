// The declarative lists: every entry is reachable by name, no (kind, name) pair is listed
// twice, arities are sane, lookup follows the receiver-kind order, constants resolve, and
// arity errors use the reference's text.
#include <set>

#include "test/unittests/builtins/builtins-test-utils.h"

namespace ruchy::internal {
namespace {

using BuiltinsListTest = BuiltinsTest;

TEST_F(BuiltinsListTest, EveryFunctionIsFoundByItsName) {
  ASSERT_GT(BuiltinFunctionCount(), 90);
  std::set<std::string> names;
  for (int i = 0; i < BuiltinFunctionCount(); ++i) {
    BuiltinId id = static_cast<BuiltinId>(i);
    std::string name = BuiltinFunctionName(id);
    EXPECT_TRUE(names.insert(name).second) << "listed twice: " << name;
    std::optional<BuiltinId> found = LookupBuiltinFunction(name);
    ASSERT_TRUE(found.has_value()) << name;
    EXPECT_EQ(*found, id) << name;
    int min, max;
    BuiltinFunctionArity(id, &min, &max);
    EXPECT_GE(min, 0) << name;
    EXPECT_TRUE(max == -1 || max >= min) << name;
  }
}

TEST_F(BuiltinsListTest, FunctionPathsAcceptStdPrefix) {
  EXPECT_EQ(LookupBuiltinFunction("std::process::exit"), LookupBuiltinFunction("process::exit"));
  EXPECT_EQ(LookupBuiltinFunction("std::env::args"), LookupBuiltinFunction("env::args"));
  EXPECT_EQ(LookupBuiltinFunction("std::cmp::max"), LookupBuiltinFunction("cmp::max"));
  EXPECT_TRUE(LookupBuiltinFunction("println!").has_value());
  EXPECT_TRUE(LookupBuiltinFunction("HashMap::new").has_value());
  EXPECT_FALSE(LookupBuiltinFunction("no_such_function").has_value());
  EXPECT_FALSE(LookupBuiltinFunction("println!!").has_value());
  EXPECT_FALSE(LookupBuiltinFunction("").has_value());
}

TEST_F(BuiltinsListTest, MethodsAreUniquePerKindAndHaveSaneArity) {
  ASSERT_GT(BuiltinMethodCount(), 200);
  std::set<std::string> keys;
  for (int i = 0; i < BuiltinMethodCount(); ++i) {
    BuiltinMethodId id = static_cast<BuiltinMethodId>(i);
    std::string key = std::string(BuiltinMethodReceiverKind(id)) + "." + BuiltinMethodName(id);
    EXPECT_TRUE(keys.insert(key).second) << "listed twice: " << key;
    int min, max;
    BuiltinMethodArity(id, &min, &max);
    EXPECT_GE(min, 0) << key;
    EXPECT_TRUE(max == -1 || max >= min) << key;
  }
}

TEST_F(BuiltinsListTest, LookupFollowsReceiverKinds) {
  auto kind_of = [&](const char* receiver, const char* name) -> std::string {
    std::optional<BuiltinMethodId> id = LookupBuiltinMethod(isolate(), *V(receiver), name);
    return id ? BuiltinMethodReceiverKind(*id) : "none";
  };
  EXPECT_EQ(kind_of("[1]", "push"), "array");
  EXPECT_EQ(kind_of("[1]", "map"), "array or range");
  EXPECT_EQ(kind_of("0..3", "map"), "array or range");
  EXPECT_EQ(kind_of("0..3", "contains"), "range");
  EXPECT_EQ(kind_of("[1]", "max"), "array or range");  // not Any's max
  EXPECT_EQ(kind_of("3", "max"), "integer or float");
  EXPECT_EQ(kind_of("3.5", "abs"), "integer or float");
  EXPECT_EQ(kind_of("3", "checked_add"), "integer");
  EXPECT_EQ(kind_of("3.5", "checked_add"), "none");
  EXPECT_EQ(kind_of("'s'", "max"), "any value");
  EXPECT_EQ(kind_of("'s'", "len"), "string");
  EXPECT_EQ(kind_of("{a: 1}", "insert"), "HashMap or HashSet");
  EXPECT_EQ(kind_of("set{1}", "insert"), "HashMap or HashSet");
  EXPECT_EQ(kind_of("Some(1)", "unwrap"), "Option, Result or Ordering");
  EXPECT_EQ(kind_of("Less", "reverse"), "Option, Result or Ordering");
  EXPECT_EQ(kind_of("(1, 2)", "clone"), "any value");
  EXPECT_EQ(kind_of("true", "then"), "boolean");
  EXPECT_EQ(kind_of("nil", "to_string"), "any value");
  EXPECT_EQ(kind_of("nil", "push"), "none");
  EXPECT_EQ(kind_of("5", "foo"), "none");
}

TEST_F(BuiltinsListTest, MutatingFlag) {
  auto mutates = [&](const char* receiver, const char* name) {
    return BuiltinMethodMutatesReceiver(*LookupBuiltinMethod(isolate(), *V(receiver), name));
  };
  EXPECT_TRUE(mutates("[1]", "push"));
  EXPECT_TRUE(mutates("[1]", "sort"));
  EXPECT_TRUE(mutates("'s'", "push_str"));
  EXPECT_TRUE(mutates("{a: 1}", "insert"));
  EXPECT_TRUE(mutates("{a: 1}", "entry"));
  EXPECT_TRUE(mutates("Some(1)", "take"));
  EXPECT_FALSE(mutates("[1]", "len"));
  EXPECT_FALSE(mutates("[1]", "map"));
  EXPECT_FALSE(mutates("{a: 1}", "get"));
}

TEST_F(BuiltinsListTest, Constants) {
  auto constant = [&](const char* name) {
    MaybeHandle<Value> value = LookupBuiltinConstant(isolate(), name);
    return value.is_null() ? std::string("none") : Show(value.ToHandleChecked());
  };
  EXPECT_EQ(constant("i64::MAX"), "9223372036854775807");
  EXPECT_EQ(constant("std::i64::MIN"), "-9223372036854775808");
  EXPECT_EQ(constant("i32::MAX"), "2147483647");
  EXPECT_EQ(constant("u8::MAX"), "255");
  EXPECT_EQ(constant("usize::MAX"), "9223372036854775807");
  EXPECT_EQ(constant("f64::INFINITY"), "inf");
  EXPECT_EQ(constant("f64::NEG_INFINITY"), "-inf");
  EXPECT_EQ(constant("f64::NAN"), "NaN");
  EXPECT_EQ(constant("f64::EPSILON"), "0.0000000000000002220446049250313");
  EXPECT_EQ(constant("std::f64::consts::PI"), "3.141592653589793");
  EXPECT_EQ(constant("f64::consts::E"), "2.718281828459045");
  EXPECT_EQ(constant("core::f64::consts::TAU"), "6.283185307179586");
  EXPECT_EQ(constant("f64::MAX").substr(0, 6), "179769");
  EXPECT_EQ(constant("i64::BOGUS"), "none");
  EXPECT_EQ(constant("PI"), "none");
  EXPECT_FALSE(isolate()->has_pending_exception());
}

TEST_F(BuiltinsListTest, ArityErrors) {
  EXPECT_EQ(Fn("sqrt", {"1", "2"}), "error: Runtime error: Function expects 1-1 arguments, got 2");
  EXPECT_EQ(Fn("range", {}), "error: Runtime error: Function expects 1-3 arguments, got 0");
  EXPECT_EQ(Fn("assert_eq", {"1"}),
            "error: Runtime error: Function expects at least 2 arguments, got 1");
  EXPECT_EQ(M("[1]", "push", {}),
            "error: Runtime error: Method 'push' expects 1-1 arguments, got 0");
  EXPECT_EQ(M("[1]", "len", {"1"}),
            "error: Runtime error: Method 'len' expects 0-0 arguments, got 1");
}

}  // namespace
}  // namespace ruchy::internal
