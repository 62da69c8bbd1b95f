// Text forms of numbers and the format-string language of println!/format!/f-strings:
// placeholders `{}`, `{:?}`, `{name}`, `{0}`, and specs with fill, alignment, sign, zero
// padding, width, precision and radix (`{:>8}`, `{:*^10}`, `{:08.3}`, `{:x}`).
// Pure functions over strings and numbers: no heap objects, so every tier can share them.
#ifndef RUCHY_RUNTIME_FORMAT_H_
#define RUCHY_RUNTIME_FORMAT_H_

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace ruchy::internal::runtime {

// Display form of a float (LANGUAGE.md §4): a zero fraction prints exactly with one
// decimal (`5.0`, `-0.0`, `18446744073709551616.0`); anything else prints the shortest
// text that reads back exactly, never in exponent notation (`0.1`, `0.0000001`);
// `inf`, `-inf`, `NaN`.
std::string FloatToDisplay(double value);

// The form `to_string()` and `"s" + x` use: shortest round-trip digits, never an exponent,
// and no `.0` for a zero fraction (`3`, `18446744073709552000`, `-0`).
std::string FloatToShortest(double value);

// Fixed notation with `precision` decimals, correctly rounded (`{:.2}`).
std::string FloatToFixed(double value, int precision);

enum class FormatAlign : uint8_t { kNone, kLeft, kRight, kCenter };
enum class FormatKind : uint8_t {
  kDisplay,   // {}
  kDebug,     // {:?}  strings quoted
  kLowerHex,  // {:x}
  kUpperHex,  // {:X}
  kBinary,    // {:b}
  kOctal,     // {:o}
  kLowerExp,  // {:e}
  kUpperExp,  // {:E}
};

struct FormatSpec {
  char32_t fill = U' ';
  FormatAlign align = FormatAlign::kNone;
  bool plus = false;       // {:+}
  bool alternate = false;  // {:#x} -> 0x1f
  bool zero_pad = false;   // {:08}
  int width = 0;           // 0: none
  int precision = -1;      // -1: none
  // `{:>w$}`, `{:>1$}`, `{:.p$}`: the width or precision is the value of a named argument
  // (the variable in scope for a macro) or of a positional argument, read when formatting.
  std::string width_argument;  // non-empty: a named width
  int width_index = -1;        // >= 0: a positional width
  std::string precision_argument;
  int precision_index = -1;
  FormatKind kind = FormatKind::kDisplay;
};

// One piece of a parsed template: literal text, or a placeholder naming its argument.
struct FormatPiece {
  enum class Type : uint8_t { kLiteral, kNext, kIndex, kName };
  Type type = Type::kLiteral;
  std::string text;  // literal text, or the argument name for kName
  int index = 0;     // argument index for kIndex
  FormatSpec spec;
};

struct FormatTemplate {
  std::vector<FormatPiece> pieces;
  std::string error;  // non-empty when the template is malformed
  int offset = 0;     // byte offset of the error in the template
  // Number of arguments consumed by `{}` placeholders (kNext), in order.
  int next_count = 0;
};

// Parses a template; `{{` and `}}` are literal braces. Errors: an unmatched `{` or `}`,
// or a spec that is not understood (message says which, with its byte offset).
FormatTemplate ParseFormatTemplate(std::string_view text);

// Parses just a spec (the part after ':'), e.g. ">8", "08.3", "?"; nullopt if malformed.
std::optional<FormatSpec> ParseFormatSpec(std::string_view spec);

// Pads `text` to spec.width with spec.fill and spec.align; `numeric` selects the default
// alignment (right for numbers, left otherwise). Width counts Unicode scalar values.
std::string ApplyWidth(std::string text, const FormatSpec& spec, bool numeric);

// Formats an integer / a float under a spec, including width and padding. Returns
// nullopt when the spec does not apply (e.g. `{:x}` on a float); the caller reports it.
std::optional<std::string> FormatInteger(int64_t value, const FormatSpec& spec);
std::optional<std::string> FormatFloat(double value, const FormatSpec& spec);

// Number of Unicode scalar values in valid UTF-8 text.
size_t CountCodePoints(std::string_view utf8);

}  // namespace ruchy::internal::runtime

#endif  // RUCHY_RUNTIME_FORMAT_H_
