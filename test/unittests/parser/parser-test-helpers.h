// Helpers shared by the parser unit tests: parse-and-dump without positions, formatted
// errors, and the resolution annotations of every use of a name.
#ifndef RUCHY_TEST_UNITTESTS_PARSER_PARSER_TEST_HELPERS_H_
#define RUCHY_TEST_UNITTESTS_PARSER_PARSER_TEST_HELPERS_H_

#include <memory>
#include <regex>
#include <sstream>
#include <string>
#include <vector>

#include "gtest/gtest.h"
#include "src/parser/ast-printer.h"
#include "src/parser/parser.h"

namespace ruchy::internal::parser::testing {

inline std::unique_ptr<ParseResult> ParseOrFail(const std::string& source) {
  std::unique_ptr<ParseResult> result = Parse("test.ruchy", source);
  EXPECT_TRUE(result->ok()) << "unexpected errors:\n" << result->FormattedErrors();
  return result;
}

// The statements of the file, dumped without positions, one tree after another.
inline std::string Dump(const std::string& source) {
  std::unique_ptr<ParseResult> result = ParseOrFail(source);
  if (!result->ok()) return "<errors>";
  AstPrintOptions options;
  options.positions = false;
  std::string out;
  for (const Node* statement : result->script()->body->AsBlock()->statements) {
    out += PrintAst(statement, options);
  }
  return out;
}

// Like Dump, after scope analysis, with resolution annotations.
inline std::string DumpScopes(const std::string& source) {
  std::unique_ptr<ParseResult> result = ParseOrFail(source);
  if (!result->ok()) return "<errors>";
  AnalyzeScopes(result.get());
  AstPrintOptions options;
  options.positions = false;
  options.scopes = true;
  return PrintAst(result->script(), options);
}

// All syntax errors as printed by `ruchyd check test.ruchy`.
inline std::string Errors(const std::string& source) {
  return Parse("test.ruchy", source)->FormattedErrors();
}

// The bracketed annotation of every `Identifier NAME [...]` line (uses) or, with
// `declarations`, of every `IdentifierPattern NAME ... [...]` line, in source order.
inline std::vector<std::string> Annotations(const std::string& source, const std::string& name,
                                            bool declarations = false) {
  std::string dump = DumpScopes(source);
  std::vector<std::string> out;
  std::regex pattern(declarations ? "IdentifierPattern " + name + "( mut)? \\[([^\\]]*)\\]"
                                  : "Identifier " + name + " \\[([^\\]]*)\\]");
  std::istringstream lines(dump);
  std::string line;
  while (std::getline(lines, line)) {
    std::smatch match;
    if (std::regex_search(line, match, pattern)) out.push_back(match[match.size() - 1]);
  }
  return out;
}

inline std::vector<std::string> Uses(const std::string& source, const std::string& name) {
  return Annotations(source, name, /*declarations=*/false);
}

inline std::vector<std::string> Declarations(const std::string& source, const std::string& name) {
  return Annotations(source, name, /*declarations=*/true);
}

}  // namespace ruchy::internal::parser::testing

#endif  // RUCHY_TEST_UNITTESTS_PARSER_PARSER_TEST_HELPERS_H_
