// String methods. Strings are immutable UTF-8: len() counts bytes, while every index a
// method takes or returns (find, char_indices, substring, insert...) counts characters, so
// it agrees with s[i] and slicing (LANGUAGE.md §2). Mutating methods (push_str, pop...)
// store a new string into the receiver's place; push_str builds a rope (ConsString), so
// appending in a loop is linear overall.
#include <algorithm>
#include <charconv>
#include <cmath>

#include "src/builtins/builtins-impl.h"
#include "src/builtins/builtins-utils.h"
#include "src/builtins/unicode.h"

namespace ruchy::internal::builtins {

std::vector<std::pair<size_t, size_t>> CharBoundaries(std::string_view text) {
  std::vector<std::pair<size_t, size_t>> chars;
  size_t i = 0;
  while (i < text.size()) {
    size_t start = i;
    unicode::Next(text, &i);
    chars.emplace_back(start, i);
  }
  return chars;
}

namespace {

std::string_view TrimWhitespace(std::string_view text, bool start, bool end) {
  if (start) {
    size_t i = 0;
    while (i < text.size()) {
      size_t next = i;
      if (!unicode::IsWhitespace(unicode::Next(text, &next))) break;
      i = next;
    }
    text.remove_prefix(i);
  }
  if (end) {
    auto chars = CharBoundaries(text);
    size_t keep = text.size();
    for (auto it = chars.rbegin(); it != chars.rend(); ++it) {
      size_t pos = it->first;
      if (!unicode::IsWhitespace(unicode::Next(text, &pos))) break;
      keep = it->first;
    }
    text = text.substr(0, keep);
  }
  return text;
}

std::string ReceiverText(BuiltinArguments& args) { return ToStdString(**args.receiver); }

// Character index of a byte offset.
int64_t CharIndexOf(std::string_view text, size_t byte_offset) {
  int64_t index = 0;
  for (size_t i = 0; i < byte_offset && i < text.size(); ++i) {
    index += (static_cast<unsigned char>(text[i]) & 0xC0) != 0x80;
  }
  return index;
}

// Byte offset of character `index` (the end of the text when index == char count); npos
// when beyond.
size_t ByteOffsetOf(std::string_view text, int64_t index) {
  size_t i = 0;
  int64_t seen = 0;
  while (i < text.size()) {
    if (seen == index) return i;
    unicode::Next(text, &i);
    ++seen;
  }
  return seen == index ? text.size() : std::string_view::npos;
}

MaybeHandle<Value> StringArray(Isolate* isolate, const std::vector<std::string_view>& parts) {
  Handle<Array> array;
  if (!NewEmptyArray(isolate, static_cast<int>(parts.size())).ToHandle(&array)) return {};
  for (std::string_view part : parts) {
    HandleScope scope(isolate);
    Handle<Value> text;
    if (!NewString(isolate, part).ToHandle(&text)) return {};
    if (!Push(isolate, array, text)) return {};
  }
  return array;
}

// Rust's str::split: every occurrence separates; an empty separator splits between every
// character with empty pieces at both ends.
std::vector<std::string_view> SplitText(std::string_view text, std::string_view separator,
                                        int64_t limit) {
  std::vector<std::string_view> parts;
  if (separator.empty()) {
    parts.push_back(text.substr(0, 0));
    for (auto [start, end] : CharBoundaries(text)) {
      if (limit > 0 && static_cast<int64_t>(parts.size()) == limit - 1) {
        parts.push_back(text.substr(start));
        return parts;
      }
      parts.push_back(text.substr(start, end - start));
    }
    parts.push_back(text.substr(text.size(), 0));
    return parts;
  }
  size_t start = 0;
  while (true) {
    if (limit > 0 && static_cast<int64_t>(parts.size()) == limit - 1) break;
    size_t found = text.find(separator, start);
    if (found == std::string_view::npos) break;
    parts.push_back(text.substr(start, found - start));
    start = found + separator.size();
  }
  parts.push_back(text.substr(start));
  return parts;
}

std::string ReplaceText(std::string_view text, std::string_view from, std::string_view to,
                        int64_t limit) {
  std::string out;
  int64_t done = 0;
  if (from.empty()) {
    for (auto [start, end] : CharBoundaries(text)) {
      if (limit < 0 || done < limit) {
        out.append(to);
        ++done;
      }
      out.append(text.substr(start, end - start));
    }
    if (limit < 0 || done < limit) out.append(to);
    return out;
  }
  size_t start = 0;
  while (limit < 0 || done < limit) {
    size_t found = text.find(from, start);
    if (found == std::string_view::npos) break;
    out.append(text.substr(start, found - start));
    out.append(to);
    start = found + from.size();
    ++done;
  }
  out.append(text.substr(start));
  return out;
}

// All characters satisfy `predicate` (vacuously true for "", as in the reference).
template <typename Predicate>
MaybeHandle<Value> AllChars(BuiltinArguments& args, Predicate predicate) {
  std::string text = ReceiverText(args);
  size_t i = 0;
  bool all = true;
  while (i < text.size() && all) all = predicate(unicode::Next(text, &i));
  return Boolean(args.isolate, all);
}

template <typename F>
MaybeHandle<Value> MapChars(BuiltinArguments& args, F f) {
  std::string text = ReceiverText(args);
  std::string out;
  out.reserve(text.size());
  size_t i = 0;
  while (i < text.size()) f(&out, unicode::Next(text, &i));
  return NewString(args.isolate, out);
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

MaybeHandle<Value> SetReceiverText(BuiltinArguments& args, std::string_view text) {
  Handle<Value> result;
  if (!NewString(args.isolate, text).ToHandle(&result)) return {};
  *args.receiver = result;
  return Nil(args.isolate);
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

// --- Mutating methods.

MaybeHandle<Value> StringPushStr(BuiltinArguments& args) {
  Isolate* isolate = args.isolate;
  if (!(*args.at(0)).IsString()) return ArgumentTypeError(args, 0, "a string");
  Handle<String> result;
  if (!isolate->factory()
           ->NewConsString(Handle<String>::cast(*args.receiver), Handle<String>::cast(args.at(0)))
           .ToHandle(&result)) {
    return {};
  }
  *args.receiver = result;
  return Nil(isolate);
}

MaybeHandle<Value> StringPop(BuiltinArguments& args) {
  Isolate* isolate = args.isolate;
  std::string text = ReceiverText(args);
  if (text.empty()) return None(isolate);
  auto chars = CharBoundaries(text);
  size_t start = chars.back().first;
  Handle<Value> last;
  if (!NewString(isolate, std::string_view(text).substr(start)).ToHandle(&last)) return {};
  if (SetReceiverText(args, std::string_view(text).substr(0, start)).is_null()) return {};
  return Some(isolate, last);
}

MaybeHandle<Value> StringInsert(BuiltinArguments& args) {
  int64_t index;
  std::string insert;
  if (!SizeArgument(args, 0, &index) || !StringArgument(args, 1, &insert)) return {};
  std::string text = ReceiverText(args);
  size_t offset = ByteOffsetOf(text, index);
  if (offset == std::string_view::npos) {
    return IndexOutOfBounds(args.isolate, index, CharIndexOf(text, text.size()), "string");
  }
  text.insert(offset, insert);
  return SetReceiverText(args, text);
}

MaybeHandle<Value> StringRemove(BuiltinArguments& args) {
  Isolate* isolate = args.isolate;
  int64_t index;
  if (!SizeArgument(args, 0, &index)) return {};
  std::string text = ReceiverText(args);
  size_t offset = ByteOffsetOf(text, index);
  if (offset == std::string_view::npos || offset == text.size()) {
    return IndexOutOfBounds(isolate, index, CharIndexOf(text, text.size()), "string");
  }
  size_t end = offset;
  unicode::Next(text, &end);
  Handle<Value> removed;
  if (!NewString(isolate, std::string_view(text).substr(offset, end - offset)).ToHandle(&removed)) {
    return {};
  }
  text.erase(offset, end - offset);
  if (SetReceiverText(args, text).is_null()) return {};
  return removed;
}

MaybeHandle<Value> StringTruncate(BuiltinArguments& args) {
  int64_t count;
  if (!SizeArgument(args, 0, &count)) return {};
  std::string text = ReceiverText(args);
  size_t offset = ByteOffsetOf(text, count);
  if (offset == std::string_view::npos) return Nil(args.isolate);
  return SetReceiverText(args, std::string_view(text).substr(0, offset));
}

MaybeHandle<Value> StringClear(BuiltinArguments& args) { return SetReceiverText(args, ""); }

// --- Reading methods.

MaybeHandle<Value> StringLen(BuiltinArguments& args) {
  return Integer(args.isolate, String::cast(**args.receiver).length());
}

MaybeHandle<Value> StringIsEmpty(BuiltinArguments& args) {
  return Boolean(args.isolate, String::cast(**args.receiver).length() == 0);
}

MaybeHandle<Value> StringChars(BuiltinArguments& args) {
  std::string text = ReceiverText(args);
  std::vector<std::string_view> chars;
  for (auto [start, end] : CharBoundaries(text)) {
    chars.push_back(std::string_view(text).substr(start, end - start));
  }
  return StringArray(args.isolate, chars);
}

MaybeHandle<Value> StringBytes(BuiltinArguments& args) {
  Isolate* isolate = args.isolate;
  std::string text = ReceiverText(args);
  Handle<Array> array;
  if (!NewEmptyArray(isolate, static_cast<int>(text.size())).ToHandle(&array)) return {};
  for (char c : text) {
    Handle<Value> byte(Smi::FromInt(static_cast<unsigned char>(c)), isolate);
    if (!Push(isolate, array, byte)) return {};
  }
  return array;
}

MaybeHandle<Value> StringCharIndices(BuiltinArguments& args) {
  Isolate* isolate = args.isolate;
  std::string text = ReceiverText(args);
  auto chars = CharBoundaries(text);
  Handle<Array> array;
  if (!NewEmptyArray(isolate, static_cast<int>(chars.size())).ToHandle(&array)) return {};
  for (size_t i = 0; i < chars.size(); ++i) {
    HandleScope scope(isolate);
    Handle<Value> c;
    Handle<Tuple> pair;
    if (!NewString(isolate,
                   std::string_view(text).substr(chars[i].first, chars[i].second - chars[i].first))
             .ToHandle(&c) ||
        !isolate->factory()->NewTuple(2).ToHandle(&pair)) {
      return {};
    }
    pair->set(0, Smi::FromInt(static_cast<int64_t>(i)));
    pair->set(1, *c);
    if (!Push(isolate, array, pair)) return {};
  }
  return array;
}

MaybeHandle<Value> StringLines(BuiltinArguments& args) {
  std::string text = ReceiverText(args);
  std::vector<std::string_view> lines;
  std::string_view rest(text);
  while (!rest.empty()) {
    size_t newline = rest.find('\n');
    std::string_view line = rest.substr(0, newline);
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    lines.push_back(line);
    if (newline == std::string_view::npos) break;
    rest.remove_prefix(newline + 1);
  }
  return StringArray(args.isolate, lines);
}

MaybeHandle<Value> StringSplit(BuiltinArguments& args) {
  std::string separator;
  if (!StringArgument(args, 0, &separator)) return {};
  std::string text = ReceiverText(args);
  return StringArray(args.isolate, SplitText(text, separator, -1));
}

MaybeHandle<Value> StringSplitN(BuiltinArguments& args) {
  int64_t limit;
  std::string separator;
  if (!SizeArgument(args, 0, &limit) || !StringArgument(args, 1, &separator)) return {};
  if (limit == 0) return NewEmptyArray(args.isolate);
  std::string text = ReceiverText(args);
  return StringArray(args.isolate, SplitText(text, separator, limit));
}

MaybeHandle<Value> StringSplitOnce(BuiltinArguments& args) {
  Isolate* isolate = args.isolate;
  std::string separator;
  if (!StringArgument(args, 0, &separator)) return {};
  std::string text = ReceiverText(args);
  size_t found = text.find(separator);
  if (found == std::string::npos) return None(isolate);
  Handle<Value> left, right;
  Handle<Tuple> pair;
  if (!NewString(isolate, std::string_view(text).substr(0, found)).ToHandle(&left) ||
      !NewString(isolate, std::string_view(text).substr(found + separator.size()))
           .ToHandle(&right) ||
      !isolate->factory()->NewTuple(2).ToHandle(&pair)) {
    return {};
  }
  pair->set(0, *left);
  pair->set(1, *right);
  return Some(isolate, pair);
}

MaybeHandle<Value> StringSplitWhitespace(BuiltinArguments& args) {
  std::string text = ReceiverText(args);
  std::vector<std::string_view> words;
  size_t i = 0, word_start = std::string::npos;
  while (i < text.size()) {
    size_t start = i;
    bool space = unicode::IsWhitespace(unicode::Next(text, &i));
    if (space && word_start != std::string::npos) {
      words.push_back(std::string_view(text).substr(word_start, start - word_start));
      word_start = std::string::npos;
    } else if (!space && word_start == std::string::npos) {
      word_start = start;
    }
  }
  if (word_start != std::string::npos) words.push_back(std::string_view(text).substr(word_start));
  return StringArray(args.isolate, words);
}

MaybeHandle<Value> StringTrim(BuiltinArguments& args) {
  std::string text = ReceiverText(args);
  return NewString(args.isolate, TrimWhitespace(text, true, true));
}
MaybeHandle<Value> StringTrimStart(BuiltinArguments& args) {
  std::string text = ReceiverText(args);
  return NewString(args.isolate, TrimWhitespace(text, true, false));
}
MaybeHandle<Value> StringTrimEnd(BuiltinArguments& args) {
  std::string text = ReceiverText(args);
  return NewString(args.isolate, TrimWhitespace(text, false, true));
}

namespace {

MaybeHandle<Value> TrimPattern(BuiltinArguments& args, bool start, bool end) {
  std::string pattern;
  if (!StringArgument(args, 0, &pattern)) return {};
  std::string text = ReceiverText(args);
  std::string_view view(text);
  if (!pattern.empty()) {
    while (start && view.substr(0, pattern.size()) == pattern) view.remove_prefix(pattern.size());
    while (end && view.size() >= pattern.size() &&
           view.substr(view.size() - pattern.size()) == pattern) {
      view.remove_suffix(pattern.size());
    }
  }
  return NewString(args.isolate, view);
}

MaybeHandle<Value> StripAffix(BuiltinArguments& args, bool prefix) {
  Isolate* isolate = args.isolate;
  std::string affix;
  if (!StringArgument(args, 0, &affix)) return {};
  std::string text = ReceiverText(args);
  std::string_view view(text);
  bool matches =
      view.size() >= affix.size() &&
      (prefix ? view.substr(0, affix.size()) : view.substr(view.size() - affix.size())) == affix;
  if (!matches) return None(isolate);
  Handle<Value> rest;
  if (!NewString(isolate,
                 prefix ? view.substr(affix.size()) : view.substr(0, view.size() - affix.size()))
           .ToHandle(&rest)) {
    return {};
  }
  return Some(isolate, rest);
}

}  // namespace

MaybeHandle<Value> StringTrimMatches(BuiltinArguments& args) {
  return TrimPattern(args, true, true);
}
MaybeHandle<Value> StringTrimStartMatches(BuiltinArguments& args) {
  return TrimPattern(args, true, false);
}
MaybeHandle<Value> StringTrimEndMatches(BuiltinArguments& args) {
  return TrimPattern(args, false, true);
}
MaybeHandle<Value> StringStripPrefix(BuiltinArguments& args) { return StripAffix(args, true); }
MaybeHandle<Value> StringStripSuffix(BuiltinArguments& args) { return StripAffix(args, false); }

MaybeHandle<Value> StringToUppercase(BuiltinArguments& args) {
  return MapChars(args, [](std::string* out, char32_t c) { unicode::AppendUppercase(out, c); });
}
MaybeHandle<Value> StringToLowercase(BuiltinArguments& args) {
  return MapChars(args, [](std::string* out, char32_t c) { unicode::AppendLowercase(out, c); });
}
MaybeHandle<Value> StringToAsciiUppercase(BuiltinArguments& args) {
  return MapChars(args, [](std::string* out, char32_t c) {
    unicode::Append(out, c >= 'a' && c <= 'z' ? c - 0x20 : c);
  });
}
MaybeHandle<Value> StringToAsciiLowercase(BuiltinArguments& args) {
  return MapChars(args, [](std::string* out, char32_t c) {
    unicode::Append(out, c >= 'A' && c <= 'Z' ? c + 0x20 : c);
  });
}

MaybeHandle<Value> StringContains(BuiltinArguments& args) {
  std::string pattern;
  if (!StringArgument(args, 0, &pattern)) return {};
  return Boolean(args.isolate, ReceiverText(args).find(pattern) != std::string::npos);
}

MaybeHandle<Value> StringStartsWith(BuiltinArguments& args) {
  std::string pattern;
  if (!StringArgument(args, 0, &pattern)) return {};
  std::string text = ReceiverText(args);
  return Boolean(args.isolate,
                 text.compare(0, pattern.size(), pattern) == 0 && text.size() >= pattern.size());
}

MaybeHandle<Value> StringEndsWith(BuiltinArguments& args) {
  std::string pattern;
  if (!StringArgument(args, 0, &pattern)) return {};
  std::string text = ReceiverText(args);
  return Boolean(args.isolate,
                 text.size() >= pattern.size() &&
                     text.compare(text.size() - pattern.size(), pattern.size(), pattern) == 0);
}

namespace {

MaybeHandle<Value> FindPattern(BuiltinArguments& args, bool last) {
  Isolate* isolate = args.isolate;
  std::string pattern;
  if (!StringArgument(args, 0, &pattern)) return {};
  std::string text = ReceiverText(args);
  size_t found = last ? text.rfind(pattern) : text.find(pattern);
  if (found == std::string::npos) return None(isolate);
  Handle<Value> index;
  if (!Integer(isolate, CharIndexOf(text, found)).ToHandle(&index)) return {};
  return Some(isolate, index);
}

}  // namespace

MaybeHandle<Value> StringFind(BuiltinArguments& args) { return FindPattern(args, false); }
MaybeHandle<Value> StringRfind(BuiltinArguments& args) { return FindPattern(args, true); }

MaybeHandle<Value> StringMatches(BuiltinArguments& args) {
  std::string pattern;
  if (!StringArgument(args, 0, &pattern)) return {};
  std::string text = ReceiverText(args);
  std::vector<std::string_view> found;
  if (!pattern.empty()) {
    for (size_t at = text.find(pattern); at != std::string::npos;
         at = text.find(pattern, at + pattern.size())) {
      found.push_back(std::string_view(text).substr(at, pattern.size()));
    }
  }
  return StringArray(args.isolate, found);
}

MaybeHandle<Value> StringReplace(BuiltinArguments& args) {
  std::string from, to;
  if (!StringArgument(args, 0, &from) || !StringArgument(args, 1, &to)) return {};
  return NewString(args.isolate, ReplaceText(ReceiverText(args), from, to, -1));
}

MaybeHandle<Value> StringReplaceN(BuiltinArguments& args) {
  std::string from, to;
  int64_t count;
  if (!StringArgument(args, 0, &from) || !StringArgument(args, 1, &to) ||
      !SizeArgument(args, 2, &count)) {
    return {};
  }
  return NewString(args.isolate, ReplaceText(ReceiverText(args), from, to, count));
}

MaybeHandle<Value> StringRepeat(BuiltinArguments& args) {
  Isolate* isolate = args.isolate;
  int64_t count;
  if (!SizeArgument(args, 0, &count)) return {};
  std::string text = ReceiverText(args);
  if (text.empty() || count == 0) return isolate->factory()->empty_string();
  if (static_cast<uint64_t>(count) > String::kMaxLength / text.size()) {
    isolate->ReportOutOfMemory();
    return {};
  }
  std::string out;
  out.reserve(text.size() * static_cast<size_t>(count));
  for (int64_t i = 0; i < count; ++i) out += text;
  return NewString(isolate, out);
}

MaybeHandle<Value> StringCharAt(BuiltinArguments& args) {
  int64_t index;
  if (!IntegerArgument(args, 0, &index)) return {};
  std::string text = ReceiverText(args);
  auto chars = CharBoundaries(text);
  int64_t count = static_cast<int64_t>(chars.size());
  if (index < 0) index += count;
  if (index < 0 || index >= count) return Nil(args.isolate);
  auto [start, end] = chars[static_cast<size_t>(index)];
  return NewString(args.isolate, std::string_view(text).substr(start, end - start));
}

MaybeHandle<Value> StringSubstring(BuiltinArguments& args) {
  int64_t from, to = INT64_MAX;
  if (!SizeArgument(args, 0, &from)) return {};
  if (args.argc > 1 && !SizeArgument(args, 1, &to)) return {};
  std::string text = ReceiverText(args);
  auto chars = CharBoundaries(text);
  int64_t count = static_cast<int64_t>(chars.size());
  from = std::min(from, count);
  to = std::clamp(to, from, count);
  size_t start = from == count ? text.size() : chars[static_cast<size_t>(from)].first;
  size_t end = to == count ? text.size() : chars[static_cast<size_t>(to)].first;
  return NewString(args.isolate, std::string_view(text).substr(start, end - start));
}

MaybeHandle<Value> StringAppend(BuiltinArguments& args) {
  if (!(*args.at(0)).IsString()) return ArgumentTypeError(args, 0, "a string");
  return args.isolate->factory()->NewConsString(Handle<String>::cast(*args.receiver),
                                                Handle<String>::cast(args.at(0)));
}

MaybeHandle<Value> StringEqIgnoreAsciiCase(BuiltinArguments& args) {
  std::string other;
  if (!StringArgument(args, 0, &other)) return {};
  std::string text = ReceiverText(args);
  bool equal = text.size() == other.size();
  for (size_t i = 0; equal && i < text.size(); ++i) {
    auto lower = [](char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c + 32) : c; };
    equal = lower(text[i]) == lower(other[i]);
  }
  return Boolean(args.isolate, equal);
}

namespace {

struct IntegerType {
  const char* name;
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
