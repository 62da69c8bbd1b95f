// Character classes and UTF-8 helpers shared by lexer.cc and lexer-literals.cc.
// Internal to src/parser.
#ifndef RUCHY_PARSER_LEXER_INL_H_
#define RUCHY_PARSER_LEXER_INL_H_

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "src/parser/token.h"

namespace ruchy::internal::parser {

inline bool IsIdentifierStart(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_';
}
inline bool IsIdentifierPart(char c) { return IsIdentifierStart(c) || (c >= '0' && c <= '9'); }
inline bool IsDigit(char c) { return c >= '0' && c <= '9'; }

inline int DigitValue(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return 99;
}

// Decodes the UTF-8 sequence at p; returns its length, or 0 when invalid.
inline size_t DecodeUtf8(const unsigned char* p, const unsigned char* end, uint32_t* out) {
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

inline void AppendUtf8(std::string* out, uint32_t code_point) {
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

inline constexpr const char* kIntegerSuffixes[] = {"i8", "i16", "i32", "i64", "i128", "isize",
                                                   "u8", "u16", "u32", "u64", "u128", "usize"};

inline bool IsIntegerSuffix(std::string_view s) {
  for (const char* suffix : kIntegerSuffixes) {
    if (s == suffix) return true;
  }
  return false;
}

// Characters that may not appear in a single-quoted string 'abc' (reference §3.3).
inline bool EndsSingleQuotedString(char c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == ',' || c == ';' || c == ':' ||
         c == ')' || c == '}' || c == '>' || c == '\0';
}

inline bool IsOpenBracket(TokenKind kind) {
  return kind == TokenKind::kLeftParen || kind == TokenKind::kLeftBracket ||
         kind == TokenKind::kLeftBrace;
}

inline TokenKind ClosingOf(TokenKind kind) {
  if (kind == TokenKind::kLeftParen) return TokenKind::kRightParen;
  if (kind == TokenKind::kLeftBracket) return TokenKind::kRightBracket;
  return TokenKind::kRightBrace;
}

}  // namespace ruchy::internal::parser

#endif  // RUCHY_PARSER_LEXER_INL_H_
