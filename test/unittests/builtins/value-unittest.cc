// Free functions over values (type_of, len, str, int, float, bool, range, reverse, push,
// pop, zip, enumerate), constructors, process/environment helpers, and the methods every
// value has (to_string, clone, cmp, eq, max...).
#include "test/unittests/builtins/builtins-test-utils.h"

namespace ruchy::internal {
namespace {

using ValueBuiltinsTest = BuiltinsTest;

TEST_F(ValueBuiltinsTest, TypeOf) {
  EXPECT_EQ(Fn("type_of", {"1"}), "\"integer\"");
  EXPECT_EQ(Fn("type_of", {"1.5"}), "\"float\"");
  EXPECT_EQ(Fn("typeof", {"true"}), "\"boolean\"");
  EXPECT_EQ(Fn("type_of", {"'s'"}), "\"string\"");
  EXPECT_EQ(Fn("type_of", {"nil"}), "\"nil\"");
  EXPECT_EQ(Fn("type_of", {"[1]"}), "\"array\"");
  EXPECT_EQ(Fn("type_of", {"(1, 2)"}), "\"tuple\"");
  EXPECT_EQ(Fn("type_of", {"0..2"}), "\"range\"");
  EXPECT_EQ(Fn("type_of", {"Some(1)"}), "\"enum_variant\"");
  EXPECT_EQ(Fn("is_nil", {"nil"}), "true");
  EXPECT_EQ(Fn("is_nil", {"0"}), "false");
}

TEST_F(ValueBuiltinsTest, Len) {
  EXPECT_EQ(Fn("len", {"'héllo'"}), "6");  // bytes
  EXPECT_EQ(Fn("len", {"''"}), "0");
  EXPECT_EQ(Fn("len", {"[1, 2, 3]"}), "3");
  EXPECT_EQ(Fn("len", {"[]"}), "0");
  EXPECT_EQ(Fn("len", {"(1, 2)"}), "2");
  EXPECT_EQ(Fn("len", {"{a: 1, b: 2}"}), "2");
  EXPECT_EQ(Fn("len", {"2..=5"}), "4");
  EXPECT_EQ(Fn("len", {"5..2"}), "0");
  EXPECT_EQ(Fn("len", {"5"}),
            "error: Type error: len() expects a string, array, tuple, map or range as argument "
            "1, got integer");
  EXPECT_EQ(Fn("len", {"'a'..'c'"}),
            "error: Type error: len() needs a range with integer bounds, got \"a\"..\"c\"");
}

TEST_F(ValueBuiltinsTest, StrAndToString) {
  EXPECT_EQ(Fn("str", {"1.0"}), "\"1.0\"");
  EXPECT_EQ(Fn("str", {"42"}), "\"42\"");
  EXPECT_EQ(Fn("str", {"'hi'"}), "\"hi\"");
  EXPECT_EQ(Fn("str", {"[1, 'a']"}), R"("[1, "a"]")");
  EXPECT_EQ(Fn("to_string", {"'hi'"}), R"(""hi"")");  // the free function quotes strings
  EXPECT_EQ(Fn("to_string", {"1.0"}), "\"1.0\"");
  EXPECT_EQ(M("3.0", "to_string"), "\"3\"");  // the method uses the concat form
  EXPECT_EQ(M("2.5", "to_string"), "\"2.5\"");
  EXPECT_EQ(M("-3", "to_string"), "\"-3\"");
  EXPECT_EQ(M("true", "to_string"), "\"true\"");
  EXPECT_EQ(M("'s'", "to_string"), "\"s\"");
  EXPECT_EQ(M("nil", "to_string"), "\"nil\"");
  EXPECT_EQ(M("[1, 'a']", "to_string"), R"("[1, "a"]")");
}

TEST_F(ValueBuiltinsTest, IntFloatBool) {
  EXPECT_EQ(Fn("int", {"3.9"}), "3");
  EXPECT_EQ(Fn("int", {"-3.9"}), "-3");
  EXPECT_EQ(Fn("int", {"'42'"}), "42");
  EXPECT_EQ(Fn("int", {"' 42 '"}), "42");
  EXPECT_EQ(Fn("int", {"'3.5'"}), "3");
  EXPECT_EQ(Fn("int", {"true"}), "1");
  EXPECT_EQ(Fn("int", {"7"}), "7");
  EXPECT_EQ(Fn("int", {"'x'"}), "error: Runtime error: int() cannot parse string: 'x'");
  EXPECT_EQ(Fn("int", {"nan"}), "error: Runtime error: int() cannot convert NaN to an integer");
  EXPECT_EQ(Fn("int", {"1e19"}),
            "error: Runtime error: int() cannot convert 10000000000000000000.0 to an integer");
  EXPECT_EQ(Fn("int", {"[1]"}),
            "error: Type error: int() expects a number, string or boolean as argument 1, got "
            "array");
  EXPECT_EQ(Fn("float", {"2"}), "2.0");
  EXPECT_EQ(Fn("float", {"'2.5'"}), "2.5");
  EXPECT_EQ(Fn("float", {"false"}), "0.0");
  EXPECT_EQ(Fn("float", {"'abc'"}), "error: Runtime error: float() cannot parse string: 'abc'");
  EXPECT_EQ(Fn("bool", {"0"}), "false");
  EXPECT_EQ(Fn("bool", {"0.0"}), "false");
  EXPECT_EQ(Fn("bool", {"''"}), "false");
  EXPECT_EQ(Fn("bool", {"[]"}), "false");
  EXPECT_EQ(Fn("bool", {"nil"}), "false");
  EXPECT_EQ(Fn("bool", {"'x'"}), "true");
  EXPECT_EQ(Fn("bool", {"[0]"}), "true");
  EXPECT_EQ(Fn("parse_int", {"'-12'"}), "-12");
  EXPECT_EQ(Fn("parse_int", {"'1.5'"}),
            "error: Runtime error: parse_int() cannot parse '1.5': invalid digit found in string");
  EXPECT_EQ(Fn("parse_int", {"5"}),
            "error: Type error: parse_int() expects a string as argument 1, got integer");
  EXPECT_EQ(Fn("parse_float", {"'1e3'"}), "1000.0");
}

TEST_F(ValueBuiltinsTest, Range) {
  EXPECT_EQ(Fn("range", {"5"}), "[0, 1, 2, 3, 4]");
  EXPECT_EQ(Fn("range", {"0"}), "[]");
  EXPECT_EQ(Fn("range", {"-2"}), "[]");
  EXPECT_EQ(Fn("range", {"1", "10", "3"}), "[1, 4, 7]");
  EXPECT_EQ(Fn("range", {"5", "0", "-2"}), "[5, 3, 1]");
  EXPECT_EQ(Fn("range", {"0", "5", "-1"}), "[]");
  EXPECT_EQ(Fn("range", {"1", "2", "0"}), "error: Runtime error: range() step cannot be zero");
  EXPECT_EQ(Fn("range", {"9223372036854775805", "9223372036854775807"}),
            "[9223372036854775805, 9223372036854775806]");
  EXPECT_EQ(Fn("range", {"0", "9223372036854775807"}), "error: Out of memory");
  EXPECT_EQ(Fn("range", {"'a'"}),
            "error: Type error: range() expects an integer as argument 1, got string");
}

TEST_F(ValueBuiltinsTest, ReversePushPopZipEnumerate) {
  EXPECT_EQ(Fn("reverse", {"[1, 2, 3]"}), "[3, 2, 1]");
  EXPECT_EQ(Fn("reverse", {"'añb'"}), "\"bña\"");
  EXPECT_EQ(Fn("reverse", {"''"}), "\"\"");
  EXPECT_EQ(Fn("reverse", {"5"}),
            "error: Type error: reverse() expects an array or string as argument 1, got integer");
  H v = V("[1, 2]");
  EXPECT_EQ(FnValues("push", {v, Int(3)}), "[1, 2, 3]");
  EXPECT_EQ(Show(v), "[1, 2]");  // the free function does not mutate
  EXPECT_EQ(FnValues("pop", {v}), "2");
  EXPECT_EQ(Show(v), "[1, 2]");
  EXPECT_EQ(Fn("pop", {"[]"}), "nil");
  EXPECT_EQ(Fn("zip", {"[1, 2, 3]", "['a', 'b']"}), R"([(1, "a"), (2, "b")])");
  EXPECT_EQ(Fn("enumerate", {"['x', 'y']"}), R"([(0, "x"), (1, "y")])");
  EXPECT_EQ(Fn("enumerate", {"[]"}), "[]");
}

TEST_F(ValueBuiltinsTest, Constructors) {
  EXPECT_EQ(Fn("String::new"), "\"\"");
  EXPECT_EQ(Fn("String::from", {"'made'"}), "\"made\"");
  EXPECT_EQ(Fn("String::from", {"12"}), "\"12\"");
  EXPECT_EQ(Fn("String::with_capacity", {"100"}), "\"\"");
  EXPECT_EQ(Fn("Vec::new"), "[]");
  EXPECT_EQ(Fn("Vec::with_capacity", {"1000000000"}), "[]");
  EXPECT_EQ(Fn("Vec::with_capacity", {"-1"}),
            "error: Runtime error: Vec::with_capacity() expects a non-negative integer, got -1");
  EXPECT_EQ(Fn("Vec::from", {"1..4"}), "[1, 2, 3]");
  EXPECT_EQ(Fn("Vec::from", {"'ab'"}), R"(["a", "b"])");
  EXPECT_EQ(Fn("Box::new", {"5"}), "5");
  EXPECT_EQ(Fn("Some", {"5"}), "Some(5)");
  EXPECT_EQ(Fn("Ok", {"'x'"}), "Ok(\"x\")");
  EXPECT_EQ(Fn("Err", {"[1]"}), "Err([1])");
}

TEST_F(ValueBuiltinsTest, EnvironmentAndTime) {
  SetProgramArguments({"script.ruchy", "a", "héllo"});
  EXPECT_EQ(Fn("std::env::args"), R"(["script.ruchy", "a", "héllo"])");
  SetProgramArguments({});
  EXPECT_EQ(Fn("env::args"), "[]");
  setenv("RUCHY_BUILTINS_TEST_VAR", "value", 1);
  EXPECT_EQ(Fn("std::env::var", {"'RUCHY_BUILTINS_TEST_VAR'"}), "Ok(\"value\")");
  EXPECT_EQ(Fn("env::var", {"'RUCHY_SURELY_UNSET_VARIABLE'"}),
            "Err(\"environment variable not found\")");
  std::string t = Fn("timestamp");
  EXPECT_GT(std::stoll(t), 1600000000000);
  EXPECT_EQ(Fn("sleep", {"0"}), "nil");
  EXPECT_EQ(Fn("sleep", {"-5"}),
            "error: Runtime error: sleep() expects a non-negative integer, got -5");
  for (int i = 0; i < 20; ++i) {
    double r = std::stod(Fn("random"));
    EXPECT_GE(r, 0.0);
    EXPECT_LT(r, 1.0);
  }
}

TEST_F(ValueBuiltinsTest, ExitFlushesAndExits) {
  EXPECT_EXIT(
      {
        std::fputs("buffered", stdout);
        HandleScope scope(isolate());
        FnValues("std::process::exit", {Int(3)});
      },
      testing::ExitedWithCode(3), "");
  EXPECT_EXIT(FnValues("exit", {}), testing::ExitedWithCode(0), "");
  EXPECT_EQ(Fn("process::exit", {"'x'"}),
            "error: Type error: process::exit() expects an integer as argument 1, got string");
}

TEST_F(ValueBuiltinsTest, CloneIsIdentityMarkedShared) {
  H v = V("[[1], [2]]");
  H copy = Slot(v);
  EXPECT_EQ(MP(&copy, "clone"), "[[1], [2]]");
  EXPECT_TRUE(IsShared(*v));  // a mutation through either reference now copies first
  EXPECT_EQ(M("5", "clone"), "5");
  EXPECT_EQ(M("'s'", "to_owned"), "\"s\"");
  EXPECT_EQ(M("Some(1)", "into"), "Some(1)");
}

TEST_F(ValueBuiltinsTest, Comparisons) {
  EXPECT_EQ(M("1", "cmp", {"2"}), "Less");
  EXPECT_EQ(M("'b'", "cmp", {"'a'"}), "Greater");
  EXPECT_EQ(M("(1, 'a')", "cmp", {"(1, 'a')"}), "Equal");
  EXPECT_EQ(M("[1, 2]", "cmp", {"[1, 3]"}), "Less");
  EXPECT_EQ(M("1.5", "partial_cmp", {"1"}), "Some(Greater)");
  EXPECT_EQ(M("nan", "partial_cmp", {"1.0"}), "None");
  EXPECT_EQ(M("1", "cmp", {"'a'"}).substr(0, 18), "error: Type error:");
  EXPECT_EQ(M("[1, 2]", "eq", {"[1, 2]"}), "true");
  EXPECT_EQ(M("1", "eq", {"1.0"}), "true");
  EXPECT_EQ(M("'a'", "ne", {"'b'"}), "true");
  EXPECT_EQ(M("'a'", "lt", {"'b'"}), "true");
  EXPECT_EQ(M("2", "le", {"2"}), "true");
  EXPECT_EQ(M("2", "gt", {"3"}), "false");
  EXPECT_EQ(M("'b'", "ge", {"'a'"}), "true");
  EXPECT_EQ(M("'apple'", "max", {"'pear'"}), "\"pear\"");
  EXPECT_EQ(M("'apple'", "min", {"'pear'"}), "\"apple\"");
}

}  // namespace
}  // namespace ruchy::internal
