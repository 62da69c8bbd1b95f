// Scripts and globals through the embedding API: compiling (with syntax errors turned into
// TryCatch messages), running, bytecode listings, the context's global variables, and the
// isolate-free source tools a shell needs (syntax check, AST dump, incomplete input,
// #[test] discovery).
#include <cstdlib>

#include "src/api/api-impl.h"
#include "src/interpreter/bytecode-generator.h"
#include "src/objects/objects-inl.h"
#include "src/parser/ast-printer.h"
#include "src/parser/parser.h"
#include "src/runtime/value-ops.h"

namespace ruchy {

namespace i = ruchy::internal;
namespace parser = ruchy::internal::parser;
using api_internal::Access;

namespace {

// Splits "NAME:LINE:COL: TEXT" (the first line of a compile error) into its parts.
void ParseErrorLocation(const std::string& name, const std::string& error, int* line, int* column,
                        std::string* text) {
  std::string first = error.substr(0, error.find('\n'));
  *text = first;
  *line = 0;
  *column = 0;
  if (first.compare(0, name.size() + 1, name + ":") != 0) return;
  const char* p = first.c_str() + name.size() + 1;
  char* end = nullptr;
  long parsed_line = std::strtol(p, &end, 10);
  if (end == p || *end != ':') return;
  p = end + 1;
  long parsed_column = std::strtol(p, &end, 10);
  if (end == p || *end != ':') return;
  *line = static_cast<int>(parsed_line);
  *column = static_cast<int>(parsed_column);
  *text = end[1] == ' ' ? std::string(end + 2) : std::string(end + 1);
}

parser::ParseOptions ParseOptionsFromFlags() {
  parser::ParseOptions options;
  options.allow_natives_syntax = i::CurrentFlags().allow_natives_syntax;
  return options;
}

}  // namespace

// --- Script ----------------------------------------------------------------------------

MaybeLocal<Script> Script::Compile(Local<Context> context, Local<String> source,
                                   const ScriptOrigin* origin) {
  i::ApiIsolate* api = api_internal::ContextIsolate(context);
  i::Isolate* engine = api->isolate();
  if (source.IsEmpty()) api_internal::FatalApiError("Script::Compile", "empty source");
  std::string name = origin != nullptr ? origin->ResourceName() : "<script>";
  bool run_main = origin != nullptr && origin->RunMain();
  std::string error;
  i::Handle<i::SharedFunctionInfo> shared;
  if (api->interpreter()->Compile(name, source->Utf8Value(), run_main, &error).ToHandle(&shared)) {
    return Access::ToLocal<Script>(shared);
  }
  if (engine->has_pending_exception()) {
    // A module's top level (`use name;`) ran during compilation and threw.
    api->OnPendingException();
    return MaybeLocal<Script>();
  }
  if (!error.empty() && error.back() != '\n') error += '\n';
  int line;
  int column;
  std::string text;
  ParseErrorLocation(name, error, &line, &column, &text);
  i::Handle<i::String> exception;
  if (!engine->factory()->NewStringFromUtf8(error).ToHandle(&exception)) {
    api->OnPendingException();
    return MaybeLocal<Script>();
  }
  Message message = Access::MakeMessage(text, true, name, line, column, {});
  api->Deliver(exception, true, message, api->try_catch_top_);
  return MaybeLocal<Script>();
}

MaybeLocal<Value> Script::Run(Local<Context> context) {
  i::ApiIsolate* api = api_internal::ContextIsolate(context);
  i::Handle<i::Value> result;
  if (!api->interpreter()
           ->RunScript(i::Handle<i::SharedFunctionInfo>::cast(Access::Open(this)))
           .ToHandle(&result)) {
    api->OnPendingException();
    return MaybeLocal<Value>();
  }
  i::MarkShared(*result);
  return Access::ToLocal<Value>(result);
}

std::string Script::GetBytecodeListing(Local<Context> context) {
  i::ApiIsolate* api = api_internal::ContextIsolate(context);
  return i::interpreter::PrintFunctionBytecode(
      api->isolate(), i::SharedFunctionInfo::cast(Access::Get(this)), true);
}

void Script::CheckCast(const Value* value) {
  if (!Access::Get(value).IsSharedFunctionInfo()) {
    api_internal::FatalApiError("Local<Script>::Cast", "not a script");
  }
}

// --- Globals ---------------------------------------------------------------------------

MaybeLocal<Value> GlobalScope::Get(Local<Context> context, const std::string& name) {
  i::ApiIsolate* api = api_internal::ContextIsolate(context);
  i::Isolate* engine = api->isolate();
  int index = api->interpreter()->FindGlobalIndex(name);
  if (index < 0 || api->interpreter()->GetGlobal(index).IsTheHole()) {
    engine->ThrowError("Runtime error: Undefined variable: " + name);
    api->OnPendingException();
    return MaybeLocal<Value>();
  }
  i::Handle<i::Value> value(api->interpreter()->GetGlobal(index), engine);
  i::MarkShared(*value);
  return Access::ToLocal<Value>(value);
}

Maybe<bool> GlobalScope::Set(Local<Context> context, const std::string& name, Local<Value> value) {
  i::ApiIsolate* api = api_internal::ContextIsolate(context);
  i::Value v = value.IsEmpty() ? api->isolate()->nil_value() : Access::Get(*value);
  i::MarkShared(v);
  i::interpreter::Interpreter* interpreter = api->interpreter();
  interpreter->SetGlobal(interpreter->GlobalIndex(name), v);
  return Just(true);
}

bool GlobalScope::Has(Local<Context> context, const std::string& name) {
  i::ApiIsolate* api = api_internal::ContextIsolate(context);
  int index = api->interpreter()->FindGlobalIndex(name);
  return index >= 0 && !api->interpreter()->GetGlobal(index).IsTheHole();
}

// --- Syntax ----------------------------------------------------------------------------

bool Syntax::Check(const std::string& resource_name, const std::string& source,
                   std::string* errors) {
  std::unique_ptr<parser::ParseResult> result =
      parser::Parse(resource_name, source, ParseOptionsFromFlags());
  if (result->ok()) return true;
  if (errors != nullptr) *errors = result->FormattedErrors();
  return false;
}

bool Syntax::IsIncomplete(const std::string& input) {
  size_t end = input.find_last_not_of(" \t\r\n");
  if (end == std::string::npos) return false;
  std::unique_ptr<parser::ParseResult> result =
      parser::Parse("<repl>", input, ParseOptionsFromFlags());
  for (const parser::SyntaxError& error : result->errors()) {
    if (error.position.offset > end) return true;
    // Strings and comments may span lines: their errors point at where they open.
    if (error.message == "unterminated string literal" ||
        error.message == "unterminated f-string" || error.message == "unterminated block comment") {
      return true;
    }
  }
  return false;
}

bool Syntax::PrintAst(const std::string& resource_name, const std::string& source,
                      std::string* out) {
  std::unique_ptr<parser::ParseResult> result =
      parser::Parse(resource_name, source, ParseOptionsFromFlags());
  if (!result->ok()) {
    *out = result->FormattedErrors();
    return false;
  }
  parser::AnalyzeScopes(result.get());
  parser::AstPrintOptions options;
  options.scopes = true;
  *out = parser::PrintAst(result->script(), options);
  return true;
}

bool Syntax::ListTestFunctions(const std::string& resource_name, const std::string& source,
                               std::vector<std::string>* names, std::string* errors) {
  std::unique_ptr<parser::ParseResult> program =
      parser::Parse(resource_name, source, ParseOptionsFromFlags());
  if (!program->ok()) {
    if (errors != nullptr) *errors = program->FormattedErrors();
    return false;
  }
  names->clear();
  const parser::Node* body = program->script()->body;
  if (body == nullptr || !body->IsBlock()) return true;
  for (const parser::Node* statement : body->AsBlock()->statements) {
    if (!statement->IsFunctionDeclaration()) continue;
    const parser::FunctionLiteral* function = statement->AsFunctionDeclaration()->function;
    for (const parser::AstString* attribute : function->attributes) {
      if (attribute->view() == "test") {
        names->emplace_back(function->name->view());
        break;
      }
    }
  }
  return true;
}

}  // namespace ruchy
