// Error collection and the caret display used by `ruchyd check` and the runner.
#include "src/parser/syntax-error.h"

#include <algorithm>
#include <cstring>

namespace ruchy::internal::parser {

namespace {

constexpr size_t kMaxDisplayedLine = 160;  // bytes; longer lines are shown as a window
constexpr size_t kWindowHalf = 70;

bool IsContinuationByte(unsigned char c) { return (c & 0xC0) == 0x80; }

// Length of the valid UTF-8 sequence starting at p (< end), or 0 when invalid.
size_t ValidUtf8Length(const unsigned char* p, const unsigned char* end) {
  unsigned char c = p[0];
  size_t length;
  uint32_t min;
  if (c < 0x80) return 1;
  if ((c & 0xE0) == 0xC0) {
    length = 2;
    min = 0x80;
  } else if ((c & 0xF0) == 0xE0) {
    length = 3;
    min = 0x800;
  } else if ((c & 0xF8) == 0xF0) {
    length = 4;
    min = 0x10000;
  } else {
    return 0;
  }
  if (static_cast<size_t>(end - p) < length) return 0;
  uint32_t value = c & (0x7F >> length);
  for (size_t i = 1; i < length; ++i) {
    if (!IsContinuationByte(p[i])) return 0;
    value = (value << 6) | (p[i] & 0x3F);
  }
  if (value < min || value > 0x10FFFF || (value >= 0xD800 && value <= 0xDFFF)) return 0;
  return length;
}

}  // namespace

void ErrorReporter::Report(SourcePosition position, std::string message) {
  if (full()) return;
  errors_.push_back(SyntaxError{position, std::move(message)});
}

std::vector<SyntaxError> ErrorReporter::TakeSorted() {
  std::stable_sort(errors_.begin(), errors_.end(), [](const SyntaxError& a, const SyntaxError& b) {
    return a.position.offset < b.position.offset;
  });
  return std::move(errors_);
}

uint32_t CountColumns(const char* begin, const char* end) {
  uint32_t columns = 0;
  const unsigned char* p = reinterpret_cast<const unsigned char*>(begin);
  const unsigned char* limit = reinterpret_cast<const unsigned char*>(end);
  while (p < limit) {
    // Eight ASCII bytes at a time: the common case for source text.
    if (limit - p >= 8) {
      uint64_t word;
      std::memcpy(&word, p, 8);
      if ((word & 0x8080808080808080ull) == 0) {
        p += 8;
        columns += 8;
        continue;
      }
    }
    if (*p < 0x80) {
      ++p;
    } else {
      size_t length = ValidUtf8Length(p, limit);
      p += length == 0 ? 1 : length;
    }
    ++columns;
  }
  return columns;
}

std::string FormatSyntaxError(std::string_view file_name, std::string_view source,
                              const SyntaxError& error) {
  std::string out;
  out.append(file_name.data(), file_name.size());
  out += ':' + std::to_string(error.position.line) + ':' + std::to_string(error.position.column) +
         ": Syntax error: " + error.message + '\n';

  size_t offset = std::min<size_t>(error.position.offset, source.size());
  size_t line_start = 0;
  if (offset > 0) {
    size_t newline = source.rfind('\n', offset - 1);
    if (newline != std::string_view::npos) line_start = newline + 1;
  }
  size_t line_end = source.find('\n', offset);
  if (line_end == std::string_view::npos) line_end = source.size();
  if (line_end > line_start && source[line_end - 1] == '\r') --line_end;
  if (offset > line_end) offset = line_end;

  // Cut long lines to a window around the error, on character boundaries.
  size_t shown_start = line_start;
  size_t shown_end = line_end;
  bool cut_front = false;
  bool cut_back = false;
  if (line_end - line_start > kMaxDisplayedLine) {
    if (offset - line_start > kWindowHalf) {
      shown_start = offset - kWindowHalf;
      while (shown_start < offset && IsContinuationByte(source[shown_start])) ++shown_start;
      cut_front = true;
    }
    if (line_end - offset > kWindowHalf) {
      shown_end = offset + kWindowHalf;
      while (shown_end > offset && IsContinuationByte(source[shown_end])) --shown_end;
      cut_back = true;
    }
  }

  std::string text;
  std::string caret;
  if (cut_front) {
    text += "...";
    caret += "   ";
  }
  const unsigned char* p = reinterpret_cast<const unsigned char*>(source.data()) + shown_start;
  const unsigned char* end = reinterpret_cast<const unsigned char*>(source.data()) + shown_end;
  const unsigned char* at = reinterpret_cast<const unsigned char*>(source.data()) + offset;
  while (p < end) {
    size_t length = ValidUtf8Length(p, end);
    bool before_caret = p < at;
    // One '?' per invalid byte or control character: the same unit CountColumns uses.
    if (length == 0 || (length == 1 && *p < 0x20 && *p != '\t') || *p == 0x7F) {
      text += '?';
      if (before_caret) caret += ' ';
      ++p;
      continue;
    }
    text.append(reinterpret_cast<const char*>(p), length);
    if (before_caret) caret += (*p == '\t') ? '\t' : ' ';
    p += length;
  }
  if (cut_back) text += "...";
  out += text + '\n' + caret + "^\n";
  return out;
}

}  // namespace ruchy::internal::parser
