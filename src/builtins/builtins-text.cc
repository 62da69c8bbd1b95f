// Characters and numbers in text: parse::<T>() and the other string-to-number
// conversions (Rust's rules and error texts), the character classes (is_alphabetic,
// is_digit...), to_digit, from_str_radix and the char:: constructors.
#include <charconv>
#include <cmath>
#include <string_view>

#include "src/builtins/builtins-impl.h"
#include "src/builtins/builtins-utils.h"
#include "src/builtins/unicode.h"

namespace ruchy::internal::builtins {

namespace {

std::string ReceiverText(BuiltinArguments& args) { return ToStdString(**args.receiver); }

// All characters satisfy `predicate` (vacuously true for "", as in the reference).
template <typename Predicate>
MaybeHandle<Value> AllChars(BuiltinArguments& args, Predicate predicate) {
  std::string text = ReceiverText(args);
  size_t i = 0;
  bool all = true;
  while (i < text.size() && all) all = predicate(unicode::Next(text, &i));
  return Boolean(args.isolate, all);
}

bool RadixArgument(BuiltinArguments& args, int index, int* radix) {
  *radix = 10;
  if (args.argc <= index) return true;
  int64_t value;
  if (!IntegerArgument(args, index, &value)) return false;
  if (value < 2 || value > 36) {
    Fail(args.isolate, "Runtime error: " + std::string(args.name) +
                           "() radix must be between 2 and 36, got " + std::to_string(value));
    return false;
  }
  *radix = static_cast<int>(value);
  return true;
}

int DigitValue(char32_t c) {
  if (c >= '0' && c <= '9') return static_cast<int>(c - '0');
  if (c >= 'a' && c <= 'z') return static_cast<int>(c - 'a') + 10;
  if (c >= 'A' && c <= 'Z') return static_cast<int>(c - 'A') + 10;
  return 99;
}

}  // namespace

// --- Parsing.

std::optional<int64_t> ParseIntegerText(std::string_view text, std::string* error) {
  text = TrimWhitespace(text, true, true);
  if (text.empty()) {
    *error = "cannot parse integer from empty string";
    return std::nullopt;
  }
  bool negative = text[0] == '-';
  if (text[0] == '+' || text[0] == '-') text.remove_prefix(1);
  if (text.empty()) {
    *error = "invalid digit found in string";
    return std::nullopt;
  }
  uint64_t magnitude = 0;
  for (char c : text) {
    if (c < '0' || c > '9') {
      *error = "invalid digit found in string";
      return std::nullopt;
    }
    if (magnitude > (UINT64_MAX - 9) / 10)
      magnitude = UINT64_MAX;  // saturate
    else
      magnitude = magnitude * 10 + static_cast<uint64_t>(c - '0');
  }
  uint64_t limit = negative ? uint64_t{1} << 63 : (uint64_t{1} << 63) - 1;
  if (magnitude > limit) {
    *error = negative ? "number too small to fit in target type"
                      : "number too large to fit in target type";
    return std::nullopt;
  }
  return negative ? static_cast<int64_t>(0 - magnitude) : static_cast<int64_t>(magnitude);
}

std::optional<double> ParseFloatText(std::string_view text, std::string* error) {
  text = TrimWhitespace(text, true, true);
  if (text.empty()) {
    *error = "cannot parse float from empty string";
    return std::nullopt;
  }
  *error = "invalid float literal";
  bool negative = text[0] == '-';
  if (text[0] == '+' || text[0] == '-') text.remove_prefix(1);
  // from_chars also takes "nan(...)" and hex-free forms; Rust takes neither sign twice
  // nor a payload, so check the characters first.
  for (char c : text) {
    bool ok = (c >= '0' && c <= '9') || c == '.' || c == 'e' || c == 'E' || c == '+' || c == '-' ||
              (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
    if (!ok) return std::nullopt;
  }
  if (text.empty() || text[0] == '+' || text[0] == '-') return std::nullopt;
  double value = 0;
  auto [ptr, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (ptr != text.data() + text.size()) return std::nullopt;
  if (ec == std::errc::result_out_of_range) {
    // Overflow reads as infinity and underflow as zero, as Rust does.
    bool tiny = text.find_first_of("eE") != std::string_view::npos &&
                text[text.find_first_of("eE") + 1] == '-';
    value = tiny ? 0.0 : HUGE_VAL;
  } else if (ec != std::errc()) {
    return std::nullopt;
  }
  return negative ? -value : value;
}

namespace {

struct IntegerType {
  std::string_view name;  // compared against every parse's hint: no strlen per compare
  int64_t min;
  int64_t max;
};

constexpr IntegerType kIntegerTypes[] = {
    {"i8", INT8_MIN, INT8_MAX},    {"i16", INT16_MIN, INT16_MAX},  {"i32", INT32_MIN, INT32_MAX},
    {"i64", INT64_MIN, INT64_MAX}, {"i128", INT64_MIN, INT64_MAX}, {"isize", INT64_MIN, INT64_MAX},
    {"u8", 0, UINT8_MAX},          {"u16", 0, UINT16_MAX},         {"u32", 0, UINT32_MAX},
    {"u64", 0, INT64_MAX},         {"u128", 0, INT64_MAX},         {"usize", 0, INT64_MAX},
};

MaybeHandle<Value> ParseError(Isolate* isolate, std::string_view message) {
  Handle<Value> text;
  if (!NewString(isolate, message).ToHandle(&text)) return {};
  return NewErr(isolate, text);
}

MaybeHandle<Value> OkOf(Isolate* isolate, MaybeHandle<Value> maybe) {
  Handle<Value> value;
  if (!maybe.ToHandle(&value)) return {};
  return NewOk(isolate, value);
}

}  // namespace

MaybeHandle<Value> StringParse(BuiltinArguments& args) {
  // The turbofish or annotation type decides (decision 14); without one, an integer and
  // then a float are tried.
  Isolate* isolate = args.isolate;
  std::string text = ReceiverText(args);
  std::string_view hint = args.type_hint;
  std::string error;
  for (const IntegerType& type : kIntegerTypes) {
    if (hint != type.name) continue;
    std::optional<int64_t> value = ParseIntegerText(text, &error);
    if (!value) {
      // Rust rejects a sign on unsigned types as a digit error; report that the same way.
      return ParseError(isolate, error);
    }
    if (*value < type.min) {
      return ParseError(isolate, type.min == 0 ? "invalid digit found in string"
                                               : "number too small to fit in target type");
    }
    if (*value > type.max) return ParseError(isolate, "number too large to fit in target type");
    return OkOf(isolate, Integer(isolate, *value));
  }
  if (hint == "f64" || hint == "f32") {
    std::optional<double> value = ParseFloatText(text, &error);
    if (!value) return ParseError(isolate, error);
    return OkOf(isolate, Float(isolate, *value));
  }
  if (hint == "bool") {
    if (text == "true" || text == "false") return OkOf(isolate, Boolean(isolate, text == "true"));
    return ParseError(isolate, "provided string was not `true` or `false`");
  }
  if (hint == "char") {
    auto chars = CharBoundaries(text);
    if (chars.size() == 1) return OkOf(isolate, *args.receiver);
    return ParseError(isolate, chars.empty() ? "cannot parse char from empty string"
                                             : "too many characters in string");
  }
  if (hint == "String" || hint == "str") return OkOf(isolate, *args.receiver);
  if (!hint.empty()) {
    return Fail(isolate, "Type error: Cannot parse a string as " + std::string(hint));
  }
  std::optional<int64_t> integer = ParseIntegerText(text, &error);
  if (integer) return OkOf(isolate, Integer(isolate, *integer));
  std::string float_error;
  std::optional<double> number = ParseFloatText(text, &float_error);
  if (number) return OkOf(isolate, Float(isolate, *number));
  return ParseError(isolate, error);
}

MaybeHandle<Value> StringToInt(BuiltinArguments& args) {
  std::string text = ReceiverText(args);
  std::string error;
  std::optional<int64_t> value = ParseIntegerText(text, &error);
  if (!value) {
    return Fail(args.isolate, "Runtime error: Failed to parse '" + text + "' as integer");
  }
  return Integer(args.isolate, *value);
}

MaybeHandle<Value> StringToFloat(BuiltinArguments& args) {
  std::string text = ReceiverText(args);
  std::string error;
  std::optional<double> value = ParseFloatText(text, &error);
  if (!value) return Fail(args.isolate, "Runtime error: Failed to parse '" + text + "' as float");
  return Float(args.isolate, *value);
}

// --- Character classes (all characters must match).

MaybeHandle<Value> StringIsNumeric(BuiltinArguments& args) {
  return AllChars(args, unicode::IsNumeric);
}
MaybeHandle<Value> StringIsAlphabetic(BuiltinArguments& args) {
  return AllChars(args, unicode::IsAlphabetic);
}
MaybeHandle<Value> StringIsAlphanumeric(BuiltinArguments& args) {
  return AllChars(args,
                  [](char32_t c) { return unicode::IsAlphabetic(c) || unicode::IsNumeric(c); });
}
MaybeHandle<Value> StringIsWhitespace(BuiltinArguments& args) {
  return AllChars(args, unicode::IsWhitespace);
}
MaybeHandle<Value> StringIsUppercase(BuiltinArguments& args) {
  return AllChars(args, unicode::IsUppercase);
}
MaybeHandle<Value> StringIsLowercase(BuiltinArguments& args) {
  return AllChars(args, unicode::IsLowercase);
}
MaybeHandle<Value> StringIsAscii(BuiltinArguments& args) {
  return AllChars(args, [](char32_t c) { return c < 0x80; });
}
MaybeHandle<Value> StringIsAsciiDigit(BuiltinArguments& args) {
  return AllChars(args, [](char32_t c) { return c >= '0' && c <= '9'; });
}
MaybeHandle<Value> StringIsAsciiAlphabetic(BuiltinArguments& args) {
  return AllChars(args, [](char32_t c) { return c < 0x80 && unicode::IsAlphabetic(c); });
}
MaybeHandle<Value> StringIsAsciiAlphanumeric(BuiltinArguments& args) {
  return AllChars(args, [](char32_t c) {
    return c < 0x80 && (unicode::IsAlphabetic(c) || unicode::IsNumeric(c));
  });
}
MaybeHandle<Value> StringIsAsciiUppercase(BuiltinArguments& args) {
  return AllChars(args, [](char32_t c) { return c >= 'A' && c <= 'Z'; });
}
MaybeHandle<Value> StringIsAsciiLowercase(BuiltinArguments& args) {
  return AllChars(args, [](char32_t c) { return c >= 'a' && c <= 'z'; });
}
MaybeHandle<Value> StringIsAsciiPunctuation(BuiltinArguments& args) {
  return AllChars(args, [](char32_t c) {
    return (c >= 0x21 && c <= 0x2F) || (c >= 0x3A && c <= 0x40) || (c >= 0x5B && c <= 0x60) ||
           (c >= 0x7B && c <= 0x7E);
  });
}

MaybeHandle<Value> StringIsDigit(BuiltinArguments& args) {
  int radix;
  if (!RadixArgument(args, 0, &radix)) return {};
  return AllChars(args, [radix](char32_t c) { return DigitValue(c) < radix; });
}

MaybeHandle<Value> StringToDigit(BuiltinArguments& args) {
  Isolate* isolate = args.isolate;
  int radix;
  if (!RadixArgument(args, 0, &radix)) return {};
  std::string text = ReceiverText(args);
  size_t i = 0;
  if (text.empty()) return None(isolate);
  int digit = DigitValue(unicode::Next(text, &i));
  if (i != text.size() || digit >= radix) return None(isolate);
  return Some(isolate, handle(Smi::FromInt(digit), isolate));
}

MaybeHandle<Value> FromStrRadix(BuiltinArguments& args) {
  // i64::from_str_radix("ff", 16): Ok(255) or Err(message), signs allowed.
  Isolate* isolate = args.isolate;
  std::string text;
  int64_t radix;
  if (!StringArgument(args, 0, &text) || !IntegerArgument(args, 1, &radix)) return {};
  if (radix < 2 || radix > 36) {
    return Fail(isolate, "Runtime error: from_str_radix() radix must be between 2 and 36, got " +
                             std::to_string(radix));
  }
  std::string_view digits(text);
  bool negative = !digits.empty() && digits[0] == '-';
  if (!digits.empty() && (digits[0] == '-' || digits[0] == '+')) digits.remove_prefix(1);
  if (digits.empty()) {
    return ParseError(isolate, text.empty() ? "cannot parse integer from empty string"
                                            : "invalid digit found in string");
  }
  uint64_t magnitude = 0;
  bool overflow = false;
  for (char c : digits) {
    int digit = DigitValue(static_cast<unsigned char>(c));
    if (digit >= radix) return ParseError(isolate, "invalid digit found in string");
    overflow = overflow ||
               __builtin_mul_overflow(magnitude, static_cast<uint64_t>(radix), &magnitude) ||
               __builtin_add_overflow(magnitude, static_cast<uint64_t>(digit), &magnitude);
  }
  uint64_t limit = negative ? uint64_t{1} << 63 : (uint64_t{1} << 63) - 1;
  if (overflow || magnitude > limit) {
    return ParseError(isolate, negative ? "number too small to fit in target type"
                                        : "number too large to fit in target type");
  }
  int64_t value = negative ? static_cast<int64_t>(0 - magnitude) : static_cast<int64_t>(magnitude);
  // The type is the path segment before "::from_str_radix" ("u8" in u8::from_str_radix).
  std::string_view name = args.name;
  name = name.substr(0, name.rfind("::"));
  if (size_t colons = name.rfind("::"); colons != std::string_view::npos) {
    name.remove_prefix(colons + 2);
  }
  for (const IntegerType& type : kIntegerTypes) {
    if (name != type.name) continue;
    if (value < type.min) {
      return ParseError(isolate, type.min == 0 ? "invalid digit found in string"
                                               : "number too small to fit in target type");
    }
    if (value > type.max) return ParseError(isolate, "number too large to fit in target type");
  }
  return OkOf(isolate, Integer(isolate, value));
}

// --- char:: constructors.

MaybeHandle<Value> CharFromU32(BuiltinArguments& args) {
  Isolate* isolate = args.isolate;
  int64_t code;
  if (!IntegerArgument(args, 0, &code)) return {};
  if (code < 0 || code > 0x10FFFF || (code >= 0xD800 && code <= 0xDFFF)) return None(isolate);
  std::string text;
  unicode::Append(&text, static_cast<char32_t>(code));
  Handle<Value> c;
  if (!NewString(isolate, text).ToHandle(&c)) return {};
  return Some(isolate, c);
}

MaybeHandle<Value> CharFromDigit(BuiltinArguments& args) {
  Isolate* isolate = args.isolate;
  int64_t digit, radix;
  if (!IntegerArgument(args, 0, &digit) || !IntegerArgument(args, 1, &radix)) return {};
  if (radix < 2 || radix > 36) {
    return Fail(isolate, "Runtime error: char::from_digit() radix must be between 2 and 36");
  }
  if (digit < 0 || digit >= radix) return None(isolate);
  char c = static_cast<char>(digit < 10 ? '0' + digit : 'a' + digit - 10);
  Handle<Value> text;
  if (!NewString(isolate, std::string_view(&c, 1)).ToHandle(&text)) return {};
  return Some(isolate, text);
}

MaybeHandle<Value> CharFrom(BuiltinArguments& args) {
  Value value = *args.at(0);
  if (value.IsString()) return args.at(0);
  int64_t code;
  if (!IntegerArgument(args, 0, &code)) return {};
  if (code < 0 || code > 0x10FFFF || (code >= 0xD800 && code <= 0xDFFF)) {
    return Fail(args.isolate, "Runtime error: " + std::to_string(code) + " is not a character");
  }
  std::string text;
  unicode::Append(&text, static_cast<char32_t>(code));
  return NewString(args.isolate, text);
}

}  // namespace ruchy::internal::builtins
