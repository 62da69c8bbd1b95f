// The Ruchy lexer. Notable rules (reference notes §3): `#` starts a comment unless it
// begins `#[` or `#![`; block comments nest; `'x'` is a one-character string, `'abc'`
// a single-quoted string and `'name` a loop label; after a `.` token a number is lexed
// as digits only (so `t.0.1` is two tuple indexes); f-strings are split into parts with
// the interpolated expressions lexed as ordinary tokens in between.
#include "src/parser/lexer.h"

#include <charconv>
#include <cstdlib>
#include <cstring>

namespace ruchy::internal::parser {

namespace {

bool IsIdentifierStart(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_';
}
bool IsIdentifierPart(char c) { return IsIdentifierStart(c) || (c >= '0' && c <= '9'); }
bool IsDigit(char c) { return c >= '0' && c <= '9'; }

int DigitValue(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return 99;
}

// Decodes the UTF-8 sequence at p; returns its length, or 0 when invalid.
size_t DecodeUtf8(const unsigned char* p, const unsigned char* end, uint32_t* out) {
  unsigned char c = p[0];
  size_t length;
  uint32_t min;
  if (c < 0x80) {
    *out = c;
    return 1;
  }
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
    if ((p[i] & 0xC0) != 0x80) return 0;
    value = (value << 6) | (p[i] & 0x3F);
  }
  if (value < min || value > 0x10FFFF || (value >= 0xD800 && value <= 0xDFFF)) return 0;
  *out = value;
  return length;
}

void AppendUtf8(std::string* out, uint32_t code_point) {
  if (code_point < 0x80) {
    *out += static_cast<char>(code_point);
  } else if (code_point < 0x800) {
    *out += static_cast<char>(0xC0 | (code_point >> 6));
    *out += static_cast<char>(0x80 | (code_point & 0x3F));
  } else if (code_point < 0x10000) {
    *out += static_cast<char>(0xE0 | (code_point >> 12));
    *out += static_cast<char>(0x80 | ((code_point >> 6) & 0x3F));
    *out += static_cast<char>(0x80 | (code_point & 0x3F));
  } else {
    *out += static_cast<char>(0xF0 | (code_point >> 18));
    *out += static_cast<char>(0x80 | ((code_point >> 12) & 0x3F));
    *out += static_cast<char>(0x80 | ((code_point >> 6) & 0x3F));
    *out += static_cast<char>(0x80 | (code_point & 0x3F));
  }
}

constexpr const char* kIntegerSuffixes[] = {"i8", "i16", "i32", "i64", "i128", "isize",
                                            "u8", "u16", "u32", "u64", "u128", "usize"};

bool IsIntegerSuffix(std::string_view s) {
  for (const char* suffix : kIntegerSuffixes) {
    if (s == suffix) return true;
  }
  return false;
}

// Characters that may not appear in a single-quoted string 'abc' (reference §3.3).
bool EndsSingleQuotedString(char c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == ',' || c == ';' || c == ':' ||
         c == ')' || c == '}' || c == '>' || c == '\0';
}

bool IsOpenBracket(TokenKind kind) {
  return kind == TokenKind::kLeftParen || kind == TokenKind::kLeftBracket ||
         kind == TokenKind::kLeftBrace;
}

TokenKind ClosingOf(TokenKind kind) {
  if (kind == TokenKind::kLeftParen) return TokenKind::kRightParen;
  if (kind == TokenKind::kLeftBracket) return TokenKind::kRightBracket;
  return TokenKind::kRightBrace;
}

}  // namespace

Lexer::Lexer(std::string_view source, AstStringTable* strings, ErrorReporter* errors)
    : source_(source), strings_(strings), errors_(errors) {}

SourcePosition Lexer::PositionAt(size_t offset) {
  if (column_line_start_ != line_start_ || offset < column_offset_) {
    column_line_start_ = line_start_;
    column_offset_ = line_start_;
    column_ = 1;
  }
  column_ += CountColumns(source_.data() + column_offset_, source_.data() + offset);
  column_offset_ = offset;
  return SourcePosition{static_cast<uint32_t>(offset), line_, column_};
}

void Lexer::Error(SourcePosition position, std::string message) {
  errors_->Report(position, std::move(message));
}

Token& Lexer::Emit(TokenKind kind, SourcePosition start) {
  Token token;
  token.kind = kind;
  token.newline_before = newline_before_;
  token.offset = start.offset;
  token.end = static_cast<uint32_t>(pos_);
  token.line = start.line;
  token.column = start.column;
  token.partner = kNoPartner;
  token.int_value = 0;
  newline_before_ = false;
  tokens_->push_back(token);
  return tokens_->back();
}

Token& Lexer::EmitString(TokenKind kind, SourcePosition start) {
  Token& token = Emit(kind, start);
  token.string = strings_->Intern(buffer_);
  return token;
}

void Lexer::Tokenize(std::vector<Token>* tokens) {
  CHECK_LT(source_.size(), static_cast<size_t>(UINT32_MAX));
  tokens_ = tokens;
  // About one token per three bytes of typical source; growing the vector later costs
  // copies of everything lexed so far.
  tokens->reserve(tokens->size() + source_.size() / 3 + 16);
  if (source_.substr(0, 3) == "\xEF\xBB\xBF") {  // byte-order mark
    pos_ = 3;
    line_start_ = 3;
  }
  while (true) {
    if (SkipTrivia()) newline_before_ = true;
    if (AtEnd()) break;
    token_start_ = PositionAt(pos_);
    LexToken();
  }
  if (!templates_.empty()) {
    Error(templates_.front().start, "unterminated f-string");
    templates_.clear();
    token_start_ = PositionAt(pos_);
    Emit(TokenKind::kIllegal, token_start_);
  }
  token_start_ = PositionAt(pos_);
  Emit(TokenKind::kEos, token_start_);
  MatchBrackets();
}

bool Lexer::SkipTrivia() {
  bool newline = false;
  while (!AtEnd()) {
    char c = source_[pos_];
    if (c == ' ' || c == '\t' || c == '\r' || c == '\f' || c == '\v') {
      ++pos_;
    } else if (c == '\n') {
      NewLine(pos_);
      ++pos_;
      newline = true;
    } else if (c == '/' && Peek(1) == '/') {
      const void* nl = std::memchr(source_.data() + pos_, '\n', source_.size() - pos_);
      pos_ = nl ? static_cast<const char*>(nl) - source_.data() : source_.size();
    } else if (c == '/' && Peek(1) == '*') {
      uint32_t line = line_;
      SkipBlockComment();
      if (line_ != line) newline = true;
    } else if (c == '#' && Peek(1) != '[' && !(Peek(1) == '!' && Peek(2) == '[')) {
      const void* nl = std::memchr(source_.data() + pos_, '\n', source_.size() - pos_);
      pos_ = nl ? static_cast<const char*>(nl) - source_.data() : source_.size();
    } else {
      break;
    }
  }
  return newline;
}

void Lexer::SkipBlockComment() {
  SourcePosition start = PositionAt(pos_);
  pos_ += 2;
  uint64_t depth = 1;
  while (!AtEnd()) {
    char c = source_[pos_];
    if (c == '*' && Peek(1) == '/') {
      pos_ += 2;
      if (--depth == 0) return;
    } else if (c == '/' && Peek(1) == '*') {
      pos_ += 2;
      ++depth;
    } else {
      if (c == '\n') NewLine(pos_);
      ++pos_;
    }
  }
  Error(start, "unterminated block comment");
}

void Lexer::LexToken() {
  char c = source_[pos_];
  if (IsIdentifierStart(c)) return LexIdentifierOrKeyword();
  if (IsDigit(c)) return LexNumber();
  TemplateFrame* frame = templates_.empty() ? nullptr : &templates_.back();
  switch (c) {
    case '"':
      return LexString(/*raw=*/false, 0);
    case '\'':
      return LexQuote();
    case '(':
    case '[':
    case '{':
      ++pos_;
      if (frame) ++frame->depth;
      Emit(c == '('   ? TokenKind::kLeftParen
           : c == '[' ? TokenKind::kLeftBracket
                      : TokenKind::kLeftBrace,
           token_start_);
      return;
    case ')':
    case ']':
    case '}':
      ++pos_;
      if (frame && frame->depth == 0 && c == '}') return LexTemplateText(/*is_head=*/false);
      if (frame && frame->depth > 0) --frame->depth;
      Emit(c == ')'   ? TokenKind::kRightParen
           : c == ']' ? TokenKind::kRightBracket
                      : TokenKind::kRightBrace,
           token_start_);
      return;
    case ':':
      if (frame && frame->depth == 0 && Peek(1) != ':') return LexTemplateSpec();
      break;
    default:
      break;
  }
  LexOperator();
}

void Lexer::LexIdentifierOrKeyword() {
  char c = source_[pos_];
  char next = Peek(1);
  if (c == 'f' && next == '"') {
    templates_.push_back(TemplateFrame{0, token_start_});
    pos_ += 2;
    return LexTemplateText(/*is_head=*/true);
  }
  if (c == 'r' && next == '"') {
    ++pos_;
    return LexString(/*raw=*/true, 0);
  }
  if (c == 'r' && next == '#') {
    size_t p = pos_ + 1;
    uint32_t hashes = 0;
    while (p < source_.size() && source_[p] == '#') ++p, ++hashes;
    if (p < source_.size() && source_[p] == '"') {
      pos_ = p;
      return LexString(/*raw=*/true, hashes);
    }
    if (hashes == 1 && p < source_.size() && IsIdentifierStart(source_[p])) {
      // Raw identifier r#name: never a keyword.
      size_t start = p;
      while (p < source_.size() && IsIdentifierPart(source_[p])) ++p;
      pos_ = p;
      Emit(TokenKind::kIdentifier, token_start_).string =
          strings_->Intern(source_.substr(start, p - start));
      return;
    }
  }
  if (c == 'b' && next == '\'') return LexByteLiteral();
  if (c == 'b' && next == '"') {
    ++pos_;
    return LexString(/*raw=*/false, 0);
  }
  if (c == 'b' && next == 'r' && Peek(2) == '"') {
    pos_ += 2;
    return LexString(/*raw=*/true, 0);
  }
  size_t start = pos_;
  while (pos_ < source_.size() && IsIdentifierPart(source_[pos_])) ++pos_;
  const AstString* name = strings_->Intern(source_.substr(start, pos_ - start));
  Emit(name->token(), token_start_).string = name;
}

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

void Lexer::LexOperator() {
  char c = source_[pos_];
  char c1 = Peek(1);
  char c2 = Peek(2);
  TokenKind kind;
  int length = 1;
  switch (c) {
    case ',':
      kind = TokenKind::kComma;
      break;
    case ';':
      kind = TokenKind::kSemicolon;
      break;
    case ':':
      if (c1 == ':')
        kind = TokenKind::kColonColon, length = 2;
      else
        kind = TokenKind::kColon;
      break;
    case '.':
      if (c1 == '.' && c2 == '=')
        kind = TokenKind::kDotDotEq, length = 3;
      else if (c1 == '.' && c2 == '.')
        kind = TokenKind::kEllipsis, length = 3;
      else if (c1 == '.')
        kind = TokenKind::kDotDot, length = 2;
      else
        kind = TokenKind::kDot;
      break;
    case '-':
      if (c1 == '>')
        kind = TokenKind::kArrow, length = 2;
      else if (c1 == '=')
        kind = TokenKind::kAssignSub, length = 2;
      else
        kind = TokenKind::kSub;
      break;
    case '=':
      if (c1 == '=')
        kind = TokenKind::kEq, length = 2;
      else if (c1 == '>')
        kind = TokenKind::kFatArrow, length = 2;
      else
        kind = TokenKind::kAssign;
      break;
    case '?':
      // `x?.f()` is the try operator followed by a member access, as in Rust.
      if (c1 == '?')
        kind = TokenKind::kQuestionQuestion, length = 2;
      else
        kind = TokenKind::kQuestion;
      break;
    case '#':
      if (c1 == '[')
        kind = TokenKind::kHashBracket, length = 2;
      else
        kind = TokenKind::kHashBangBracket, length = 3;  // SkipTrivia left only these
      break;
    case '@':
      kind = TokenKind::kAt;
      break;
    case '~':
      kind = TokenKind::kTilde;
      break;
    case '!':
      if (c1 == '=')
        kind = TokenKind::kNe, length = 2;
      else
        kind = TokenKind::kBang;
      break;
    case '+':
      if (c1 == '=')
        kind = TokenKind::kAssignAdd, length = 2;
      else
        kind = TokenKind::kAdd;
      break;
    case '*':
      if (c1 == '*' && c2 == '=')
        kind = TokenKind::kAssignExp, length = 3;
      else if (c1 == '*')
        kind = TokenKind::kExp, length = 2;
      else if (c1 == '=')
        kind = TokenKind::kAssignMul, length = 2;
      else
        kind = TokenKind::kMul;
      break;
    case '/':
      if (c1 == '=')
        kind = TokenKind::kAssignDiv, length = 2;
      else
        kind = TokenKind::kDiv;
      break;
    case '%':
      if (c1 == '=')
        kind = TokenKind::kAssignMod, length = 2;
      else
        kind = TokenKind::kMod;
      break;
    case '&':
      if (c1 == '&')
        kind = TokenKind::kAnd, length = 2;
      else if (c1 == '=')
        kind = TokenKind::kAssignBitAnd, length = 2;
      else
        kind = TokenKind::kBitAnd;
      break;
    case '|':
      if (c1 == '|')
        kind = TokenKind::kOr, length = 2;
      else if (c1 == '=')
        kind = TokenKind::kAssignBitOr, length = 2;
      else if (c1 == '>')
        kind = TokenKind::kPipeline, length = 2;
      else
        kind = TokenKind::kBitOr;
      break;
    case '^':
      if (c1 == '=')
        kind = TokenKind::kAssignBitXor, length = 2;
      else
        kind = TokenKind::kBitXor;
      break;
    case '<':
      if (c1 == '<' && c2 == '=')
        kind = TokenKind::kAssignShl, length = 3;
      else if (c1 == '<')
        kind = TokenKind::kShl, length = 2;
      else if (c1 == '=')
        kind = TokenKind::kLe, length = 2;
      else
        kind = TokenKind::kLt;
      break;
    case '>':
      if (c1 == '>' && c2 == '=')
        kind = TokenKind::kAssignShr, length = 3;
      else if (c1 == '>')
        kind = TokenKind::kShr, length = 2;
      else if (c1 == '=')
        kind = TokenKind::kGe, length = 2;
      else
        kind = TokenKind::kGt;
      break;
    default:
      return LexUnexpected();
  }
  pos_ += length;
  Emit(kind, token_start_);
}

void Lexer::LexUnexpected() {
  unsigned char c = static_cast<unsigned char>(source_[pos_]);
  const unsigned char* p = reinterpret_cast<const unsigned char*>(source_.data()) + pos_;
  const unsigned char* end =
      reinterpret_cast<const unsigned char*>(source_.data()) + source_.size();
  std::string message;
  if (c == 0) {
    message = "unexpected NUL byte";
    ++pos_;
  } else if (c < 0x80) {
    char text[48];
    if (c < 0x20 || c == 0x7F) {
      std::snprintf(text, sizeof(text), "unexpected control character 0x%02X", c);
    } else {
      std::snprintf(text, sizeof(text), "unexpected character '%c'", c);
    }
    message = text;
    ++pos_;
  } else {
    uint32_t code_point;
    size_t length = DecodeUtf8(p, end, &code_point);
    char text[64];
    if (length == 0) {
      std::snprintf(text, sizeof(text), "invalid UTF-8 byte 0x%02X", c);
      message = text;
      ++pos_;
    } else {
      std::snprintf(text, sizeof(text), " (U+%04X)", code_point);
      message = "unexpected character '" + std::string(source_.substr(pos_, length)) + "'" + text;
      pos_ += length;
    }
  }
  // One report for a run of unusable bytes.
  while (!AtEnd()) {
    unsigned char d = static_cast<unsigned char>(source_[pos_]);
    if (d >= 0x80 || d == 0 || d == '$' || d == '`' || d == '\\' ||
        (d < 0x20 && d != '\n' && d != '\t' && d != '\r')) {
      ++pos_;
    } else {
      break;
    }
  }
  Error(token_start_, message);
  Emit(TokenKind::kIllegal, token_start_);
}

void Lexer::MatchBrackets() {
  // A closing bracket pairs with the nearest open one of its kind among the top few
  // entries of the stack; anything above that is left unbalanced. The search is
  // bounded so hostile input stays linear.
  constexpr size_t kSearchLimit = 16;
  std::vector<uint32_t> stack;
  std::vector<Token>& tokens = *tokens_;
  for (uint32_t i = 0; i < tokens.size(); ++i) {
    TokenKind kind = tokens[i].kind;
    if (IsOpenBracket(kind)) {
      stack.push_back(i);
    } else if (kind == TokenKind::kRightParen || kind == TokenKind::kRightBracket ||
               kind == TokenKind::kRightBrace) {
      for (size_t depth = 0; depth < kSearchLimit && depth < stack.size(); ++depth) {
        uint32_t open = stack[stack.size() - 1 - depth];
        if (ClosingOf(tokens[open].kind) == kind) {
          tokens[open].partner = i;
          tokens[i].partner = open;
          stack.resize(stack.size() - 1 - depth);
          break;
        }
      }
    }
  }
}

}  // namespace ruchy::internal::parser
