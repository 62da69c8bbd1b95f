// String methods: bytes vs characters, Unicode, splitting, trimming, searching (character
// indexes), case mapping, parse::<T>() with each hint, the mutating methods (push_str as a
// rope), char helpers; property tests against simple models for split/join, trim and
// replace.
#include <random>

#include "test/unittests/builtins/builtins-test-utils.h"

namespace ruchy::internal {
namespace {

using StringBuiltinsTest = BuiltinsTest;

TEST_F(StringBuiltinsTest, LengthAndCharacters) {
  EXPECT_EQ(M("'héllo'", "len"), "6");
  EXPECT_EQ(M("''", "len"), "0");
  EXPECT_EQ(M("''", "is_empty"), "true");
  EXPECT_EQ(M("' '", "is_empty"), "false");
  EXPECT_EQ(M("'héj'", "chars"), R"(["h", "é", "j"])");
  EXPECT_EQ(M("''", "chars"), "[]");
  EXPECT_EQ(M("'日本'", "chars"), R"(["日", "本"])");
  EXPECT_EQ(M("'AB'", "bytes"), "[65, 66]");
  EXPECT_EQ(M("'é'", "as_bytes"), "[195, 169]");
  EXPECT_EQ(M("'abc'", "char_indices"), R"([(0, "a"), (1, "b"), (2, "c")])");
  EXPECT_EQ(M("'héllo'", "char_indices").substr(0, 30), R"([(0, "h"), (1, "é"), (2, "l"))");
}

TEST_F(StringBuiltinsTest, Split) {
  EXPECT_EQ(M("'a,b,,c'", "split", {"','"}), R"(["a", "b", "", "c"])");
  EXPECT_EQ(M("''", "split", {"','"}), R"([""])");
  EXPECT_EQ(M("'a--b--c'", "split", {"'--'"}), R"(["a", "b", "c"])");
  EXPECT_EQ(M("',a,'", "split", {"','"}), R"(["", "a", ""])");
  EXPECT_EQ(M("'abc'", "split", {"''"}), R"(["", "a", "b", "c", ""])");
  EXPECT_EQ(M("'a b'", "split", {"1"}),
            "error: Type error: split() expects a string as argument 1, got integer");
  EXPECT_EQ(M("'a,b,c'", "splitn", {"2", "','"}), R"(["a", "b,c"])");
  EXPECT_EQ(M("'a,b,c'", "splitn", {"1", "','"}), R"(["a,b,c"])");
  EXPECT_EQ(M("'a,b,c'", "splitn", {"0", "','"}), "[]");
  EXPECT_EQ(M("'k=v=w'", "split_once", {"'='"}), R"(Some(("k", "v=w")))");
  EXPECT_EQ(M("'kv'", "split_once", {"'='"}), "None");
  EXPECT_EQ(M("'  one two\t three\n'", "split_whitespace"), R"(["one", "two", "three"])");
  EXPECT_EQ(M("'   '", "split_whitespace"), "[]");
  EXPECT_EQ(M("'x\ny\r\nz\n'", "lines"), R"(["x", "y", "z"])");
  EXPECT_EQ(M("''", "lines"), "[]");
  EXPECT_EQ(M("'\n\n'", "lines"), R"(["", ""])");
}

TEST_F(StringBuiltinsTest, Trim) {
  EXPECT_EQ(M("'  Hello World  '", "trim"), "\"Hello World\"");
  EXPECT_EQ(M("'  Hello  '", "trim_start"), "\"Hello  \"");
  EXPECT_EQ(M("'  Hello  '", "trim_end"), "\"  Hello\"");
  EXPECT_EQ(M("'\t\n x \r'", "trim"), "\"x\"");
  EXPECT_EQ(M("'   '", "trim"), "\"\"");
  EXPECT_EQ(M("'\u00a0é\u3000'", "trim"), "\"é\"");
  EXPECT_EQ(M("'xxaxx'", "trim_matches", {"'x'"}), "\"a\"");
  EXPECT_EQ(M("'xxaxx'", "trim_start_matches", {"'x'"}), "\"axx\"");
  EXPECT_EQ(M("'xxaxx'", "trim_end_matches", {"'xx'"}), "\"xxa\"");
  EXPECT_EQ(M("'abc'", "trim_matches", {"''"}), "\"abc\"");
  EXPECT_EQ(M("'prefix-x'", "strip_prefix", {"'prefix-'"}), "Some(\"x\")");
  EXPECT_EQ(M("'x'", "strip_prefix", {"'y'"}), "None");
  EXPECT_EQ(M("'file.txt'", "strip_suffix", {"'.txt'"}), "Some(\"file\")");
  EXPECT_EQ(M("'t'", "strip_suffix", {"'.txt'"}), "None");
}

TEST_F(StringBuiltinsTest, Case) {
  EXPECT_EQ(M("'MiXeD'", "to_uppercase"), "\"MIXED\"");
  EXPECT_EQ(M("'MiXeD'", "to_lowercase"), "\"mixed\"");
  EXPECT_EQ(M("'straße'", "to_uppercase"), "\"STRASSE\"");
  EXPECT_EQ(M("'ÉCOLE'", "to_lowercase"), "\"école\"");
  EXPECT_EQ(M("'αβγ'", "upper"), "\"ΑΒΓ\"");
  EXPECT_EQ(M("'ПРИВЕТ'", "lower"), "\"привет\"");
  EXPECT_EQ(M("'1-2'", "to_upper"), "\"1-2\"");
  EXPECT_EQ(M("'éa'", "to_ascii_uppercase"), "\"éA\"");
  EXPECT_EQ(M("'ÉA'", "to_ascii_lowercase"), "\"Éa\"");
  EXPECT_EQ(M("'AbC'", "eq_ignore_ascii_case", {"'aBc'"}), "true");
  EXPECT_EQ(M("'AbC'", "eq_ignore_ascii_case", {"'aB'"}), "false");
}

TEST_F(StringBuiltinsTest, Search) {
  EXPECT_EQ(M("'hello world'", "contains", {"'lo w'"}), "true");
  EXPECT_EQ(M("'hello'", "contains", {"''"}), "true");
  EXPECT_EQ(M("'hello'", "contains", {"'xyz'"}), "false");
  EXPECT_EQ(M("'hello'", "contains", {"1"}),
            "error: Type error: contains() expects a string as argument 1, got integer");
  EXPECT_EQ(M("'hello'", "starts_with", {"'hell'"}), "true");
  EXPECT_EQ(M("'hello'", "starts_with", {"'hello!'"}), "false");
  EXPECT_EQ(M("'hello'", "ends_with", {"'llo'"}), "true");
  EXPECT_EQ(M("'lo'", "ends_with", {"'hello'"}), "false");
  EXPECT_EQ(M("'hello world'", "find", {"'o'"}), "Some(4)");
  EXPECT_EQ(M("'hello world'", "rfind", {"'o'"}), "Some(7)");
  EXPECT_EQ(M("'hello'", "find", {"'z'"}), "None");
  EXPECT_EQ(M("'héllo'", "find", {"'l'"}), "Some(2)");  // a character index
  EXPECT_EQ(M("'abc'", "find", {"''"}), "Some(0)");
  EXPECT_EQ(M("'a-b-c'", "matches", {"'-'"}), R"(["-", "-"])");
  EXPECT_EQ(M("'aaa'", "matches", {"'aa'"}), R"(["aa"])");
}

TEST_F(StringBuiltinsTest, ReplaceRepeatSubstring) {
  EXPECT_EQ(M("'hello world'", "replace", {"'o'", "'0'"}), "\"hell0 w0rld\"");
  EXPECT_EQ(M("'aaa'", "replace", {"'a'", "'aa'"}), "\"aaaaaa\"");
  EXPECT_EQ(M("'abc'", "replace", {"'x'", "'y'"}), "\"abc\"");
  EXPECT_EQ(M("'ab'", "replace", {"''", "'-'"}), "\"-a-b-\"");
  EXPECT_EQ(M("'a.b.c'", "replacen", {"'.'", "'!'", "1"}), "\"a!b.c\"");
  EXPECT_EQ(M("'-'", "repeat", {"5"}), "\"-----\"");
  EXPECT_EQ(M("'ab'", "repeat", {"0"}), "\"\"");
  EXPECT_EQ(M("''", "repeat", {"1000000000000"}), "\"\"");
  EXPECT_EQ(M("'ab'", "repeat", {"-1"}),
            "error: Runtime error: repeat() expects a non-negative integer, got -1");
  EXPECT_EQ(M("'ab'", "repeat", {"1000000000000"}), "error: Out of memory");
  EXPECT_EQ(M("'abç'", "char_at", {"2"}), "\"ç\"");
  EXPECT_EQ(M("'abç'", "char_at", {"-1"}), "\"ç\"");
  EXPECT_EQ(M("'abç'", "char_at", {"3"}), "nil");
  EXPECT_EQ(M("'hello'", "substring", {"1", "3"}), "\"el\"");
  EXPECT_EQ(M("'ñandú'", "substring", {"1", "4"}), "\"and\"");
  EXPECT_EQ(M("'hello'", "slice", {"3"}), "\"lo\"");
  EXPECT_EQ(M("'hello'", "substring", {"3", "1"}), "\"\"");
  EXPECT_EQ(M("'hi'", "substring", {"5", "9"}), "\"\"");
  EXPECT_EQ(M("'a'", "append", {"'b'"}), "\"ab\"");
  EXPECT_EQ(M("'{} and {}'", "format", {"1", "'x'"}), "\"1 and x\"");
}

TEST_F(StringBuiltinsTest, Parse) {
  EXPECT_EQ(M("'42'", "parse", {}, "i64"), "Ok(42)");
  EXPECT_EQ(M("'-7'", "parse", {}, "i32"), "Ok(-7)");
  EXPECT_EQ(M("'+7'", "parse", {}, "i32"), "Ok(7)");
  EXPECT_EQ(M("' 42\n'", "parse", {}, "i64"), "Ok(42)");
  EXPECT_EQ(M("'abc'", "parse", {}, "i64"), "Err(\"invalid digit found in string\")");
  EXPECT_EQ(M("''", "parse", {}, "i64"), "Err(\"cannot parse integer from empty string\")");
  EXPECT_EQ(M("'-'", "parse", {}, "i64"), "Err(\"invalid digit found in string\")");
  EXPECT_EQ(M("'9223372036854775807'", "parse", {}, "i64"), "Ok(9223372036854775807)");
  EXPECT_EQ(M("'-9223372036854775808'", "parse", {}, "i64"), "Ok(-9223372036854775808)");
  EXPECT_EQ(M("'9223372036854775808'", "parse", {}, "i64"),
            "Err(\"number too large to fit in target type\")");
  EXPECT_EQ(M("'99999999999999999999999'", "parse", {}, "i64"),
            "Err(\"number too large to fit in target type\")");
  EXPECT_EQ(M("'300'", "parse", {}, "u8"), "Err(\"number too large to fit in target type\")");
  EXPECT_EQ(M("'255'", "parse", {}, "u8"), "Ok(255)");
  EXPECT_EQ(M("'-1'", "parse", {}, "usize"), "Err(\"invalid digit found in string\")");
  EXPECT_EQ(M("'-129'", "parse", {}, "i8"), "Err(\"number too small to fit in target type\")");
  EXPECT_EQ(M("'2.5'", "parse", {}, "f64"), "Ok(2.5)");
  EXPECT_EQ(M("'7'", "parse", {}, "f64"), "Ok(7.0)");
  EXPECT_EQ(M("'1e3'", "parse", {}, "f32"), "Ok(1000.0)");
  EXPECT_EQ(M("'-.5'", "parse", {}, "f64"), "Ok(-0.5)");
  EXPECT_EQ(M("'inf'", "parse", {}, "f64"), "Ok(inf)");
  EXPECT_EQ(M("'1e999'", "parse", {}, "f64"), "Ok(inf)");
  EXPECT_EQ(M("'x1'", "parse", {}, "f64"), "Err(\"invalid float literal\")");
  EXPECT_EQ(M("'1.5.2'", "parse", {}, "f64"), "Err(\"invalid float literal\")");
  EXPECT_EQ(M("'0x10'", "parse", {}, "f64"), "Err(\"invalid float literal\")");
  EXPECT_EQ(M("'--1'", "parse", {}, "f64"), "Err(\"invalid float literal\")");
  EXPECT_EQ(M("''", "parse", {}, "f64"), "Err(\"cannot parse float from empty string\")");
  EXPECT_EQ(M("'true'", "parse", {}, "bool"), "Ok(true)");
  EXPECT_EQ(M("'yes'", "parse", {}, "bool"), "Err(\"provided string was not `true` or `false`\")");
  EXPECT_EQ(M("'é'", "parse", {}, "char"), "Ok(\"é\")");
  EXPECT_EQ(M("'ab'", "parse", {}, "char"), "Err(\"too many characters in string\")");
  EXPECT_EQ(M("'ab'", "parse", {}, "String"), "Ok(\"ab\")");
  EXPECT_EQ(M("'12'", "parse"), "Ok(12)");
  EXPECT_EQ(M("'1.25'", "parse"), "Ok(1.25)");
  EXPECT_EQ(M("'z'", "parse"), "Err(\"invalid digit found in string\")");
  EXPECT_EQ(M("'1'", "parse", {}, "Point"), "error: Type error: Cannot parse a string as Point");
  EXPECT_EQ(M("'12'", "to_int"), "12");
  EXPECT_EQ(M("'x'", "to_integer"), "error: Runtime error: Failed to parse 'x' as integer");
  EXPECT_EQ(M("'1.5'", "to_float"), "1.5");
}

TEST_F(StringBuiltinsTest, FromStrRadix) {
  EXPECT_EQ(Fn("i64::from_str_radix", {"'ff'", "16"}), "Ok(255)");
  EXPECT_EQ(Fn("i64::from_str_radix", {"'-101'", "2"}), "Ok(-5)");
  EXPECT_EQ(Fn("std::i32::from_str_radix", {"'Z'", "36"}), "Ok(35)");
  EXPECT_EQ(Fn("u8::from_str_radix", {"'100'", "16"}),
            "Err(\"number too large to fit in target type\")");
  EXPECT_EQ(Fn("u32::from_str_radix", {"'-1'", "10"}), "Err(\"invalid digit found in string\")");
  EXPECT_EQ(Fn("i64::from_str_radix", {"'12'", "2"}), "Err(\"invalid digit found in string\")");
  EXPECT_EQ(Fn("i64::from_str_radix", {"''", "2"}),
            "Err(\"cannot parse integer from empty string\")");
  EXPECT_EQ(Fn("i64::from_str_radix", {"'ffffffffffffffffff'", "16"}),
            "Err(\"number too large to fit in target type\")");
  EXPECT_EQ(Fn("i64::from_str_radix", {"'1'", "37"}),
            "error: Runtime error: from_str_radix() radix must be between 2 and 36, got 37");
}

TEST_F(StringBuiltinsTest, PushStrBuildsARopeInPlace) {
  H s = V("''");
  H copy = Slot(s);
  EXPECT_EQ(MP(&s, "push_str", {"'ab'"}), "nil");
  EXPECT_EQ(MP(&s, "push", {"'c'"}), "nil");
  EXPECT_EQ(Show(s), "\"abc\"");
  EXPECT_EQ(Show(copy), "\"\"");  // strings are values
  EXPECT_EQ(MP(&s, "push_str", {"5"}),
            "error: Type error: push_str() expects a string as argument 1, got integer");
  H long_string = V("''");
  for (int i = 0; i < 20000; ++i) {
    HandleScope scope(isolate());
    ASSERT_EQ(MP(&long_string, "push_str", {"'ab'"}), "nil");
  }
  EXPECT_EQ(String::cast(*long_string).length(), 40000u);
  EXPECT_TRUE((*long_string).IsConsString());
  EXPECT_EQ(M("'x'", "len"), "1");
}

TEST_F(StringBuiltinsTest, OtherMutators) {
  H s = V("'héllo'");
  EXPECT_EQ(MP(&s, "pop"), "Some(\"o\")");
  EXPECT_EQ(Show(s), "\"héll\"");
  EXPECT_EQ(MP(&s, "remove", {"1"}), "\"é\"");
  EXPECT_EQ(Show(s), "\"hll\"");
  EXPECT_EQ(MP(&s, "insert", {"1", "'e'"}), "nil");
  EXPECT_EQ(MP(&s, "insert_str", {"4", "'o!'"}), "nil");
  EXPECT_EQ(Show(s), "\"hello!\"");
  EXPECT_EQ(MP(&s, "insert", {"9", "'x'"}),
            "error: Runtime error: Index 9 out of bounds for string of length 6");
  EXPECT_EQ(MP(&s, "remove", {"6"}),
            "error: Runtime error: Index 6 out of bounds for string of length 6");
  EXPECT_EQ(MP(&s, "truncate", {"4"}), "nil");
  EXPECT_EQ(Show(s), "\"hell\"");
  EXPECT_EQ(MP(&s, "truncate", {"40"}), "nil");
  EXPECT_EQ(MP(&s, "clear"), "nil");
  EXPECT_EQ(Show(s), "\"\"");
  EXPECT_EQ(MP(&s, "pop"), "None");
}

TEST_F(StringBuiltinsTest, CharacterClasses) {
  EXPECT_EQ(M("'123'", "is_numeric"), "true");
  EXPECT_EQ(M("'12a'", "is_numeric"), "false");
  EXPECT_EQ(M("''", "is_numeric"), "true");  // vacuously, as the reference
  EXPECT_EQ(M("'abc'", "is_alphabetic"), "true");
  EXPECT_EQ(M("'ñé'", "is_alphabetic"), "true");
  EXPECT_EQ(M("'日本'", "is_alphabetic"), "true");
  EXPECT_EQ(M("'ab1'", "is_alphabetic"), "false");
  EXPECT_EQ(M("'a1'", "is_alphanumeric"), "true");
  EXPECT_EQ(M("'a 1'", "is_alphanumeric"), "false");
  EXPECT_EQ(M("' \t'", "is_whitespace"), "true");
  EXPECT_EQ(M("'A'", "is_uppercase"), "true");
  EXPECT_EQ(M("'É'", "is_uppercase"), "true");
  EXPECT_EQ(M("'a'", "is_uppercase"), "false");
  EXPECT_EQ(M("'ß'", "is_lowercase"), "true");
  EXPECT_EQ(M("'7'", "is_digit"), "true");
  EXPECT_EQ(M("'f'", "is_digit", {"16"}), "true");
  EXPECT_EQ(M("'g'", "is_digit", {"16"}), "false");
  EXPECT_EQ(M("'7'", "is_digit", {"40"}),
            "error: Runtime error: is_digit() radix must be between 2 and 36, got 40");
  EXPECT_EQ(M("'7'", "to_digit"), "Some(7)");
  EXPECT_EQ(M("'F'", "to_digit", {"16"}), "Some(15)");
  EXPECT_EQ(M("'x'", "to_digit"), "None");
  EXPECT_EQ(M("'12'", "to_digit"), "None");
  EXPECT_EQ(M("'é'", "is_ascii"), "false");
  EXPECT_EQ(M("'9'", "is_ascii_digit"), "true");
  EXPECT_EQ(M("'é'", "is_ascii_alphabetic"), "false");
  EXPECT_EQ(M("'b2'", "is_ascii_alphanumeric"), "true");
  EXPECT_EQ(M("'!'", "is_ascii_punctuation"), "true");
  EXPECT_EQ(M("'B'", "is_ascii_uppercase"), "true");
  EXPECT_EQ(M("'b'", "is_ascii_lowercase"), "true");
  EXPECT_EQ(Fn("char::from_u32", {"233"}), "Some(\"é\")");
  EXPECT_EQ(Fn("char::from_u32", {"55296"}), "None");
  EXPECT_EQ(Fn("char::from_u32", {"-1"}), "None");
  EXPECT_EQ(Fn("char::from_digit", {"7", "10"}), "Some(\"7\")");
  EXPECT_EQ(Fn("char::from_digit", {"11", "16"}), "Some(\"b\")");
  EXPECT_EQ(Fn("char::from_digit", {"11", "10"}), "None");
  EXPECT_EQ(Fn("char::from", {"65"}), "\"A\"");
  EXPECT_EQ(Fn("char::from", {"1114112"}), "error: Runtime error: 1114112 is not a character");
}

std::string RandomText(std::mt19937& rng, int max_length) {
  static const char* kPieces[] = {"a", "b", ",", " ", "é", "日", "\t", "ab", ",,"};
  std::string s;
  int n = static_cast<int>(rng() % (max_length + 1));
  for (int i = 0; i < n; ++i) s += kPieces[rng() % 9];
  return s;
}

// Property: split then join with the same separator gives the input back, and split
// agrees with a simple model.
TEST_F(StringBuiltinsTest, SplitJoinRoundTripMatchesModel) {
  std::mt19937 rng(424242);
  for (int round = 0; round < 300; ++round) {
    HandleScope scope(isolate());
    std::string text = RandomText(rng, 12);
    std::string separator = round % 3 == 0 ? "," : round % 3 == 1 ? ",," : "é";
    H receiver = Str(text);
    std::vector<std::string> model;
    size_t start = 0;
    for (size_t at; (at = text.find(separator, start)) != std::string::npos;
         start = at + separator.size()) {
      model.push_back(text.substr(start, at - start));
    }
    model.push_back(text.substr(start));
    H parts = V("[]");
    std::vector<H> split_args = {Str(separator)};
    H place = Slot(receiver);
    std::string split = MethodValues(&place, "split", split_args);
    ASSERT_EQ(split.substr(0, 1), "[");
    // Rebuild the split result to join it.
    std::optional<BuiltinMethodId> id = LookupBuiltinMethod(isolate(), *receiver, "split");
    BuiltinArguments call;
    call.isolate = isolate();
    place = Slot(receiver);
    call.receiver = &place;
    call.argc = 1;
    call.argv = split_args.data();
    call.name = "split";
    parts = CallBuiltinMethod(*id, call).ToHandleChecked();
    ASSERT_EQ(Array::cast(*parts).length(), static_cast<int>(model.size())) << text;
    for (size_t i = 0; i < model.size(); ++i) {
      EXPECT_EQ(String::cast(Array::cast(*parts).GetTagged(static_cast<int>(i))).ToStdString(),
                model[i]);
    }
    EXPECT_EQ(MethodValues(&parts, "join", {Str(separator)}), Show(receiver)) << text;
  }
}

// Property: trim agrees with a model that strips ASCII whitespace and the Unicode spaces
// used here; replace agrees with a find-and-copy model.
TEST_F(StringBuiltinsTest, TrimAndReplaceMatchModels) {
  std::mt19937 rng(777);
  auto is_space = [](char c) { return c == ' ' || c == '\t'; };
  for (int round = 0; round < 300; ++round) {
    HandleScope scope(isolate());
    std::string text = RandomText(rng, 10);
    size_t first = 0, last = text.size();
    while (first < last && is_space(text[first])) ++first;
    while (last > first && is_space(text[last - 1])) --last;
    H receiver = Str(text);
    H place = Slot(receiver);
    EXPECT_EQ(MethodValues(&place, "trim", {}), Show(Str(text.substr(first, last - first))));
    std::string from = round % 2 == 0 ? "a" : "ab";
    std::string to = round % 4 < 2 ? "X" : "";
    std::string model;
    size_t start = 0;
    for (size_t at; (at = text.find(from, start)) != std::string::npos; start = at + from.size()) {
      model += text.substr(start, at - start) + to;
    }
    model += text.substr(start);
    place = Slot(receiver);
    EXPECT_EQ(MethodValues(&place, "replace", {Str(from), Str(to)}), Show(Str(model))) << text;
  }
}

}  // namespace
}  // namespace ruchy::internal
