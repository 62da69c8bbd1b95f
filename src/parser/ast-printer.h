// The readable AST dump behind `ruchyd --print-ast` and the golden tests.
#ifndef RUCHY_PARSER_AST_PRINTER_H_
#define RUCHY_PARSER_AST_PRINTER_H_

#include <string>

#include "src/parser/ast.h"

namespace ruchy::internal::parser {

// One line per node: `Kind @LINE:COL details`, children indented two spaces and
// labelled by field. With `with_scopes` (after AnalyzeScopes) names show where they
// live and last uses are marked.
std::string PrintAst(const Node* node, bool with_scopes);

}  // namespace ruchy::internal::parser

#endif  // RUCHY_PARSER_AST_PRINTER_H_
