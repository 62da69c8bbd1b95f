// Number text and the format-spec language. Floats go through std::to_chars (shortest
// round-trip digits) and are then written out positionally, because Ruchy never prints
// an exponent unless asked with {:e}.
#include "src/runtime/format.h"

#include <charconv>
#include <cmath>
#include <cstdio>

namespace ruchy::internal::runtime {

namespace {

// Shortest round-trip digits of a finite, non-negative `value`: value = 0.DIGITS * 10^point.
struct Digits {
  std::string digits;
  int point;
};

Digits ShortestDigits(double value) {
  char buffer[64];
  auto result =
      std::to_chars(buffer, buffer + sizeof(buffer), value, std::chars_format::scientific);
  std::string_view text(buffer, result.ptr - buffer);  // e.g. "1.2345e+03", "0e+00"
  size_t e = text.find('e');
  Digits out;
  for (char c : text.substr(0, e)) {
    if (c != '.') out.digits += c;
  }
  int exponent = 0;
  std::from_chars(text.data() + e + (text[e + 1] == '+' ? 2 : 1), text.data() + text.size(),
                  exponent);
  out.point = exponent + 1;
  while (out.digits.size() > 1 && out.digits.back() == '0') out.digits.pop_back();
  return out;
}

std::string Positional(const Digits& d) {
  int n = static_cast<int>(d.digits.size());
  if (d.digits == "0") return "0";
  if (d.point >= n) return d.digits + std::string(d.point - n, '0');
  if (d.point <= 0) return "0." + std::string(-d.point, '0') + d.digits;
  return d.digits.substr(0, d.point) + "." + d.digits.substr(d.point);
}

const char* NonFinite(double value) {
  if (std::isnan(value)) return "NaN";
  if (std::isinf(value)) return value > 0 ? "inf" : "-inf";
  return nullptr;
}

std::string Printf(const char* format, int precision, double value) {
  int size = std::snprintf(nullptr, 0, format, precision, value);
  std::string out(static_cast<size_t>(size) + 1, '\0');
  std::snprintf(out.data(), out.size(), format, precision, value);
  out.resize(static_cast<size_t>(size));
  return out;
}

void AppendUtf8(std::string* out, char32_t c) {
  if (c < 0x80) {
    *out += static_cast<char>(c);
  } else if (c < 0x800) {
    *out += static_cast<char>(0xC0 | (c >> 6));
    *out += static_cast<char>(0x80 | (c & 0x3F));
  } else if (c < 0x10000) {
    *out += static_cast<char>(0xE0 | (c >> 12));
    *out += static_cast<char>(0x80 | ((c >> 6) & 0x3F));
    *out += static_cast<char>(0x80 | (c & 0x3F));
  } else {
    *out += static_cast<char>(0xF0 | (c >> 18));
    *out += static_cast<char>(0x80 | ((c >> 12) & 0x3F));
    *out += static_cast<char>(0x80 | ((c >> 6) & 0x3F));
    *out += static_cast<char>(0x80 | (c & 0x3F));
  }
}

// Decodes the first code point of `text`; returns its byte length, 0 if malformed.
int DecodeUtf8(std::string_view text, char32_t* out) {
  if (text.empty()) return 0;
  unsigned char b = static_cast<unsigned char>(text[0]);
  int length = b < 0x80 ? 1 : (b >> 5) == 6 ? 2 : (b >> 4) == 14 ? 3 : (b >> 3) == 30 ? 4 : 0;
  if (length == 0 || static_cast<int>(text.size()) < length) return 0;
  char32_t c = length == 1 ? b : b & (0x7F >> length);
  for (int i = 1; i < length; ++i) {
    unsigned char cont = static_cast<unsigned char>(text[i]);
    if ((cont & 0xC0) != 0x80) return 0;
    c = (c << 6) | (cont & 0x3F);
  }
  *out = c;
  return length;
}

// Lays out sign, radix prefix and digits with zero padding, or hands off to ApplyWidth.
std::string Pad(std::string sign, std::string prefix, std::string digits, const FormatSpec& spec) {
  if (spec.zero_pad) {
    int used = static_cast<int>(sign.size() + prefix.size() + CountCodePoints(digits));
    if (spec.width > used) digits.insert(0, static_cast<size_t>(spec.width - used), '0');
    return sign + prefix + digits;
  }
  return ApplyWidth(sign + prefix + digits, spec, /*numeric=*/true);
}

// "1.2345e3" from shortest digits, or with a fixed number of decimals.
std::string Exponent(double magnitude, int precision, bool upper) {
  std::string mantissa;
  int exponent;
  if (precision < 0) {
    Digits d = ShortestDigits(magnitude);
    mantissa = d.digits.substr(0, 1);
    if (d.digits.size() > 1) mantissa += "." + d.digits.substr(1);
    exponent = d.digits == "0" ? 0 : d.point - 1;
  } else {
    std::string text = Printf("%.*e", precision, magnitude);  // "1.23e+03"
    size_t e = text.find('e');
    mantissa = text.substr(0, e);
    exponent = std::stoi(text.substr(e + 1));
  }
  return mantissa + (upper ? "E" : "e") + std::to_string(exponent);
}

}  // namespace

size_t CountCodePoints(std::string_view utf8) {
  size_t count = 0;
  for (char c : utf8) count += (static_cast<unsigned char>(c) & 0xC0) != 0x80;
  return count;
}

std::string FloatToShortest(double value) {
  if (const char* text = NonFinite(value)) return text;
  std::string out = std::signbit(value) ? "-" : "";
  return out + Positional(ShortestDigits(std::fabs(value)));
}

std::string FloatToDisplay(double value) {
  if (const char* text = NonFinite(value)) return text;
  // A zero fraction prints the exact integer value with one decimal, as the reference's
  // `{:.1}` does; glibc's printf is exact for every double.
  if (value == std::trunc(value)) return Printf("%.*f", 1, value);
  return FloatToShortest(value);
}

std::string FloatToFixed(double value, int precision) {
  if (const char* text = NonFinite(value)) return text;
  return Printf("%.*f", precision, value);
}

std::optional<FormatSpec> ParseFormatSpec(std::string_view text) {
  FormatSpec spec;
  size_t i = 0;
  auto align_of = [](char c) {
    return c == '<'   ? FormatAlign::kLeft
           : c == '>' ? FormatAlign::kRight
           : c == '^' ? FormatAlign::kCenter
                      : FormatAlign::kNone;
  };
  // [[fill]align]: a fill is any one character followed by an alignment character.
  char32_t fill;
  int fill_length = DecodeUtf8(text, &fill);
  if (fill_length > 0 && static_cast<size_t>(fill_length) < text.size() &&
      align_of(text[fill_length]) != FormatAlign::kNone) {
    spec.fill = fill;
    spec.align = align_of(text[fill_length]);
    i = static_cast<size_t>(fill_length) + 1;
  } else if (!text.empty() && align_of(text[0]) != FormatAlign::kNone) {
    spec.align = align_of(text[0]);
    i = 1;
  }
  if (i < text.size() && (text[i] == '+' || text[i] == '-')) {
    spec.plus = text[i] == '+';
    ++i;
  }
  if (i < text.size() && text[i] == '#') {
    spec.alternate = true;
    ++i;
  }
  if (i < text.size() && text[i] == '0') {
    spec.zero_pad = true;
    ++i;
  }
  auto read_number = [&](int* out) {
    size_t start = i;
    int64_t value = 0;
    while (i < text.size() && text[i] >= '0' && text[i] <= '9') {
      value = value * 10 + (text[i] - '0');
      if (value > 100000) return false;  // keeps padding and precision bounded
      ++i;
    }
    *out = static_cast<int>(value);
    return i > start;
  };
  // `name$` or `N$` names the argument holding a count; returns false when there is none
  // (and leaves `i` alone), so `{:x}` still reads as a kind.
  auto read_argument = [&](std::string* name, int* index) {
    size_t j = i;
    auto is_word = [](char c) {
      return c == '_' || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
    };
    while (j < text.size() && is_word(text[j])) ++j;
    if (j == i || j >= text.size() || text[j] != '$') return false;
    std::string_view word = text.substr(i, j - i);
    if (word[0] >= '0' && word[0] <= '9') {
      int value = 0;
      for (char c : word) {
        if (c < '0' || c > '9' || value > 1000) return false;
        value = value * 10 + (c - '0');
      }
      *index = value;
    } else {
      *name = std::string(word);
    }
    i = j + 1;
    return true;
  };
  if (i < text.size() && !read_argument(&spec.width_argument, &spec.width_index) &&
      text[i] >= '1' && text[i] <= '9') {
    if (!read_number(&spec.width)) return std::nullopt;
  }
  if (i < text.size() && text[i] == '.') {
    ++i;
    if (!read_argument(&spec.precision_argument, &spec.precision_index) &&
        !read_number(&spec.precision)) {
      return std::nullopt;
    }
  }
  std::string_view kind = text.substr(i);
  if (kind.empty()) {
    spec.kind = FormatKind::kDisplay;
  } else if (kind == "?") {
    spec.kind = FormatKind::kDebug;
  } else if (kind == "x") {
    spec.kind = FormatKind::kLowerHex;
  } else if (kind == "X") {
    spec.kind = FormatKind::kUpperHex;
  } else if (kind == "b") {
    spec.kind = FormatKind::kBinary;
  } else if (kind == "o") {
    spec.kind = FormatKind::kOctal;
  } else if (kind == "e") {
    spec.kind = FormatKind::kLowerExp;
  } else if (kind == "E") {
    spec.kind = FormatKind::kUpperExp;
  } else {
    return std::nullopt;
  }
  return spec;
}

FormatTemplate ParseFormatTemplate(std::string_view text) {
  FormatTemplate result;
  std::string literal;
  auto flush = [&]() {
    if (literal.empty()) return;
    FormatPiece piece;
    piece.text = std::move(literal);
    result.pieces.push_back(std::move(piece));
    literal.clear();
  };
  auto fail = [&](std::string message, size_t offset) {
    result.error = std::move(message);
    result.offset = static_cast<int>(offset);
    return result;
  };
  for (size_t i = 0; i < text.size(); ++i) {
    char c = text[i];
    if (c == '}') {
      if (i + 1 < text.size() && text[i + 1] == '}') {
        literal += '}';
        ++i;
        continue;
      }
      return fail("unmatched '}' in format string", i);
    }
    if (c != '{') {
      literal += c;
      continue;
    }
    if (i + 1 < text.size() && text[i + 1] == '{') {
      literal += '{';
      ++i;
      continue;
    }
    size_t close = text.find('}', i + 1);
    if (close == std::string_view::npos) return fail("unterminated '{' in format string", i);
    std::string_view inside = text.substr(i + 1, close - i - 1);
    if (inside.find('{') != std::string_view::npos) {
      return fail("'{' inside a placeholder in format string", i);
    }
    size_t colon = inside.find(':');
    std::string_view argument = inside.substr(0, colon);
    while (!argument.empty() && argument.front() == ' ') argument.remove_prefix(1);
    while (!argument.empty() && argument.back() == ' ') argument.remove_suffix(1);
    FormatPiece piece;
    if (argument.empty()) {
      piece.type = FormatPiece::Type::kNext;
      ++result.next_count;
    } else if (argument[0] >= '0' && argument[0] <= '9') {
      int index = 0;
      auto [ptr, ec] = std::from_chars(argument.data(), argument.data() + argument.size(), index);
      if (ec != std::errc() || ptr != argument.data() + argument.size()) {
        return fail("invalid argument index '" + std::string(argument) + "' in format string", i);
      }
      piece.type = FormatPiece::Type::kIndex;
      piece.index = index;
    } else {
      for (char a : argument) {
        bool ok =
            a == '_' || (a >= 'a' && a <= 'z') || (a >= 'A' && a <= 'Z') || (a >= '0' && a <= '9');
        if (!ok) {
          return fail("invalid argument name '" + std::string(argument) + "' in format string", i);
        }
      }
      piece.type = FormatPiece::Type::kName;
      piece.text = std::string(argument);
    }
    if (colon != std::string_view::npos) {
      std::optional<FormatSpec> spec = ParseFormatSpec(inside.substr(colon + 1));
      if (!spec) {
        return fail("unknown format spec '" + std::string(inside.substr(colon + 1)) + "'",
                    i + 1 + colon + 1);
      }
      piece.spec = *spec;
    }
    flush();
    result.pieces.push_back(std::move(piece));
    i = close;
  }
  flush();
  return result;
}

std::string ApplyWidth(std::string text, const FormatSpec& spec, bool numeric) {
  int length = static_cast<int>(CountCodePoints(text));
  if (spec.width <= length) return text;
  int pad = spec.width - length;
  FormatAlign align = spec.align;
  if (align == FormatAlign::kNone) align = numeric ? FormatAlign::kRight : FormatAlign::kLeft;
  int before = align == FormatAlign::kRight ? pad : align == FormatAlign::kCenter ? pad / 2 : 0;
  int after = pad - before;
  std::string fill;
  AppendUtf8(&fill, spec.fill);
  std::string out;
  out.reserve(text.size() + static_cast<size_t>(pad) * fill.size());
  for (int i = 0; i < before; ++i) out += fill;
  out += text;
  for (int i = 0; i < after; ++i) out += fill;
  return out;
}

std::optional<std::string> FormatInteger(int64_t value, const FormatSpec& spec) {
  bool negative = value < 0;
  // Magnitude without overflow for INT64_MIN.
  uint64_t magnitude = negative ? 0 - static_cast<uint64_t>(value) : static_cast<uint64_t>(value);
  std::string sign = negative ? "-" : spec.plus ? "+" : "";
  std::string prefix;
  std::string digits;
  auto radix = [&](int base, bool upper, const char* alt) {
    // Like Rust, radix forms print the two's-complement bits of negative numbers.
    uint64_t bits = static_cast<uint64_t>(value);
    char buffer[65];
    auto result = std::to_chars(buffer, buffer + sizeof(buffer), bits, base);
    digits.assign(buffer, result.ptr);
    if (upper) {
      for (char& ch : digits) ch = static_cast<char>(std::toupper(static_cast<unsigned char>(ch)));
    }
    sign = spec.plus ? "+" : "";
    if (spec.alternate) prefix = alt;
  };
  switch (spec.kind) {
    case FormatKind::kDisplay:
    case FormatKind::kDebug:
      digits = std::to_string(magnitude);
      // The reference's {:.N} gives integers N zero decimals too: f"{2:.2}" is "2.00".
      if (spec.precision > 0) digits += "." + std::string(static_cast<size_t>(spec.precision), '0');
      break;
    case FormatKind::kLowerHex:
      radix(16, false, "0x");
      break;
    case FormatKind::kUpperHex:
      radix(16, true, "0x");
      break;
    case FormatKind::kBinary:
      radix(2, false, "0b");
      break;
    case FormatKind::kOctal:
      radix(8, false, "0o");
      break;
    case FormatKind::kLowerExp:
    case FormatKind::kUpperExp:
      digits = Exponent(static_cast<double>(magnitude), spec.precision,
                        spec.kind == FormatKind::kUpperExp);
      break;
  }
  return Pad(sign, prefix, digits, spec);
}

std::optional<std::string> FormatFloat(double value, const FormatSpec& spec) {
  if (std::isnan(value)) return ApplyWidth("NaN", spec, true);
  bool negative = std::signbit(value);
  double magnitude = std::fabs(value);
  std::string sign = negative ? "-" : spec.plus ? "+" : "";
  std::string digits;
  switch (spec.kind) {
    case FormatKind::kDisplay:
    case FormatKind::kDebug:
      if (std::isinf(magnitude)) {
        digits = "inf";
      } else if (spec.precision >= 0) {
        digits = FloatToFixed(magnitude, spec.precision);
      } else {
        digits = FloatToDisplay(magnitude);
      }
      break;
    case FormatKind::kLowerExp:
    case FormatKind::kUpperExp:
      digits = std::isinf(magnitude)
                   ? "inf"
                   : Exponent(magnitude, spec.precision, spec.kind == FormatKind::kUpperExp);
      break;
    case FormatKind::kLowerHex:
    case FormatKind::kUpperHex:
    case FormatKind::kBinary:
    case FormatKind::kOctal:
      return std::nullopt;
  }
  if (std::isinf(magnitude)) return ApplyWidth(sign + digits, spec, true);
  return Pad(sign, "", digits, spec);
}

}  // namespace ruchy::internal::runtime
