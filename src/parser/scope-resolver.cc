// Scope analysis (placeholder while the parser is brought up).
#include "src/parser/parser.h"

namespace ruchy::internal::parser {

void AnalyzeScopes(ParseResult* result) { CHECK(result->ok()); }

}  // namespace ruchy::internal::parser
