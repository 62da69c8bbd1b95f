// The readable AST dump behind `ruchyd --print-ast` and the golden tests.
#ifndef RUCHY_PARSER_AST_PRINTER_H_
#define RUCHY_PARSER_AST_PRINTER_H_

#include <string>

#include "src/parser/ast.h"

namespace ruchy::internal::parser {

struct AstPrintOptions {
  // After AnalyzeScopes: show where names live, captures, contexts and last uses.
  bool scopes = false;
  // `@LINE:COL` after each node kind (unit tests turn it off to stay compact).
  bool positions = true;
};

// One line per node: `Kind @LINE:COL details`, children indented two spaces and
// labelled by the field they sit in.
std::string PrintAst(const Node* node, const AstPrintOptions& options = AstPrintOptions());

}  // namespace ruchy::internal::parser

#endif  // RUCHY_PARSER_AST_PRINTER_H_
