// String methods (parsing and character classes are in builtins-text.cc). Strings are
// immutable UTF-8: len() counts bytes, while every index a
// method takes or returns (find, char_indices, substring, insert...) counts characters, so
// it agrees with s[i] and slicing (LANGUAGE.md §2). Mutating methods (push_str, pop...)
// store a new string into the receiver's place; push_str builds a rope (ConsString), so
// appending in a loop is linear overall.
#include <algorithm>
#include <charconv>
#include <cmath>

#include "absl/container/inlined_vector.h"
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
    // Backwards one character at a time: a character starts at a byte that is not a UTF-8
    // continuation byte (10xxxxxx).
    size_t keep = text.size();
    while (keep > 0) {
      size_t first = keep - 1;
      while (first > 0 && (static_cast<unsigned char>(text[first]) & 0xC0) == 0x80) --first;
      size_t pos = first;
      if (!unicode::IsWhitespace(unicode::Next(text, &pos))) break;
      keep = first;
    }
    text = text.substr(0, keep);
  }
  return text;
}

namespace {

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
  if (parts.size() > static_cast<size_t>(Array::kMaxLength)) {
    isolate->ReportOutOfMemory();
    return {};
  }
  // Sized once and filled in place (the parts live outside the heap, so allocating the
  // strings cannot move them); the elements are nil until their string exists.
  int count = static_cast<int>(parts.size());
  Handle<Array> array;
  if (!isolate->factory()->NewArray(ElementsKind::kGeneric, count, count).ToHandle(&array)) {
    return {};
  }
  for (int i = 0; i < count; ++i) {
    HandleScope scope(isolate);
    Handle<Value> text;
    if (!NewString(isolate, parts[static_cast<size_t>(i)]).ToHandle(&text)) return {};
    FixedArray::cast(array->elements()).set(i, *text);
  }
  return array;
}

// A piece of a string: byte offset and length.
using Piece = std::pair<uint32_t, uint32_t>;
using Pieces = absl::InlinedVector<Piece, 8>;

// Rust's str::split: every occurrence separates; an empty separator splits between every
// character with empty pieces at both ends. At most `limit` pieces when it is positive.
void SplitText(std::string_view text, std::string_view separator, int64_t limit, Pieces* pieces) {
  auto add = [&](size_t start, size_t end) {
    pieces->push_back({static_cast<uint32_t>(start), static_cast<uint32_t>(end - start)});
  };
  auto full = [&] { return limit > 0 && static_cast<int64_t>(pieces->size()) == limit - 1; };
  if (separator.empty()) {
    add(0, 0);
    for (auto [start, end] : CharBoundaries(text)) {
      if (full()) {
        add(start, text.size());
        return;
      }
      add(start, end);
    }
    add(text.size(), text.size());
    return;
  }
  size_t start = 0;
  while (!full()) {
    size_t found = text.find(separator, start);
    if (found == std::string_view::npos) break;
    add(start, found);
    start = found + separator.size();
  }
  add(start, text.size());
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

template <typename F>
MaybeHandle<Value> MapChars(BuiltinArguments& args, F f) {
  std::string text = ReceiverText(args);
  std::string out;
  out.reserve(text.size());
  size_t i = 0;
  while (i < text.size()) f(&out, unicode::Next(text, &i));
  return NewString(args.isolate, out);
}

MaybeHandle<Value> SetReceiverText(BuiltinArguments& args, std::string_view text) {
  Handle<Value> result;
  if (!NewString(args.isolate, text).ToHandle(&result)) return {};
  *args.receiver = result;
  return Nil(args.isolate);
}

}  // namespace

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

// split / splitn: the pieces are found in the flattened receiver in place (no copy of it
// into a std::string) and copied from it straight into their strings. Allocating a piece
// may move the receiver, so pieces are kept as offsets and its characters re-read for
// each one; a piece of an ASCII receiver is ASCII, so its character count is its length.
MaybeHandle<Value> SplitReceiver(BuiltinArguments& args, const std::string& separator,
                                 int64_t limit) {
  Isolate* isolate = args.isolate;
  Handle<String> text;
  if (!String::Flatten(isolate, Handle<String>::cast(*args.receiver)).ToHandle(&text)) return {};
  Pieces pieces;
  {
    DisallowGarbageCollection no_gc;
    SplitText(SeqString::cast(*text).view(), separator, limit, &pieces);
  }
  if (pieces.size() > static_cast<size_t>(Array::kMaxLength)) {
    isolate->ReportOutOfMemory();
    return {};
  }
  bool ascii = text->char_count() == text->length();
  int count = static_cast<int>(pieces.size());
  Handle<Array> array;
  if (!isolate->factory()->NewArray(ElementsKind::kGeneric, count, count).ToHandle(&array)) {
    return {};
  }
  for (int i = 0; i < count; ++i) {
    auto [offset, length] = pieces[static_cast<size_t>(i)];
    if (length == 0) {
      FixedArray::cast(array->elements()).set(i, *isolate->factory()->empty_string());
      continue;
    }
    HandleScope scope(isolate);
    Handle<SeqString> piece;
    if (!isolate->factory()->NewRawSeqString(length).ToHandle(&piece)) return {};
    DisallowGarbageCollection no_gc;
    const uint8_t* from = SeqString::cast(*text).chars() + offset;
    std::memcpy(piece->chars(), from, length);
    piece->WriteRaw<uint32_t>(String::kCharCountOffset,
                              ascii ? length : static_cast<uint32_t>(Utf8CharCount(from, length)));
    FixedArray::cast(array->elements()).set(i, *piece);
  }
  return array;
}

MaybeHandle<Value> StringSplit(BuiltinArguments& args) {
  std::string separator;
  if (!StringArgument(args, 0, &separator)) return {};
  return SplitReceiver(args, separator, -1);
}

MaybeHandle<Value> StringSplitN(BuiltinArguments& args) {
  int64_t limit;
  std::string separator;
  if (!SizeArgument(args, 0, &limit) || !StringArgument(args, 1, &separator)) return {};
  if (limit == 0) return NewEmptyArray(args.isolate);
  return SplitReceiver(args, separator, limit);
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

}  // namespace ruchy::internal::builtins
