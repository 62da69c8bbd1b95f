// The #[test] runner: finds test functions with the parser, then runs each in a fresh
// engine after the file's top-level code, so tests cannot see each other's effects.
#include "tools/ruchyd/test-runner.h"

#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <system_error>

#include "src/builtins/builtins.h"
#include "src/objects/objects-inl.h"
#include "src/parser/parser.h"
#include "tools/ruchyd/shell-support.h"

namespace ruchy::shell {

namespace {

namespace internal = ruchy::internal;
namespace parser = ruchy::internal::parser;

struct Totals {
  int passed = 0;
  int failed = 0;
  bool file_errors = false;
};

void Print(const std::string& text) {
  internal::FlushStandardStreams();
  std::fwrite(text.data(), 1, text.size(), stdout);
  std::fflush(stdout);
}

// The files a PATH names: itself, or the .ruchy files under a folder. False (after
// printing) when it is neither.
bool CollectFiles(const std::string& path, std::vector<std::string>* files) {
  namespace fs = std::filesystem;
  std::error_code ec;
  if (!fs::is_directory(path, ec)) {
    files->push_back(path);
    return true;
  }
  std::vector<std::string> found;
  fs::recursive_directory_iterator it(path, ec), end;
  for (; !ec && it != end; it.increment(ec)) {
    std::error_code type_error;
    if (it->is_regular_file(type_error) && it->path().extension() == ".ruchy") {
      found.push_back(it->path().string());
    }
  }
  if (ec) {
    std::fprintf(stderr, "ruchyd: cannot list '%s': %s\n", path.c_str(), ec.message().c_str());
    return false;
  }
  std::sort(found.begin(), found.end());
  files->insert(files->end(), found.begin(), found.end());
  return true;
}

bool IsTestFunction(const parser::FunctionLiteral* function) {
  for (const parser::AstString* attribute : function->attributes) {
    if (attribute->view() == "test") return true;
  }
  return false;
}

// Runs the file's top level, then the test; returns the error text, empty on success.
std::string RunOneTest(const base::FlagValues& flags, const std::string& file,
                       const std::string& source, const std::string& test_name) {
  Engine engine(flags);
  internal::Isolate* isolate = engine.isolate();
  internal::interpreter::Interpreter* interpreter = engine.interpreter();
  internal::HandleScope scope(isolate);
  std::string error;
  internal::Handle<internal::SharedFunctionInfo> script;
  if (!interpreter->Compile(file, source, /*call_main=*/false, &error).ToHandle(&script)) {
    return engine.TakeCompileErrorText(error);
  }
  internal::Handle<internal::Value> result;
  if (!interpreter->RunScript(script).ToHandle(&result)) return engine.TakeUncaughtText();
  internal::Handle<internal::Value> function(
      interpreter->GetGlobal(interpreter->GlobalIndex(test_name)), isolate);
  if (!function->IsClosure()) {
    return "ruchyd: test '" + test_name + "' is not a function after the file's top level\n";
  }
  if (!interpreter->Call(function, 0, nullptr).ToHandle(&result)) {
    return engine.TakeUncaughtText();
  }
  return "";
}

void RunFile(const base::FlagValues& flags, const std::string& file, Totals* totals) {
  std::string source;
  std::string error;
  if (!ReadFile(file, &source, &error)) {
    internal::FlushStandardStreams();
    std::fputs(error.c_str(), stderr);
    totals->file_errors = true;
    return;
  }
  parser::ParseOptions options;
  options.allow_natives_syntax = flags.allow_natives_syntax;
  std::unique_ptr<parser::ParseResult> program = parser::Parse(file, source, options);
  if (!program->ok()) {
    internal::FlushStandardStreams();
    std::fputs(program->FormattedErrors().c_str(), stderr);
    totals->file_errors = true;
    return;
  }
  std::vector<std::string> tests;
  const parser::Node* body = program->script()->body;
  if (body != nullptr && body->IsBlock()) {
    for (const parser::Node* statement : body->AsBlock()->statements) {
      if (!statement->IsFunctionDeclaration()) continue;
      const parser::FunctionLiteral* function = statement->AsFunctionDeclaration()->function;
      if (IsTestFunction(function)) tests.emplace_back(function->name->view());
    }
  }
  Print("running " + std::to_string(tests.size()) + (tests.size() == 1 ? " test" : " tests") +
        " in " + file + "\n");
  for (const std::string& name : tests) {
    std::string failure = RunOneTest(flags, file, source, name);
    if (failure.empty()) {
      ++totals->passed;
      Print("test " + name + " ... ok\n");
    } else {
      ++totals->failed;
      Print("test " + name + " ... FAILED\n" + failure);
    }
  }
}

}  // namespace

int RunTests(const base::FlagValues& flags, const std::vector<std::string>& paths) {
  if (paths.empty()) {
    std::fprintf(stderr, "ruchyd: test needs at least one FILE or folder\n");
    return 2;
  }
  Totals totals;
  for (const std::string& path : paths) {
    std::vector<std::string> files;
    if (!CollectFiles(path, &files)) {
      totals.file_errors = true;
      continue;
    }
    for (const std::string& file : files) RunFile(flags, file, &totals);
  }
  Print(std::to_string(totals.passed) + " passed, " + std::to_string(totals.failed) + " failed\n");
  return totals.failed == 0 && !totals.file_errors ? 0 : 1;
}

}  // namespace ruchy::shell
