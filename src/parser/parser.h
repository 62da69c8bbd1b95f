// The front end's entry points: Parse (lexer + parser) and AnalyzeScopes (resolution,
// allocation and last-use marks). A ParseResult owns the source, the zone holding the
// AST and scopes, and the syntax errors.
#ifndef RUCHY_PARSER_PARSER_H_
#define RUCHY_PARSER_PARSER_H_

#include <memory>
#include <string>
#include <vector>

#include "src/base/zone.h"
#include "src/parser/ast-string.h"
#include "src/parser/ast.h"
#include "src/parser/syntax-error.h"

namespace ruchy::internal::parser {

struct ParseOptions {
  // Nesting limit for expressions, blocks, patterns and types, and for operator and
  // postfix chains (each link counts one level). It bounds every tree walk's
  // recursion, so no pass can overflow the native stack.
  int max_nesting_depth = 1000;
  // Errors reported per file before parsing stops.
  int max_errors = 20;
  // `%Name(args)` in expression position is an intrinsic call (a MacroCall with
  // is_native set) instead of a modulo (--allow-natives-syntax).
  bool allow_natives_syntax = false;
};

class ParseResult {
 public:
  ParseResult(std::string file_name, std::string source);
  RUCHY_DISALLOW_COPY_AND_ASSIGN(ParseResult);

  const std::string& file_name() const { return file_name_; }
  const std::string& source() const { return source_; }
  // The whole file as a function of kind kScript whose body is a Block. Always set;
  // with syntax errors it holds what could be parsed.
  FunctionLiteral* script() const { return script_; }
  const std::vector<SyntaxError>& errors() const { return errors_; }
  bool ok() const { return errors_.empty(); }
  // Every error formatted as FormatSyntaxError does, concatenated.
  std::string FormattedErrors() const;
  bool scopes_analyzed() const { return scopes_analyzed_; }

  base::Zone* zone() { return &zone_; }
  AstStringTable* strings() { return &strings_; }

 private:
  friend std::unique_ptr<ParseResult> Parse(std::string, std::string, const ParseOptions&);
  friend void AnalyzeScopes(ParseResult*);

  std::string file_name_;
  std::string source_;
  base::Zone zone_;
  AstStringTable strings_;
  FunctionLiteral* script_ = nullptr;
  std::vector<SyntaxError> errors_;
  bool scopes_analyzed_ = false;
};

std::unique_ptr<ParseResult> Parse(std::string file_name, std::string source,
                                   const ParseOptions& options = ParseOptions());

// Resolves every name, allocates registers and context slots and marks last uses.
// Only for a result without syntax errors.
void AnalyzeScopes(ParseResult* result);

// Parse, then AnalyzeScopes when there were no errors.
std::unique_ptr<ParseResult> ParseAndAnalyze(std::string file_name, std::string source,
                                             const ParseOptions& options = ParseOptions());

}  // namespace ruchy::internal::parser

#endif  // RUCHY_PARSER_PARSER_H_
