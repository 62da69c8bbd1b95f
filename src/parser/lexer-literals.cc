// Literal lexing: numbers (radixes, separators, suffixes, range checks), strings with
// escapes, raw and byte strings, character literals vs labels, and f-string parts.

#include <charconv>
#include <cstdio>
#include <cstdlib>

#include "src/parser/lexer-inl.h"
#include "src/parser/lexer.h"

namespace ruchy::internal::parser {

void Lexer::LexNumber() {
  size_t start = pos_;
  bool after_dot = !tokens_->empty() && tokens_->back().kind == TokenKind::kDot;
  uint64_t value = 0;
  bool overflow = false;
  bool is_float = false;
  int radix = 10;
  if (source_[pos_] == '0' && !after_dot) {
    char x = Peek(1);
    if (x == 'x' || x == 'X') radix = 16;
    if (x == 'o' || x == 'O') radix = 8;
    if (x == 'b' || x == 'B') radix = 2;
  }
  if (radix != 10) {
    pos_ += 2;
    bool any = false;
    while (!AtEnd()) {
      char c = source_[pos_];
      if (c == '_') {
        ++pos_;
        continue;
      }
      int d = DigitValue(c);
      if (d >= radix) break;
      any = true;
      overflow |= __builtin_mul_overflow(value, static_cast<uint64_t>(radix), &value);
      overflow |= __builtin_add_overflow(value, static_cast<uint64_t>(d), &value);
      ++pos_;
    }
    if (!any) {
      Error(token_start_, "expected digits after the radix prefix of a number");
      Emit(TokenKind::kIllegal, token_start_);
      return;
    }
  } else {
    while (!AtEnd() && (IsDigit(source_[pos_]) || source_[pos_] == '_')) {
      char c = source_[pos_++];
      if (c == '_') continue;
      overflow |= __builtin_mul_overflow(value, uint64_t{10}, &value);
      overflow |= __builtin_add_overflow(value, static_cast<uint64_t>(c - '0'), &value);
    }
    if (!after_dot && Peek() == '.' && IsDigit(Peek(1))) {
      is_float = true;
      ++pos_;
      while (!AtEnd() && (IsDigit(source_[pos_]) || source_[pos_] == '_')) ++pos_;
    }
    if (!after_dot && (Peek() == 'e' || Peek() == 'E') &&
        (IsDigit(Peek(1)) || ((Peek(1) == '+' || Peek(1) == '-') && IsDigit(Peek(2))))) {
      is_float = true;
      pos_ += 2;
      while (!AtEnd() && (IsDigit(source_[pos_]) || source_[pos_] == '_')) ++pos_;
    }
  }
  size_t digits_end = pos_;
  if (!AtEnd() && IsIdentifierPart(source_[pos_])) {
    size_t suffix_start = pos_;
    while (!AtEnd() && IsIdentifierPart(source_[pos_])) ++pos_;
    std::string_view suffix = source_.substr(suffix_start, pos_ - suffix_start);
    if (suffix == "f32" || suffix == "f64") {
      if (radix != 10) {
        Error(token_start_, "a hexadecimal, octal or binary literal cannot be a float");
        Emit(TokenKind::kIllegal, token_start_);
        return;
      }
      is_float = true;
    } else if (!IsIntegerSuffix(suffix) || is_float) {
      Error(token_start_, "invalid suffix '" + std::string(suffix) + "' on a number literal");
      Emit(TokenKind::kIllegal, token_start_);
      return;
    }
  }
  if (is_float) {
    std::string digits;
    digits.reserve(digits_end - start);
    for (size_t i = start; i < digits_end; ++i) {
      if (source_[i] != '_') digits += source_[i];
    }
    double result = 0;
    auto [ptr, ec] = std::from_chars(digits.data(), digits.data() + digits.size(), result);
    if (ec == std::errc::result_out_of_range) {
      // Underflow rounds to zero (or a subnormal); overflow is an error.
      result = std::strtod(digits.c_str(), nullptr);
      if (result > 1.0) {
        Error(token_start_, "float literal is out of range");
        Emit(TokenKind::kIllegal, token_start_);
        return;
      }
    } else if (ec != std::errc() || ptr != digits.data() + digits.size()) {
      Error(token_start_, "malformed float literal");
      Emit(TokenKind::kIllegal, token_start_);
      return;
    }
    Emit(TokenKind::kFloat, token_start_).float_value = result;
    return;
  }
  if (overflow) {
    Error(token_start_, "integer literal is too large");
    Emit(TokenKind::kIllegal, token_start_);
    return;
  }
  Emit(TokenKind::kInteger, token_start_).int_value = value;
}

void Lexer::ReadUtf8InString(bool* reported) {
  uint32_t code_point;
  const unsigned char* p = reinterpret_cast<const unsigned char*>(source_.data()) + pos_;
  const unsigned char* end =
      reinterpret_cast<const unsigned char*>(source_.data()) + source_.size();
  size_t length = DecodeUtf8(p, end, &code_point);
  if (length == 0) {
    if (!*reported) {
      char hex[8];
      std::snprintf(hex, sizeof(hex), "0x%02X", static_cast<unsigned>(*p));
      Error(PositionAt(pos_), std::string("invalid UTF-8 byte ") + hex + " in string literal");
      *reported = true;
    }
    buffer_ += "\xEF\xBF\xBD";  // U+FFFD
    ++pos_;
    return;
  }
  buffer_.append(source_.data() + pos_, length);
  pos_ += length;
}

void Lexer::ReadEscape() {
  char e = Peek(1);
  switch (e) {
    case 'n':
      buffer_ += '\n';
      break;
    case 't':
      buffer_ += '\t';
      break;
    case 'r':
      buffer_ += '\r';
      break;
    case '\\':
      buffer_ += '\\';
      break;
    case '"':
      buffer_ += '"';
      break;
    case '\'':
      buffer_ += '\'';
      break;
    case '0':
      buffer_ += '\0';
      break;
    case 'u': {
      if (Peek(2) != '{') {
        Error(PositionAt(pos_), "invalid unicode escape: expected '{' after \\u");
        buffer_ += "\\u";
        break;
      }
      size_t p = pos_ + 3;
      uint32_t value = 0;
      int digits = 0;
      while (p < source_.size() && source_[p] != '}' && digits <= 6) {
        int d = DigitValue(source_[p]);
        if (d >= 16) break;
        value = value * 16 + d;
        ++digits;
        ++p;
      }
      if (p >= source_.size() || source_[p] != '}' || digits == 0 || digits > 6 ||
          value > 0x10FFFF || (value >= 0xD800 && value <= 0xDFFF)) {
        Error(PositionAt(pos_), "invalid unicode escape");
        buffer_ += "\\u";
        pos_ += 2;
        return;
      }
      AppendUtf8(&buffer_, value);
      pos_ = p + 1;
      return;
    }
    case '\n':
      // Line continuation: the newline and the next line's indentation are dropped.
      pos_ += 1;
      while (!AtEnd() && (source_[pos_] == '\n' || source_[pos_] == ' ' || source_[pos_] == '\t' ||
                          source_[pos_] == '\r')) {
        if (source_[pos_] == '\n') NewLine(pos_);
        ++pos_;
      }
      return;
    default:
      // Any other escape stays as written: backslash plus the character. A non-ASCII
      // character (or the end of input) is left for the caller to read and validate.
      buffer_ += '\\';
      if (AtEnd() || pos_ + 1 >= source_.size() || static_cast<unsigned char>(e) >= 0x80 ||
          e == '\r') {
        ++pos_;
        return;
      }
      buffer_ += e;
      break;
  }
  pos_ += 2;
}

void Lexer::LexString(bool raw, uint32_t hashes) {
  // pos_ is at the opening quote.
  ++pos_;
  buffer_.clear();
  bool reported = false;
  while (!AtEnd()) {
    char c = source_[pos_];
    if (c == '"') {
      if (hashes == 0) {
        ++pos_;
        EmitString(TokenKind::kString, token_start_);
        return;
      }
      uint32_t count = 0;
      while (count < hashes && Peek(1 + count) == '#') ++count;
      if (count == hashes) {
        pos_ += 1 + hashes;
        EmitString(TokenKind::kString, token_start_);
        return;
      }
      buffer_ += c;
      ++pos_;
    } else if (c == '\\' && !raw) {
      ReadEscape();
    } else if (c == '\n') {
      NewLine(pos_);
      buffer_ += c;
      ++pos_;
    } else if (static_cast<unsigned char>(c) >= 0x80) {
      ReadUtf8InString(&reported);
    } else {
      // A run of plain bytes (a backslash in a raw string is one of them).
      size_t run = pos_ + 1;
      while (run < source_.size()) {
        char d = source_[run];
        if (d == '"' || d == '\\' || d == '\n' || static_cast<unsigned char>(d) >= 0x80) break;
        ++run;
      }
      buffer_.append(source_.data() + pos_, run - pos_);
      pos_ = run;
    }
  }
  Error(token_start_, "unterminated string literal");
  Emit(TokenKind::kIllegal, token_start_);
}

void Lexer::LexByteLiteral() {
  // b'a' or b'\n': the byte's value as an integer.
  ++pos_;  // the 'b'
  buffer_.clear();
  if (Peek(1) == '\\') {
    ++pos_;
    ReadEscape();
  } else if (Peek(1) != '\'' && Peek(1) != '\n' && Peek(1) != '\0') {
    buffer_ += Peek(1);
    pos_ += 2;
  } else {
    ++pos_;
  }
  if (Peek() != '\'' || buffer_.size() != 1) {
    Error(token_start_, "malformed byte literal");
    while (!AtEnd() && source_[pos_] != '\'' && source_[pos_] != '\n') ++pos_;
    if (Peek() == '\'') ++pos_;
    Emit(TokenKind::kIllegal, token_start_);
    return;
  }
  ++pos_;
  Emit(TokenKind::kInteger, token_start_).int_value = static_cast<unsigned char>(buffer_[0]);
}

void Lexer::LexQuote() {
  size_t start = pos_;
  buffer_.clear();
  bool reported = false;
  // 'x' and '\n': one-character strings.
  if (Peek(1) == '\\') {
    pos_ = start + 1;
    ReadEscape();
    if (Peek() == '\'') {
      ++pos_;
      EmitString(TokenKind::kChar, token_start_);
      return;
    }
    // Not a character: maybe a single-quoted string with an escape ('\n\t'); rescan.
    pos_ = start;
    buffer_.clear();
  } else if (Peek(1) != '\'' && Peek(1) != '\n' && !(pos_ + 1 >= source_.size())) {
    uint32_t code_point;
    const unsigned char* p = reinterpret_cast<const unsigned char*>(source_.data()) + start + 1;
    const unsigned char* end =
        reinterpret_cast<const unsigned char*>(source_.data()) + source_.size();
    size_t length = DecodeUtf8(p, end, &code_point);
    if (length > 0 && start + 1 + length < source_.size() && source_[start + 1 + length] == '\'') {
      buffer_.append(source_.data() + start + 1, length);
      pos_ = start + 2 + length;
      EmitString(TokenKind::kChar, token_start_);
      return;
    }
  }
  // 'abc': a single-quoted string of two or more characters without spaces and
  // without , ; : ) } > (so labels such as 'outer: and lifetimes <'a> are not strings).
  size_t p = start + 1;
  while (p < source_.size() && source_[p] != '\'' && !EndsSingleQuotedString(source_[p])) {
    p += source_[p] == '\\' && p + 1 < source_.size() ? 2 : 1;
  }
  if (p < source_.size() && source_[p] == '\'' && p > start + 2) {
    pos_ = start + 1;
    while (pos_ < p) {
      char c = source_[pos_];
      if (c == '\\') {
        ReadEscape();
      } else if (static_cast<unsigned char>(c) >= 0x80) {
        ReadUtf8InString(&reported);
      } else {
        buffer_ += c;
        ++pos_;
      }
    }
    pos_ = p + 1;
    EmitString(TokenKind::kString, token_start_);
    return;
  }
  // 'name: a label (or lifetime).
  if (IsIdentifierStart(Peek(1))) {
    pos_ = start + 1;
    size_t name_start = pos_;
    while (!AtEnd() && IsIdentifierPart(source_[pos_])) ++pos_;
    Emit(TokenKind::kLifetime, token_start_).string =
        strings_->Intern(source_.substr(name_start, pos_ - name_start));
    return;
  }
  Error(token_start_, "unterminated character literal");
  pos_ = start + 1;
  Emit(TokenKind::kIllegal, token_start_);
}

void Lexer::LexTemplateText(bool is_head) {
  // pos_ is just after `f"` or after the `}` that closed an interpolation.
  SourcePosition part_start = token_start_;
  buffer_.clear();
  bool reported = false;
  while (!AtEnd()) {
    char c = source_[pos_];
    if (c == '"') {
      ++pos_;
      if (is_head) {
        EmitString(TokenKind::kTemplateHead, part_start);
        buffer_.clear();
      }
      EmitString(TokenKind::kTemplateTail, part_start);
      templates_.pop_back();
      return;
    }
    if (c == '\\') {
      ReadEscape();
    } else if (c == '{') {
      if (Peek(1) == '{') {
        buffer_ += '{';
        pos_ += 2;
      } else if (Peek(1) == '}') {
        buffer_ += "{}";  // an empty placeholder stays literal text
        pos_ += 2;
      } else {
        ++pos_;
        EmitString(is_head ? TokenKind::kTemplateHead : TokenKind::kTemplateMiddle, part_start);
        templates_.back().depth = 0;
        return;
      }
    } else if (c == '}') {
      buffer_ += '}';
      pos_ += Peek(1) == '}' ? 2 : 1;
    } else if (c == '\n') {
      NewLine(pos_);
      buffer_ += c;
      ++pos_;
    } else if (static_cast<unsigned char>(c) >= 0x80) {
      ReadUtf8InString(&reported);
    } else {
      buffer_ += c;
      ++pos_;
    }
  }
  Error(templates_.back().start, "unterminated f-string");
  templates_.pop_back();
  Emit(TokenKind::kIllegal, part_start);
}

void Lexer::LexTemplateSpec() {
  // pos_ at the ':' that starts a format spec: {expr:spec}.
  ++pos_;
  size_t start = pos_;
  while (!AtEnd() && source_[pos_] != '}' && source_[pos_] != '"' && source_[pos_] != '\n') {
    ++pos_;
  }
  if (Peek() != '}') {
    Error(token_start_, "unterminated format spec in f-string");
    Emit(TokenKind::kIllegal, token_start_);
    if (Peek() == '"') ++pos_;
    templates_.pop_back();
    return;
  }
  buffer_.assign(source_.data() + start, pos_ - start);
  EmitString(TokenKind::kTemplateSpec, token_start_);
}

}  // namespace ruchy::internal::parser
