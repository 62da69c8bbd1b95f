// Tests for number text and the format-spec language (LANGUAGE.md §4).
#include "src/runtime/format.h"

#include <cmath>
#include <cstring>
#include <limits>

#include "gtest/gtest.h"

namespace ruchy::internal::runtime {
namespace {

TEST(FloatTextTest, DisplayForm) {
  EXPECT_EQ(FloatToDisplay(5.0), "5.0");
  EXPECT_EQ(FloatToDisplay(-0.0), "-0.0");
  EXPECT_EQ(FloatToDisplay(0.1), "0.1");
  EXPECT_EQ(FloatToDisplay(0.1 + 0.2), "0.30000000000000004");
  EXPECT_EQ(FloatToDisplay(3.5), "3.5");
  EXPECT_EQ(FloatToDisplay(1e-7), "0.0000001");
  EXPECT_EQ(FloatToDisplay(1e20), "100000000000000000000.0");
  EXPECT_EQ(FloatToDisplay(std::ldexp(1.0, 64)), "18446744073709551616.0");
  EXPECT_EQ(FloatToDisplay(123456789.125), "123456789.125");
  EXPECT_EQ(FloatToDisplay(-2.75), "-2.75");
  EXPECT_EQ(FloatToDisplay(std::numeric_limits<double>::infinity()), "inf");
  EXPECT_EQ(FloatToDisplay(-std::numeric_limits<double>::infinity()), "-inf");
  EXPECT_EQ(FloatToDisplay(std::nan("")), "NaN");
  // The smallest subnormal: never an exponent, 323 zeros after the point.
  EXPECT_EQ(FloatToDisplay(5e-324), "0." + std::string(323, '0') + "5");
  // A huge zero-fraction value prints its exact integer digits.
  std::string max = FloatToDisplay(std::numeric_limits<double>::max());
  EXPECT_EQ(max.size(), 311u);
  EXPECT_EQ(max.substr(0, 10), "1797693134");
  EXPECT_EQ(max.substr(max.size() - 2), ".0");
}

TEST(FloatTextTest, ShortestFormUsedByToStringAndConcatenation) {
  EXPECT_EQ(FloatToShortest(3.0), "3");
  EXPECT_EQ(FloatToShortest(2.0), "2");
  EXPECT_EQ(FloatToShortest(-0.0), "-0");
  EXPECT_EQ(FloatToShortest(2.5), "2.5");
  EXPECT_EQ(FloatToShortest(std::ldexp(1.0, 64)), "18446744073709552000");
  EXPECT_EQ(FloatToShortest(1e21), "1000000000000000000000");
  EXPECT_EQ(FloatToShortest(0.000123), "0.000123");
}

TEST(FloatTextTest, ShortestFormRoundTripsRandomDoubles) {
  uint64_t state = 0x9E3779B97F4A7C15ull;
  for (int i = 0; i < 20000; ++i) {
    state ^= state << 13;
    state ^= state >> 7;
    state ^= state << 17;
    double value;
    std::memcpy(&value, &state, sizeof(value));
    if (!std::isfinite(value)) continue;
    std::string text = FloatToShortest(value);
    ASSERT_EQ(text.find('e'), std::string::npos) << text;
    ASSERT_EQ(std::strtod(text.c_str(), nullptr), value) << text;
  }
}

TEST(FloatTextTest, FixedPrecision) {
  EXPECT_EQ(FloatToFixed(3.14159, 2), "3.14");
  EXPECT_EQ(FloatToFixed(2.5, 0), "2");       // ties to even on the exact value
  EXPECT_EQ(FloatToFixed(1.005, 2), "1.00");  // 1.005 is 1.00499999... in binary
  EXPECT_EQ(FloatToFixed(-1.5, 3), "-1.500");
  EXPECT_EQ(FloatToFixed(std::nan(""), 2), "NaN");
}

FormatSpec Spec(const char* text) {
  std::optional<FormatSpec> spec = ParseFormatSpec(text);
  EXPECT_TRUE(spec.has_value()) << text;
  return spec.value_or(FormatSpec{});
}

std::string Int(int64_t value, const char* spec) { return *FormatInteger(value, Spec(spec)); }
std::string Float(double value, const char* spec) { return *FormatFloat(value, Spec(spec)); }

TEST(FormatSpecTest, WidthFillAndAlignment) {
  EXPECT_EQ(Int(42, ">8"), "      42");
  EXPECT_EQ(Int(42, "<8"), "42      ");
  EXPECT_EQ(Int(42, "^8"), "   42   ");
  EXPECT_EQ(Int(42, "*^9"), "***42****");
  EXPECT_EQ(Int(42, "8"), "      42");  // numbers default to the right
  EXPECT_EQ(Int(42, "1"), "42");        // width never truncates
  EXPECT_EQ(Float(1.5, ">6"), "   1.5");
  FormatSpec s = Spec("8");
  EXPECT_EQ(ApplyWidth("ab", s, false), "ab      ");    // text defaults to the left
  EXPECT_EQ(ApplyWidth("é", Spec("3"), false), "é  ");  // width counts characters
  EXPECT_EQ(ApplyWidth("x", Spec("é>3"), false), "ééx");
}

TEST(FormatSpecTest, SignZeroPaddingAndPrecision) {
  EXPECT_EQ(Float(3.14159, "08.3"), "0003.142");
  EXPECT_EQ(Float(-3.14159, "08.3"), "-003.142");
  EXPECT_EQ(Float(3.14159, ".2"), "3.14");
  EXPECT_EQ(Float(2.0, "+.1"), "+2.0");
  EXPECT_EQ(Float(1.0, ""), "1.0");
  EXPECT_EQ(Int(-42, "05"), "-0042");
  EXPECT_EQ(Int(5, "+"), "+5");
  EXPECT_EQ(Int(2, ".2"), "2.00");
  EXPECT_EQ(Int(std::numeric_limits<int64_t>::min(), ""), "-9223372036854775808");
  EXPECT_EQ(Float(-std::numeric_limits<double>::infinity(), ">6"), "  -inf");
}

TEST(FormatSpecTest, RadixAndExponentForms) {
  EXPECT_EQ(Int(255, "x"), "ff");
  EXPECT_EQ(Int(255, "#x"), "0xff");
  EXPECT_EQ(Int(255, "X"), "FF");
  EXPECT_EQ(Int(5, "b"), "101");
  EXPECT_EQ(Int(5, "#010b"), "0b00000101");
  EXPECT_EQ(Int(8, "o"), "10");
  EXPECT_EQ(Int(-1, "x"), "ffffffffffffffff");
  EXPECT_EQ(Int(1234, "e"), "1.234e3");
  EXPECT_EQ(Float(1234.5, "e"), "1.2345e3");
  EXPECT_EQ(Float(1234.5, ".2e"), "1.23e3");
  EXPECT_EQ(Float(0.00012, "E"), "1.2E-4");
  EXPECT_EQ(Float(0.0, "e"), "0e0");
  EXPECT_FALSE(FormatFloat(1.5, Spec("x")).has_value());
}

TEST(FormatSpecTest, MalformedSpecs) {
  EXPECT_FALSE(ParseFormatSpec("z").has_value());
  EXPECT_FALSE(ParseFormatSpec(".x").has_value());
  EXPECT_FALSE(ParseFormatSpec(">8q").has_value());
  EXPECT_FALSE(ParseFormatSpec("99999999").has_value());  // absurd widths are rejected
  EXPECT_TRUE(ParseFormatSpec("?").has_value());
  EXPECT_EQ(Spec("?").kind, FormatKind::kDebug);
}

TEST(FormatSpecTest, WidthAndPrecisionArguments) {
  FormatSpec named = Spec(">w$.p$");
  EXPECT_EQ(named.align, FormatAlign::kRight);
  EXPECT_EQ(named.width_argument, "w");
  EXPECT_EQ(named.precision_argument, "p");
  EXPECT_EQ(named.width_index, -1);
  FormatSpec positional = Spec("*^1$.0$");
  EXPECT_EQ(positional.fill, U'*');
  EXPECT_EQ(positional.width_index, 1);
  EXPECT_EQ(positional.precision_index, 0);
  FormatSpec zero = Spec("0w$x");  // zero padding, then a named width, then a kind
  EXPECT_TRUE(zero.zero_pad);
  EXPECT_EQ(zero.width_argument, "w");
  EXPECT_EQ(zero.kind, FormatKind::kLowerHex);
  EXPECT_EQ(Spec("x").kind, FormatKind::kLowerHex);  // a kind letter without `$` is no name
  EXPECT_TRUE(Spec("x").width_argument.empty());
  EXPECT_FALSE(ParseFormatSpec(">w").has_value());
  EXPECT_FALSE(ParseFormatSpec(".p").has_value());
  EXPECT_FALSE(ParseFormatSpec(">-$").has_value());
}

TEST(FormatTemplateTest, PiecesOfATemplate) {
  FormatTemplate t = ParseFormatTemplate("a {} b {:?} {name} {0:>3} {{x}}");
  ASSERT_EQ(t.error, "");
  ASSERT_EQ(t.pieces.size(), 9u);
  EXPECT_EQ(t.pieces[0].text, "a ");
  EXPECT_EQ(t.pieces[1].type, FormatPiece::Type::kNext);
  EXPECT_EQ(t.pieces[3].type, FormatPiece::Type::kNext);
  EXPECT_EQ(t.pieces[3].spec.kind, FormatKind::kDebug);
  EXPECT_EQ(t.pieces[5].type, FormatPiece::Type::kName);
  EXPECT_EQ(t.pieces[5].text, "name");
  EXPECT_EQ(t.pieces[7].type, FormatPiece::Type::kIndex);
  EXPECT_EQ(t.pieces[7].index, 0);
  EXPECT_EQ(t.pieces[7].spec.width, 3);
  EXPECT_EQ(t.pieces[8].text, " {x}");
  EXPECT_EQ(t.next_count, 2);
}

TEST(FormatTemplateTest, Errors) {
  FormatTemplate t = ParseFormatTemplate("a { b");
  EXPECT_EQ(t.error, "unterminated '{' in format string");
  EXPECT_EQ(t.offset, 2);
  t = ParseFormatTemplate("a } b");
  EXPECT_EQ(t.error, "unmatched '}' in format string");
  EXPECT_EQ(t.offset, 2);
  t = ParseFormatTemplate("x{:z}");
  EXPECT_EQ(t.error, "unknown format spec 'z'");
  EXPECT_EQ(t.offset, 3);
  t = ParseFormatTemplate("{a-b}");
  EXPECT_EQ(t.error, "invalid argument name 'a-b' in format string");
  t = ParseFormatTemplate("no placeholders");
  EXPECT_EQ(t.error, "");
  EXPECT_EQ(t.next_count, 0);
  ASSERT_EQ(t.pieces.size(), 1u);
}

}  // namespace
}  // namespace ruchy::internal::runtime
