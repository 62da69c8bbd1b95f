// libFuzzer entry point for the front end: lex, parse, and — when the input parses —
// analyze scopes and print the tree; otherwise format the errors. Also checks the
// invariants every input must keep (bounded error count, positions inside the source).
#include <cstddef>
#include <cstdint>
#include <string>

#include "src/base/logging.h"
#include "src/parser/ast-printer.h"
#include "src/parser/parser.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  namespace parser = ruchy::internal::parser;
  std::string source(reinterpret_cast<const char*>(data), size);
  parser::ParseOptions options;
  options.max_nesting_depth = 200;  // keeps each input fast; the limit logic is the same
  std::unique_ptr<parser::ParseResult> result = parser::Parse("fuzz.ruchy", source, options);
  CHECK_LE(result->errors().size(), static_cast<size_t>(options.max_errors));
  for (const parser::SyntaxError& error : result->errors()) {
    CHECK_LE(error.position.offset, size);
    CHECK_GE(error.position.line, 1u);
    CHECK_GE(error.position.column, 1u);
    CHECK(!error.message.empty());
  }
  if (result->ok()) {
    parser::AnalyzeScopes(result.get());
    parser::AstPrintOptions print_options;
    print_options.scopes = true;
    std::string dump = parser::PrintAst(result->script(), print_options);
    CHECK(!dump.empty());
  } else {
    std::string text = result->FormattedErrors();
    CHECK(!text.empty());
  }
  return 0;
}
