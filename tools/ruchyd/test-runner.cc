// The #[test] runner: finds test functions (Syntax::ListTestFunctions), then runs each in
// a fresh isolate after the file's top-level code, so tests cannot see each other's effects.
#include "tools/ruchyd/test-runner.h"

#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <system_error>

#include "tools/ruchyd/shell-support.h"

namespace ruchy::shell {

namespace {

struct Totals {
  int passed = 0;
  int failed = 0;
  bool file_errors = false;
};

void Print(const std::string& text) {
  Engine::FlushStandardStreams();
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

// Runs the file's top level, then the test; returns the error text, empty on success.
std::string RunOneTest(const std::string& file, const std::string& source,
                       const std::string& test_name) {
  Session session;
  Isolate* isolate = session.isolate();
  Local<Context> context = session.context();
  HandleScope scope(isolate);
  TryCatch try_catch(isolate);
  ScriptOrigin origin(file);
  Local<String> text;
  Local<Script> script;
  Local<Value> result;
  if (!String::NewFromUtf8(isolate, source).ToLocal(&text) ||
      !Script::Compile(context, text, &origin).ToLocal(&script) ||
      !script->Run(context).ToLocal(&result)) {
    return ErrorText(try_catch);
  }
  Local<Value> function;
  if (!context->Global()->Has(context, test_name) ||
      !context->Global()->Get(context, test_name).ToLocal(&function) || !function->IsFunction()) {
    return "ruchyd: test '" + test_name + "' is not a function after the file's top level\n";
  }
  if (!function.As<Function>()->Call(context, 0, nullptr).ToLocal(&result)) {
    return ErrorText(try_catch);
  }
  return "";
}

void RunFile(const std::string& file, Totals* totals) {
  std::string source;
  std::string error;
  if (!ReadFile(file, &source, &error)) {
    ReportError(error);
    totals->file_errors = true;
    return;
  }
  std::vector<std::string> tests;
  if (!Syntax::ListTestFunctions(file, source, &tests, &error)) {
    ReportError(error);
    totals->file_errors = true;
    return;
  }
  Print("running " + std::to_string(tests.size()) + (tests.size() == 1 ? " test" : " tests") +
        " in " + file + "\n");
  for (const std::string& name : tests) {
    std::string failure = RunOneTest(file, source, name);
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

int RunTests(const std::vector<std::string>& paths) {
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
    for (const std::string& file : files) RunFile(file, &totals);
  }
  Print(std::to_string(totals.passed) + " passed, " + std::to_string(totals.failed) + " failed\n");
  return totals.failed == 0 && !totals.file_errors ? 0 : 1;
}

}  // namespace ruchy::shell
