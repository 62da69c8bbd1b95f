// ruchyd: the d8-style shell. It parses the engine's flags, answers --help and
// --version, checks syntax (`ruchyd check FILE...`), dumps syntax trees (--print-ast) and
// bytecode (--print-bytecode), runs programs (`ruchyd FILE [ARGS]`, `ruchyd -e CODE`), and
// hands off to the REPL (repl.cc) and the test runner (test-runner.cc).
// TODO(#8): build the shell only on include/ruchy/ruchy.h once the embedding API exists.
#include <unistd.h>

#include <cstdio>
#include <string>
#include <vector>

#include "src/base/flags.h"
#include "src/builtins/builtins.h"
#include "src/execution/isolate.h"
#include "src/interpreter/bytecode-generator.h"
#include "src/interpreter/interpreter.h"
#include "src/objects/objects-inl.h"
#include "src/parser/ast-printer.h"
#include "src/parser/parser.h"
#include "src/runtime/value-ops.h"
#include "tools/ruchyd/repl.h"
#include "tools/ruchyd/shell-support.h"
#include "tools/ruchyd/test-runner.h"

namespace {

namespace parser = ruchy::internal::parser;

constexpr char kVersion[] = "0.1.0";

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
      ruchy::base::FlagHelpText(ruchy::base::EngineFlags()).c_str());
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
  if (!ruchy::shell::ReadFile(positional[0], source, &error)) {
    std::fputs(error.c_str(), stderr);
    return false;
  }
  return true;
}

int Check(const parser::ParseOptions& options, const std::vector<std::string>& files) {
  if (files.empty()) {
    std::fprintf(stderr, "ruchyd: check needs at least one FILE\n");
    return 2;
  }
  int status = 0;
  for (const std::string& file : files) {
    std::string source;
    std::string error;
    if (!ruchy::shell::ReadFile(file, &source, &error)) {
      std::fputs(error.c_str(), stderr);
      status = 1;
      continue;
    }
    std::unique_ptr<parser::ParseResult> result = parser::Parse(file, std::move(source), options);
    if (!result->ok()) {
      std::fputs(result->FormattedErrors().c_str(), stderr);
      status = 1;
    }
  }
  return status;
}

namespace internal = ruchy::internal;

int Run(const ruchy::base::FlagValues& flags, const std::string& name, std::string source,
        bool print_result) {
  ruchy::shell::Engine engine(flags);
  internal::Isolate* isolate = engine.isolate();
  internal::HandleScope scope(isolate);
  std::string error;
  internal::Handle<internal::SharedFunctionInfo> script;
  if (!engine.interpreter()
           ->Compile(name, std::move(source), /*call_main=*/true, &error)
           .ToHandle(&script)) {
    std::string text = engine.TakeCompileErrorText(error);
    internal::FlushStandardStreams();
    std::fputs(text.c_str(), stderr);
    return 1;
  }
  if (flags.print_bytecode) {
    std::fputs(internal::interpreter::PrintFunctionBytecode(isolate, *script, true).c_str(),
               stdout);
  }
  internal::Handle<internal::Value> result;
  if (!engine.interpreter()->RunScript(script).ToHandle(&result)) {
    std::string text = engine.TakeUncaughtText();
    internal::FlushStandardStreams();
    std::fputs(text.c_str(), stderr);
    return 1;
  }
  if (print_result && !result->IsNil()) {
    internal::FlushStandardStreams();
    std::string text = internal::ToText(*result, internal::TextForm::kRepl) + "\n";
    std::fwrite(text.data(), 1, text.size(), stdout);
  }
  return 0;
}

}  // namespace

int main(int argc, char** argv) {
  std::vector<std::string> args(argv + 1, argv + argc);
  ruchy::base::FlagValues flags;
  ruchy::base::FlagParseResult parsed = ruchy::base::ParseEngineFlags(args, &flags);
  if (!parsed.ok) {
    std::fprintf(stderr, "ruchyd: %s\nTry 'ruchyd --help' for the list of flags.\n",
                 parsed.error.c_str());
    return 2;
  }
  if (flags.help) {
    PrintUsage(stdout);
    return 0;
  }
  if (flags.version) {
    std::printf("ruchyd %s\n", kVersion);
    return 0;
  }
  if (parsed.positional.empty()) {
    if (isatty(STDIN_FILENO)) return ruchy::shell::RunRepl(flags);
    std::fprintf(stderr,
                 "ruchyd: stdin is not a terminal; give a FILE to run, or 'ruchyd repl' to read "
                 "inputs from stdin.\n");
    PrintUsage(stderr);
    return 2;
  }
  if (parsed.positional[0] == "repl") {
    if (parsed.positional.size() > 1) {
      std::fprintf(stderr, "ruchyd: repl takes no arguments\n");
      return 2;
    }
    return ruchy::shell::RunRepl(flags);
  }
  if (parsed.positional[0] == "test") {
    return ruchy::shell::RunTests(
        flags, std::vector<std::string>(parsed.positional.begin() + 1, parsed.positional.end()));
  }
  if (parsed.positional[0] == "check") {
    parser::ParseOptions check_options;
    check_options.allow_natives_syntax = flags.allow_natives_syntax;
    return Check(check_options,
                 std::vector<std::string>(parsed.positional.begin() + 1, parsed.positional.end()));
  }

  std::string name;
  std::string source;
  if (!LoadProgram(parsed.positional, &name, &source)) return 1;
  parser::ParseOptions parse_options;
  parse_options.allow_natives_syntax = flags.allow_natives_syntax;
  std::unique_ptr<parser::ParseResult> result = parser::Parse(name, source, parse_options);
  if (!result->ok()) {
    std::fputs(result->FormattedErrors().c_str(), stderr);
    return 1;
  }
  if (flags.print_ast) {
    parser::AnalyzeScopes(result.get());
    parser::AstPrintOptions print_options;
    print_options.scopes = true;
    std::fputs(parser::PrintAst(result->script(), print_options).c_str(), stdout);
    return 0;
  }
  result.reset();
  bool is_eval = parsed.positional[0] == "-e";
  size_t first_arg = is_eval ? 2 : 1;
  std::vector<std::string> program_args;
  program_args.push_back(name);
  for (size_t i = first_arg; i < parsed.positional.size(); ++i) {
    program_args.push_back(parsed.positional[i]);
  }
  ruchy::internal::SetProgramArguments(program_args);
  return Run(flags, name, std::move(source), is_eval);
}
