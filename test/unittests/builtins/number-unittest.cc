// Number methods and the math free functions: integer/float results, overflow errors,
// rounding forms, min/max mixing, checked/saturating/wrapping arithmetic, booleans.
#include "test/unittests/builtins/builtins-test-utils.h"

namespace ruchy::internal {
namespace {

using NumberBuiltinsTest = BuiltinsTest;

TEST_F(NumberBuiltinsTest, AbsPow) {
  EXPECT_EQ(M("-42", "abs"), "42");
  EXPECT_EQ(M("42", "abs"), "42");
  EXPECT_EQ(M("-2.5", "abs"), "2.5");
  EXPECT_EQ(M("-0.0", "abs"), "0.0");
  EXPECT_EQ(M("-9223372036854775808", "abs"), "error: Runtime error: Integer overflow in negation");
  EXPECT_EQ(M("3", "pow", {"4"}), "81");
  EXPECT_EQ(M("2", "pow", {"64"}), "18446744073709551616.0");  // like **: overflow gives a float
  EXPECT_EQ(M("2", "pow", {"-1"}), "0.5");
  EXPECT_EQ(M("2.0", "pow", {"3"}), "8.0");
  EXPECT_EQ(M("2", "pow", {"'x'"}),
            "error: Type error: pow() expects a number as argument 1, got string");
  EXPECT_EQ(M("2.0", "powi", {"10"}), "1024.0");
  EXPECT_EQ(M("2.0", "powf", {"0.5"}), "1.4142135623730951");
  EXPECT_EQ(M("2", "powf", {"2"}), "4.0");
  EXPECT_EQ(Fn("abs", {"-5"}), "5");
  EXPECT_EQ(Fn("abs", {"-5.5"}), "5.5");
  EXPECT_EQ(Fn("abs", {"'x'"}),
            "error: Type error: abs() expects a number as argument 1, got string");
  EXPECT_EQ(Fn("pow", {"2", "10"}), "1024");
  EXPECT_EQ(Fn("pow", {"2", "0.5"}), "1.4142135623730951");
}

TEST_F(NumberBuiltinsTest, FloatFunctions) {
  EXPECT_EQ(M("16.0", "sqrt"), "4.0");
  EXPECT_EQ(M("16", "sqrt"), "4.0");
  EXPECT_EQ(M("-1.0", "sqrt"), "NaN");
  EXPECT_EQ(M("8.0", "cbrt"), "2.0");
  EXPECT_EQ(M("0.0", "exp"), "1.0");
  EXPECT_EQ(M("1.0", "ln"), "0.0");
  EXPECT_EQ(M("100.0", "log10"), "2.0");
  EXPECT_EQ(M("8.0", "log2"), "3.0");
  EXPECT_EQ(M("8.0", "log", {"2.0"}), "3.0");
  EXPECT_EQ(M("0.0", "sin"), "0.0");
  EXPECT_EQ(M("0.0", "cos"), "1.0");
  EXPECT_EQ(M("0.0", "tan"), "0.0");
  EXPECT_EQ(M("1.0", "asin"), "1.5707963267948966");
  EXPECT_EQ(M("1.0", "acos"), "0.0");
  EXPECT_EQ(M("1.0", "atan"), "0.7853981633974483");
  EXPECT_EQ(M("1.0", "atan2", {"1.0"}), "0.7853981633974483");
  EXPECT_EQ(M("0.0", "sinh"), "0.0");
  EXPECT_EQ(M("0.0", "cosh"), "1.0");
  EXPECT_EQ(M("0.0", "tanh"), "0.0");
  EXPECT_EQ(M("3.0", "hypot", {"4.0"}), "5.0");
  EXPECT_EQ(M("180.0", "to_radians"), "3.141592653589793");
  EXPECT_EQ(M("3.141592653589793", "to_degrees"), "180.0");
  EXPECT_EQ(M("0.0", "ln"), "-inf");
  EXPECT_EQ(Fn("sqrt", {"16"}), "4.0");
  EXPECT_EQ(Fn("sqrt", {"2.0"}), "1.4142135623730951");
  EXPECT_EQ(Fn("sqrt", {"'x'"}),
            "error: Type error: sqrt() expects a number as argument 1, got string");
  EXPECT_EQ(Fn("sin", {"0.0"}), "0.0");
  EXPECT_EQ(Fn("cos", {"0"}), "1.0");
  EXPECT_EQ(Fn("exp", {"0"}), "1.0");
  EXPECT_EQ(Fn("log", {"1"}), "0.0");
  EXPECT_EQ(Fn("ln", {"1"}), "0.0");
  EXPECT_EQ(Fn("log10", {"1000"}), "3.0");
  EXPECT_EQ(Fn("log2", {"1024"}), "10.0");
  EXPECT_EQ(Fn("atan2", {"0", "-1"}), "3.141592653589793");
  EXPECT_EQ(Fn("cbrt", {"8"}), "2.0");
  EXPECT_EQ(Fn("tan", {"0"}), "0.0");
  EXPECT_EQ(Fn("asin", {"0"}), "0.0");
  EXPECT_EQ(Fn("acos", {"1"}), "0.0");
  EXPECT_EQ(Fn("atan", {"0"}), "0.0");
}

TEST_F(NumberBuiltinsTest, Rounding) {
  EXPECT_EQ(M("2.7", "floor"), "2.0");
  EXPECT_EQ(M("2.7", "ceil"), "3.0");
  EXPECT_EQ(M("2.7", "round"), "3.0");
  EXPECT_EQ(M("-2.5", "round"), "-3.0");  // half away from zero
  EXPECT_EQ(M("2.5", "round"), "3.0");
  EXPECT_EQ(M("-2.7", "trunc"), "-2.0");
  EXPECT_EQ(M("5", "floor"), "5");
  EXPECT_EQ(M("5", "round"), "5");
  EXPECT_EQ(M("2.75", "fract"), "0.75");
  EXPECT_EQ(M("3", "fract"), "0");
  EXPECT_EQ(Fn("floor", {"2.7"}), "2");  // the free functions give integers
  EXPECT_EQ(Fn("ceil", {"2.1"}), "3");
  EXPECT_EQ(Fn("round", {"-2.5"}), "-3");
  EXPECT_EQ(Fn("round", {"7"}), "7");
  EXPECT_EQ(Fn("round", {"inf"}), "inf");
  std::string huge = Fn("floor", {"1e300"});  // no integer holds it: stays a float
  EXPECT_EQ(huge.size(), 303u);
  EXPECT_EQ(huge.substr(huge.size() - 2), ".0");
  EXPECT_EQ(M("-3", "signum"), "-1");
  EXPECT_EQ(M("0", "signum"), "0");
  EXPECT_EQ(M("-0.0", "signum"), "-1.0");
  EXPECT_EQ(M("nan", "signum"), "NaN");
}

TEST_F(NumberBuiltinsTest, MinMaxClamp) {
  EXPECT_EQ(M("3", "min", {"7"}), "3");
  EXPECT_EQ(M("3", "max", {"7"}), "7");
  EXPECT_EQ(M("2.7", "min", {"1.5"}), "1.5");
  EXPECT_EQ(M("2.7", "max", {"1.5"}), "2.7");
  EXPECT_EQ(M("3", "max", {"2.5"}), "3.0");    // mixed kinds give a float
  EXPECT_EQ(M("nan", "max", {"1.0"}), "1.0");  // NaN is ignored, as Rust's f64::max
  EXPECT_EQ(M("3", "min", {"'a'"}),
            "error: Type error: min() expects a number as argument 1, got string");
  EXPECT_EQ(M("15", "clamp", {"0", "10"}), "10");
  EXPECT_EQ(M("-5", "clamp", {"0", "10"}), "0");
  EXPECT_EQ(M("0.5", "clamp", {"0.0", "1.0"}), "0.5");
  EXPECT_EQ(M("1", "clamp", {"5", "0"}), "error: Runtime error: clamp() needs min <= max");
  EXPECT_EQ(Fn("min", {"3", "9"}), "3");
  EXPECT_EQ(Fn("max", {"3", "9"}), "9");
  EXPECT_EQ(Fn("max", {"2", "3.5"}), "3.5");
  EXPECT_EQ(Fn("max", {"4", "3.5"}), "4.0");
  EXPECT_EQ(Fn("max", {"1", "5", "3"}), "5");
  EXPECT_EQ(Fn("min", {"'b'", "'a'"}), "\"a\"");
  EXPECT_EQ(Fn("std::cmp::max", {"(1, 2)", "(1, 3)"}), "(1, 3)");
  EXPECT_EQ(Fn("max", {"1", "'a'"}).substr(0, 18), "error: Type error:");
}

TEST_F(NumberBuiltinsTest, EuclidAndPredicates) {
  EXPECT_EQ(M("-7", "rem_euclid", {"3"}), "2");
  EXPECT_EQ(M("7", "rem_euclid", {"-3"}), "1");
  EXPECT_EQ(M("-7", "div_euclid", {"3"}), "-3");
  EXPECT_EQ(M("7", "div_euclid", {"-3"}), "-2");
  EXPECT_EQ(M("-9223372036854775808", "rem_euclid", {"-1"}), "0");
  EXPECT_EQ(M("-9223372036854775808", "div_euclid", {"-1"}),
            "error: Runtime error: Integer overflow in division");
  EXPECT_EQ(M("7", "rem_euclid", {"0"}), "error: Division by zero");
  EXPECT_EQ(M("-7.5", "rem_euclid", {"2.0"}), "0.5");
  EXPECT_EQ(M("-7.5", "div_euclid", {"2.0"}), "-4.0");
  EXPECT_EQ(M("nan", "is_nan"), "true");
  EXPECT_EQ(M("1", "is_nan"), "false");
  EXPECT_EQ(M("inf", "is_infinite"), "true");
  EXPECT_EQ(M("inf", "is_finite"), "false");
  EXPECT_EQ(M("3", "is_finite"), "true");
  EXPECT_EQ(M("-0.0", "is_sign_negative"), "true");
  EXPECT_EQ(M("0.0", "is_sign_positive"), "true");
  EXPECT_EQ(M("-3", "is_negative"), "true");
  EXPECT_EQ(M("0", "is_positive"), "false");
  EXPECT_EQ(M("3.9", "to_int"), "3");
  EXPECT_EQ(M("-3.9", "to_integer"), "-3");
  EXPECT_EQ(M("1e30", "to_int"),
            "error: Runtime error: 1000000000000000019884624838656.0 does not fit in an integer");
  EXPECT_EQ(M("3", "to_float"), "3.0");
  EXPECT_EQ(M("3.5", "to_float"), "3.5");
}

TEST_F(NumberBuiltinsTest, CheckedSaturatingWrapping) {
  EXPECT_EQ(M("5", "checked_add", {"3"}), "Some(8)");
  EXPECT_EQ(M("9223372036854775807", "checked_add", {"1"}), "None");
  EXPECT_EQ(M("-9223372036854775808", "checked_sub", {"1"}), "None");
  EXPECT_EQ(M("4611686018427387904", "checked_mul", {"2"}), "None");
  EXPECT_EQ(M("7", "checked_div", {"0"}), "None");
  EXPECT_EQ(M("7", "checked_div", {"2"}), "Some(3)");
  EXPECT_EQ(M("-9223372036854775808", "checked_div", {"-1"}), "None");
  EXPECT_EQ(M("7", "checked_rem", {"0"}), "None");
  EXPECT_EQ(M("7", "checked_rem", {"4"}), "Some(3)");
  EXPECT_EQ(M("9223372036854775807", "saturating_add", {"5"}), "9223372036854775807");
  EXPECT_EQ(M("-9223372036854775807", "saturating_sub", {"5"}), "-9223372036854775808");
  EXPECT_EQ(M("-4611686018427387904", "saturating_mul", {"4"}), "-9223372036854775808");
  EXPECT_EQ(M("9223372036854775807", "wrapping_add", {"1"}), "-9223372036854775808");
  EXPECT_EQ(M("-9223372036854775808", "wrapping_sub", {"1"}), "9223372036854775807");
  EXPECT_EQ(M("4611686018427387904", "wrapping_mul", {"2"}), "-9223372036854775808");
  EXPECT_EQ(M("5", "checked_add", {"1.5"}),
            "error: Type error: checked_add() expects an integer as argument 1, got float");
  EXPECT_EQ(M("255", "count_ones"), "8");
  EXPECT_EQ(M("-1", "count_ones"), "64");
  EXPECT_EQ(M("64", "is_power_of_two"), "true");
  EXPECT_EQ(M("0", "is_power_of_two"), "false");
  EXPECT_EQ(M("6", "is_power_of_two"), "false");
}

TEST_F(NumberBuiltinsTest, Booleans) {
  EXPECT_EQ(M("true", "then", {"fn:const42"}), "Some(42)");
  EXPECT_EQ(M("false", "then", {"fn:const42"}), "None");
  EXPECT_EQ(callback_calls(), 1);
  EXPECT_EQ(M("true", "then_some", {"'x'"}), "Some(\"x\")");
  EXPECT_EQ(M("false", "then_some", {"'x'"}), "None");
  EXPECT_EQ(M("true", "then", {"fn:fail"}), "error: Runtime error: boom");
}

}  // namespace
}  // namespace ruchy::internal
