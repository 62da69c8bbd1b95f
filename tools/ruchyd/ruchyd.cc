// ruchyd: the d8-style shell. It parses the engine's flags, answers --help and
// --version, checks syntax (`ruchyd check FILE...`), dumps syntax trees (--print-ast) and
// bytecode (--print-bytecode), runs programs (`ruchyd FILE [ARGS]`, `ruchyd -e CODE`), and
// hands off to the REPL (repl.cc) and the test runner (test-runner.cc). Like d8 with
// v8.h, it uses nothing but the embedding API (include/ruchy/ruchy.h).
#include <unistd.h>

#include <cstdio>
#include <string>
#include <vector>

#include "include/ruchy/ruchy.h"
#include "tools/ruchyd/repl.h"
#include "tools/ruchyd/shell-support.h"
#include "tools/ruchyd/test-runner.h"

namespace {

using namespace ruchy;  // NOLINT: the shell is written against the API alone.

void PrintUsage(FILE* out) {
  std::fprintf(
      out,
      "Usage: ruchyd [FLAGS] FILE [ARGS...]\n"
      "       ruchyd [FLAGS] -e CODE\n"
      "       ruchyd [FLAGS]              (a REPL when stdin is a terminal)\n"
      "       ruchyd [FLAGS] repl         (a REPL; reads plain lines when stdin is not a "
      "terminal)\n"
      "       ruchyd check FILE...        (syntax check; silent when all parse)\n"
      "       ruchyd test PATH...         (run the #[test] functions of files or folders)\n"
      "\n"
      "Flags:\n%s",
      Engine::FlagHelpText().c_str());
}

// The program to work on: `-e CODE` or a file. Returns false (after printing) on error.
bool LoadProgram(const std::vector<std::string>& positional, std::string* name,
                 std::string* source) {
  if (positional[0] == "-e") {
    if (positional.size() < 2) {
      std::fprintf(stderr, "ruchyd: -e needs the code to evaluate\n");
      return false;
    }
    *name = "<eval>";
    *source = positional[1];
    return true;
  }
  std::string error;
  *name = positional[0];
  if (!shell::ReadFile(positional[0], source, &error)) {
    std::fputs(error.c_str(), stderr);
    return false;
  }
  return true;
}

int Check(const std::vector<std::string>& files) {
  if (files.empty()) {
    std::fprintf(stderr, "ruchyd: check needs at least one FILE\n");
    return 2;
  }
  int status = 0;
  for (const std::string& file : files) {
    std::string source;
    std::string error;
    if (!shell::ReadFile(file, &source, &error) || !Syntax::Check(file, source, &error)) {
      std::fputs(error.c_str(), stderr);
      status = 1;
    }
  }
  return status;
}

int Run(const std::string& name, const std::string& source,
        const std::vector<std::string>& program_args, bool print_result) {
  shell::Session session;
  Isolate* isolate = session.isolate();
  Local<Context> context = session.context();
  isolate->SetProgramArguments(program_args);
  HandleScope scope(isolate);
  TryCatch try_catch(isolate);
  ScriptOrigin origin(name, /*run_main=*/true);
  Local<String> text;
  Local<Script> script;
  if (!String::NewFromUtf8(isolate, source).ToLocal(&text) ||
      !Script::Compile(context, text, &origin).ToLocal(&script)) {
    shell::ReportError(shell::ErrorText(try_catch));
    return 1;
  }
  if (Engine::GetBoolFlag("print_bytecode")) {
    std::fputs(script->GetBytecodeListing(context).c_str(), stdout);
  }
  Local<Value> result;
  if (!script->Run(context).ToLocal(&result)) {
    shell::ReportError(shell::ErrorText(try_catch));
    return 1;
  }
  if (print_result && !result->IsNil()) {
    Engine::FlushStandardStreams();
    std::string line = result->ToText(TextForm::kRepl) + "\n";
    std::fwrite(line.data(), 1, line.size(), stdout);
  }
  return 0;
}

}  // namespace

int main(int argc, char** argv) {
  std::vector<std::string> args(argv + 1, argv + argc);
  std::vector<std::string> positional;
  std::string error;
  if (!Engine::SetFlagsFromCommandLine(args, &positional, &error)) {
    std::fprintf(stderr, "ruchyd: %s\nTry 'ruchyd --help' for the list of flags.\n", error.c_str());
    return 2;
  }
  if (Engine::GetBoolFlag("help")) {
    PrintUsage(stdout);
    return 0;
  }
  if (Engine::GetBoolFlag("version")) {
    std::printf("ruchyd %s\n", Engine::GetVersion());
    return 0;
  }
  if (positional.empty()) {
    if (isatty(STDIN_FILENO)) return shell::RunRepl();
    std::fprintf(stderr,
                 "ruchyd: stdin is not a terminal; give a FILE to run, or 'ruchyd repl' to read "
                 "inputs from stdin.\n");
    PrintUsage(stderr);
    return 2;
  }
  if (positional[0] == "repl") {
    if (positional.size() > 1) {
      std::fprintf(stderr, "ruchyd: repl takes no arguments\n");
      return 2;
    }
    return shell::RunRepl();
  }
  if (positional[0] == "test") {
    return shell::RunTests(std::vector<std::string>(positional.begin() + 1, positional.end()));
  }
  if (positional[0] == "check") {
    return Check(std::vector<std::string>(positional.begin() + 1, positional.end()));
  }

  std::string name;
  std::string source;
  if (!LoadProgram(positional, &name, &source)) return 1;
  if (Engine::GetBoolFlag("print_ast")) {
    std::string text;
    if (!Syntax::PrintAst(name, source, &text)) {
      std::fputs(text.c_str(), stderr);
      return 1;
    }
    std::fputs(text.c_str(), stdout);
    return 0;
  }
  bool is_eval = positional[0] == "-e";
  size_t first_arg = is_eval ? 2 : 1;
  std::vector<std::string> program_args;
  program_args.push_back(name);
  for (size_t i = first_arg; i < positional.size(); ++i) program_args.push_back(positional[i]);
  return Run(name, source, program_args, is_eval);
}
