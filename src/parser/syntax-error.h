// Source positions, the syntax-error list of one parse and the
// "FILE:LINE:COL: Syntax error: MESSAGE" + source line + caret formatting.
#ifndef RUCHY_PARSER_SYNTAX_ERROR_H_
#define RUCHY_PARSER_SYNTAX_ERROR_H_

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace ruchy::internal::parser {

// A point in the source: byte offset, 1-based line and 1-based column. Columns count
// characters: a valid UTF-8 sequence is one column, and so is each invalid byte.
struct SourcePosition {
  uint32_t offset = 0;
  uint32_t line = 0;
  uint32_t column = 0;
};

struct SyntaxError {
  SourcePosition position;
  std::string message;
};

// Collects errors up to a limit; further reports are dropped and `full()` turns true,
// which is the parser's signal to stop.
class ErrorReporter {
 public:
  explicit ErrorReporter(int max_errors) : max_errors_(max_errors) {}

  void Report(SourcePosition position, std::string message);
  bool full() const { return static_cast<int>(errors_.size()) >= max_errors_; }
  bool has_errors() const { return !errors_.empty(); }
  // Sorted by position (the lexer reports before the parser runs).
  std::vector<SyntaxError> TakeSorted();

 private:
  int max_errors_;
  std::vector<SyntaxError> errors_;
};

// Number of columns spanned by the bytes [begin, end) of one line.
uint32_t CountColumns(const char* begin, const char* end);

// The error as printed to stderr: first line, the source line (long lines are cut to a
// window around the column, invalid UTF-8 and control characters shown as '?'), and a
// caret under the column. Ends with a newline.
std::string FormatSyntaxError(std::string_view file_name, std::string_view source,
                              const SyntaxError& error);

}  // namespace ruchy::internal::parser

#endif  // RUCHY_PARSER_SYNTAX_ERROR_H_
