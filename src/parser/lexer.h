// The lexer: turns a whole source file into a token vector (f-string interpolations
// become ordinary tokens between template parts) and pairs up brackets, so the parser
// can look ahead freely and jump over bracketed regions in O(1).
#ifndef RUCHY_PARSER_LEXER_H_
#define RUCHY_PARSER_LEXER_H_

#include <string>
#include <string_view>
#include <vector>

#include "src/parser/ast-string.h"
#include "src/parser/syntax-error.h"
#include "src/parser/token.h"

namespace ruchy::internal::parser {

class Lexer {
 public:
  Lexer(std::string_view source, AstStringTable* strings, ErrorReporter* errors);
  RUCHY_DISALLOW_COPY_AND_ASSIGN(Lexer);

  // Appends every token of the source, ending with kEos. Malformed input produces an
  // error report and a kIllegal token; lexing always reaches the end.
  void Tokenize(std::vector<Token>* tokens);

 private:
  // One open f-string: `depth` counts brackets opened inside the current interpolation.
  struct TemplateFrame {
    uint32_t depth;
    SourcePosition start;
  };

  char Peek(size_t ahead = 0) const {
    return pos_ + ahead < source_.size() ? source_[pos_ + ahead] : '\0';
  }
  bool AtEnd() const { return pos_ >= source_.size(); }
  // Position of an offset on the current line.
  SourcePosition PositionAt(size_t offset);
  void Error(SourcePosition position, std::string message);

  // Skips whitespace and comments; returns whether a line break was crossed.
  bool SkipTrivia();
  void SkipBlockComment();
  void NewLine(size_t newline_offset) {
    ++line_;
    line_start_ = newline_offset + 1;
  }

  void LexToken();
  void LexIdentifierOrKeyword();
  void LexNumber();
  // pos_ at the opening quote; `hashes` > 0 only for raw strings r#"..."#.
  void LexString(bool raw, uint32_t hashes);
  void LexQuote();
  void LexByteLiteral();
  // Scans f-string text after `f"` or after the `}` closing an interpolation and
  // emits a head/middle/tail part; `is_head` for the text right after `f"`.
  void LexTemplateText(bool is_head);
  void LexTemplateSpec();
  void LexOperator();
  void LexUnexpected();

  // Reads one escape after a backslash at pos_ (pos_ at the backslash) into buffer_.
  void ReadEscape();
  // Checks the UTF-8 sequence at pos_, appends it to buffer_ (or U+FFFD) and advances.
  void ReadUtf8InString(bool* reported);

  Token& Emit(TokenKind kind, SourcePosition start);
  Token& EmitString(TokenKind kind, SourcePosition start);  // payload: buffer_, interned
  void MatchBrackets();

  std::string_view source_;
  AstStringTable* strings_;
  ErrorReporter* errors_;
  std::vector<Token>* tokens_ = nullptr;
  size_t pos_ = 0;
  uint32_t line_ = 1;
  size_t line_start_ = 0;
  bool newline_before_ = true;
  SourcePosition token_start_;  // start of the token being lexed
  std::vector<TemplateFrame> templates_;
  std::string buffer_;  // cooked text of the string being lexed
  // Column cache: columns are counted incrementally along the current line.
  size_t column_line_start_ = 0;
  size_t column_offset_ = 0;
  uint32_t column_ = 1;
};

}  // namespace ruchy::internal::parser

#endif  // RUCHY_PARSER_LEXER_H_
