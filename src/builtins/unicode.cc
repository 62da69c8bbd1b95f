// Character classes and case mappings by Unicode block ranges (see unicode.h).
#include "src/builtins/unicode.h"

namespace ruchy::internal::unicode {

namespace {

struct CodeRange {
  char32_t first;
  char32_t last;
};

template <size_t N>
bool InRanges(const CodeRange (&ranges)[N], char32_t c) {
  for (const CodeRange& range : ranges) {
    if (c >= range.first && c <= range.last) return true;
  }
  return false;
}

// Letters of the common scripts (a superset of Unicode's Alphabetic over these blocks,
// minus the obvious symbols such as × and ÷).
constexpr CodeRange kLetters[] = {
    {0xAA, 0xAA},     {0xB5, 0xB5},     {0xBA, 0xBA},     {0xC0, 0xD6},     {0xD8, 0xF6},
    {0xF8, 0x2C1},    {0x2C6, 0x2D1},   {0x2E0, 0x2E4},   {0x370, 0x374},   {0x376, 0x377},
    {0x37A, 0x37D},   {0x386, 0x386},   {0x388, 0x3FF},   {0x400, 0x481},   {0x48A, 0x52F},
    {0x531, 0x556},   {0x561, 0x587},   {0x5D0, 0x5EA},   {0x620, 0x64A},   {0x671, 0x6D3},
    {0x904, 0x939},   {0xE01, 0xE30},   {0x10A0, 0x10FF}, {0x1E00, 0x1FFF}, {0x3041, 0x3096},
    {0x30A1, 0x30FA}, {0x3400, 0x4DBF}, {0x4E00, 0x9FFF}, {0xAC00, 0xD7A3}, {0xF900, 0xFAFF},
    {0xFF21, 0xFF3A}, {0xFF41, 0xFF5A},
};

// Digits and other numeric characters (Nd, Nl, No) of the common blocks.
constexpr CodeRange kNumerics[] = {
    {0xB2, 0xB3},     {0xB9, 0xB9},     {0xBC, 0xBE},     {0x660, 0x669},   {0x6F0, 0x6F9},
    {0x966, 0x96F},   {0xE50, 0xE59},   {0x2070, 0x2070}, {0x2074, 0x2079}, {0x2080, 0x2089},
    {0x2150, 0x2189}, {0x2460, 0x249B}, {0x3007, 0x3007}, {0xFF10, 0xFF19},
};

// Upper-case code point of a lower-case one, or 0 when `c` has no single-code-point
// upper-case form in the covered blocks.
char32_t ToUpperSimple(char32_t c) {
  if (c >= 'a' && c <= 'z') return c - 0x20;
  if (c < 0x80) return 0;
  if ((c >= 0xE0 && c <= 0xFE && c != 0xF7)) return c - 0x20;
  if (c == 0xFF) return 0x178;
  if (c == 0xB5) return 0x39C;
  // Latin Extended-A: upper/lower pairs, even-odd except two odd-even stretches.
  if ((c >= 0x100 && c <= 0x137) || (c >= 0x14A && c <= 0x177)) return (c & 1) ? c - 1 : 0;
  if ((c >= 0x139 && c <= 0x148) || (c >= 0x179 && c <= 0x17E)) return (c & 1) ? 0 : c - 1;
  if (c == 0x3C2) return 0x3A3;  // final sigma
  if (c >= 0x3B1 && c <= 0x3CB) return c - 0x20;
  if (c == 0x3AC) return 0x386;
  if (c >= 0x3AD && c <= 0x3AF) return c - 0x25;
  if (c == 0x3CC) return 0x38C;
  if (c >= 0x3CD && c <= 0x3CE) return c - 0x3F;
  if (c >= 0x430 && c <= 0x44F) return c - 0x20;
  if (c >= 0x450 && c <= 0x45F) return c - 0x50;
  if (c >= 0x460 && c <= 0x481) return (c & 1) ? c - 1 : 0;
  if (c >= 0x48A && c <= 0x4BF) return (c & 1) ? c - 1 : 0;
  if (c >= 0x561 && c <= 0x586) return c - 0x30;
  if (c >= 0x1E00 && c <= 0x1EFF) return (c & 1) ? c - 1 : 0;
  if (c >= 0xFF41 && c <= 0xFF5A) return c - 0x20;
  return 0;
}

char32_t ToLowerSimple(char32_t c) {
  if (c >= 'A' && c <= 'Z') return c + 0x20;
  if (c < 0x80) return 0;
  if (c >= 0xC0 && c <= 0xDE && c != 0xD7) return c + 0x20;
  if (c == 0x178) return 0xFF;
  if ((c >= 0x100 && c <= 0x137) || (c >= 0x14A && c <= 0x177)) return (c & 1) ? 0 : c + 1;
  if ((c >= 0x139 && c <= 0x148) || (c >= 0x179 && c <= 0x17E)) return (c & 1) ? c + 1 : 0;
  if (c >= 0x391 && c <= 0x3AB && c != 0x3A2) return c + 0x20;
  if (c == 0x386) return 0x3AC;
  if (c >= 0x388 && c <= 0x38A) return c + 0x25;
  if (c == 0x38C) return 0x3CC;
  if (c >= 0x38E && c <= 0x38F) return c + 0x3F;
  if (c >= 0x410 && c <= 0x42F) return c + 0x20;
  if (c >= 0x400 && c <= 0x40F) return c + 0x50;
  if (c >= 0x460 && c <= 0x481) return (c & 1) ? 0 : c + 1;
  if (c >= 0x48A && c <= 0x4BF) return (c & 1) ? 0 : c + 1;
  if (c >= 0x531 && c <= 0x556) return c + 0x30;
  if (c >= 0x1E00 && c <= 0x1EFF) return (c & 1) ? 0 : c + 1;
  if (c >= 0xFF21 && c <= 0xFF3A) return c + 0x20;
  return 0;
}

}  // namespace

char32_t Next(std::string_view text, size_t* position) {
  size_t i = *position;
  unsigned char b = static_cast<unsigned char>(text[i]);
  int length = b < 0x80 ? 1 : (b >> 5) == 6 ? 2 : (b >> 4) == 14 ? 3 : (b >> 3) == 30 ? 4 : 0;
  if (length == 0 || i + length > text.size()) {
    *position = i + 1;
    return b;
  }
  char32_t c = length == 1 ? b : b & (0x7F >> length);
  for (int k = 1; k < length; ++k) {
    unsigned char cont = static_cast<unsigned char>(text[i + k]);
    if ((cont & 0xC0) != 0x80) {
      *position = i + 1;
      return b;
    }
    c = (c << 6) | (cont & 0x3F);
  }
  *position = i + length;
  return c;
}

void Append(std::string* out, char32_t c) {
  if (c < 0x80) {
    out->push_back(static_cast<char>(c));
  } else if (c < 0x800) {
    out->push_back(static_cast<char>(0xC0 | (c >> 6)));
    out->push_back(static_cast<char>(0x80 | (c & 0x3F)));
  } else if (c < 0x10000) {
    out->push_back(static_cast<char>(0xE0 | (c >> 12)));
    out->push_back(static_cast<char>(0x80 | ((c >> 6) & 0x3F)));
    out->push_back(static_cast<char>(0x80 | (c & 0x3F)));
  } else {
    out->push_back(static_cast<char>(0xF0 | (c >> 18)));
    out->push_back(static_cast<char>(0x80 | ((c >> 12) & 0x3F)));
    out->push_back(static_cast<char>(0x80 | ((c >> 6) & 0x3F)));
    out->push_back(static_cast<char>(0x80 | (c & 0x3F)));
  }
}

bool IsWhitespace(char32_t c) {
  return c == ' ' || (c >= 0x09 && c <= 0x0D) || c == 0x85 || c == 0xA0 || c == 0x1680 ||
         (c >= 0x2000 && c <= 0x200A) || c == 0x2028 || c == 0x2029 || c == 0x202F || c == 0x205F ||
         c == 0x3000;
}

bool IsAlphabetic(char32_t c) {
  if (c < 0x80) return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
  return InRanges(kLetters, c);
}

bool IsNumeric(char32_t c) {
  if (c < 0x80) return c >= '0' && c <= '9';
  return InRanges(kNumerics, c);
}

bool IsUppercase(char32_t c) { return ToLowerSimple(c) != 0; }
bool IsLowercase(char32_t c) { return ToUpperSimple(c) != 0 || c == 0xDF; }

void AppendUppercase(std::string* out, char32_t c) {
  if (c == 0xDF) {
    out->append("SS");
    return;
  }
  char32_t upper = ToUpperSimple(c);
  Append(out, upper != 0 ? upper : c);
}

void AppendLowercase(std::string* out, char32_t c) {
  char32_t lower = ToLowerSimple(c);
  Append(out, lower != 0 ? lower : c);
}

}  // namespace ruchy::internal::unicode
