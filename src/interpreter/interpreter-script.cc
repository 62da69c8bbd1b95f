// Programs and modules: parse, analyze, compile, and (for `use name;`) run a module file's
// top level once and expose its top-level names as a namespace.
#include "src/interpreter/bytecode-generator.h"
#include "src/interpreter/interpreter.h"
#include "src/objects/objects-inl.h"
#include "src/parser/scopes.h"

namespace ruchy::internal::interpreter {

MaybeHandle<SharedFunctionInfo> Interpreter::Compile(const std::string& file_name,
                                                     std::string source, bool call_main,
                                                     std::string* error) {
  auto script = std::make_shared<Script>(file_name, source);
  parser::ParseOptions parse_options;
  parse_options.allow_natives_syntax = options_.allow_natives_syntax;
  std::unique_ptr<parser::ParseResult> program =
      parser::Parse(file_name, std::move(source), parse_options);
  if (!program->ok()) {
    *error = program->FormattedErrors();
    return {};
  }
  parser::AnalyzeScopes(program.get());
  MaybeHandle<SharedFunctionInfo> result =
      CompileScript(isolate_, this, program.get(), script, call_main, error);
  programs_.push_back(std::move(program));
  return result;
}

MaybeHandle<Value> Interpreter::LoadModule(const std::string& path, std::string source) {
  std::string error;
  Handle<SharedFunctionInfo> shared;
  if (!Compile(path, std::move(source), /*call_main=*/false, &error).ToHandle(&shared)) {
    if (!isolate_->has_pending_exception()) {
      isolate_->ThrowError("Runtime error: Cannot load module " + path + ": " + error);
    }
    return {};
  }
  parser::ParseResult* program = programs_.back().get();
  Handle<Value> ignored;
  if (!RunScript(shared).ToHandle(&ignored)) return {};
  // The namespace: every top-level declaration of the module.
  Handle<HashMap> names;
  if (!isolate_->factory()->NewHashMap(8).ToHandle(&names)) return {};
  names->set_flags(names->flags() | kModuleFlag);
  for (parser::Variable* v : program->script()->scope->variables()) {
    Handle<String> name;
    if (!isolate_->factory()->InternalizeUtf8String(v->name()->view()).ToHandle(&name)) return {};
    Handle<Value> value(GetGlobal(GlobalIndex(v->name()->view())), isolate_);
    if (value->IsTheHole()) continue;
    if (!HashMap::Insert(isolate_, names, name, value)) return {};
  }
  return names;
}

std::string Interpreter::CurrentScriptFolder() {
  if (current_fp_ == 0) return "";
  Address* fp = stack_ + current_fp_;
  Value data = Closure::cast(Value(fp[kClosureOffset])).shared().function_data();
  if (!data.IsBytecodeArray()) return "";
  const std::string& file = BytecodeArray::cast(data).data()->script->file_name;
  size_t slash = file.rfind('/');
  return slash == std::string::npos ? "" : file.substr(0, slash + 1);
}

}  // namespace ruchy::internal::interpreter
