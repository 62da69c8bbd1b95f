// ruchyd: the d8-style shell. It parses the engine's flags, answers --help and
// --version, checks syntax (`ruchyd check FILE...`), dumps syntax trees (--print-ast) and
// bytecode (--print-bytecode), and runs programs (`ruchyd FILE [ARGS]`, `ruchyd -e CODE`).
// TODO(#8): build the shell only on include/ruchy/ruchy.h once the embedding API exists.
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <fstream>
#include <sstream>
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

namespace {

namespace parser = ruchy::internal::parser;

constexpr char kVersion[] = "0.1.0";

void PrintUsage(FILE* out) {
  std::fprintf(out,
               "Usage: ruchyd [FLAGS] FILE [ARGS...]\n"
               "       ruchyd [FLAGS] -e CODE\n"
               "       ruchyd check FILE...        (syntax check; silent when all parse)\n"
               "       ruchyd test FILE...         (run the #[test] functions)\n"
               "\n"
               "Flags:\n%s",
               ruchy::base::FlagHelpText(ruchy::base::EngineFlags()).c_str());
}

// Reads a whole file as bytes (NUL bytes and invalid UTF-8 included: the lexer reports
// them). Returns false with a message when it cannot.
bool ReadFile(const std::string& path, std::string* contents, std::string* error) {
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    *error = "ruchyd: cannot read '" + path + "': " + std::strerror(errno) + "\n";
    return false;
  }
  std::ostringstream buffer;
  buffer << in.rdbuf();
  if (in.bad()) {
    *error = "ruchyd: error reading '" + path + "'\n";
    return false;
  }
  *contents = buffer.str();
  return true;
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
  if (!ReadFile(positional[0], source, &error)) {
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
    if (!ReadFile(file, &source, &error)) {
      std::fputs(error.c_str(), stderr);
      status = 1;
      continue;
    }
    std::unique_ptr<parser::ParseResult> result = parser::Parse(file, std::move(source));
    if (!result->ok()) {
      std::fputs(result->FormattedErrors().c_str(), stderr);
      status = 1;
    }
  }
  return status;
}

namespace internal = ruchy::internal;

// Prints an uncaught exception as LANGUAGE §1 specifies: the message, then one line per
// frame.
void ReportUncaught(internal::Isolate* isolate, internal::interpreter::Interpreter* interpreter) {
  internal::Value exception = isolate->pending_exception();
  std::string message;
  if (isolate->pending_exception_is_error() && exception.IsString()) {
    message = internal::String::cast(exception).ToStdString();
  } else {
    message = "Uncaught exception: " + internal::ToText(exception, internal::TextForm::kDebug);
  }
  internal::FlushStandardStreams();
  std::string text = "Error: Evaluation error: " + message + "\n";
  for (const internal::interpreter::StackFrameInfo& frame : interpreter->pending_stack_trace()) {
    text += "    at " + frame.function_name + " (" + frame.file_name + ":" +
            std::to_string(frame.line) + ":" + std::to_string(frame.column) + ")\n";
  }
  std::fputs(text.c_str(), stderr);
}

// The top-level functions of a parsed file marked #[test] (or @test), in source order.
std::vector<std::string> TestFunctionNames(parser::ParseResult* program) {
  std::vector<std::string> names;
  for (const parser::Node* statement : program->script()->body->AsBlock()->statements) {
    if (!statement->IsFunctionDeclaration()) continue;
    const parser::FunctionLiteral* function = statement->AsFunctionDeclaration()->function;
    for (const parser::AstString* attribute : function->attributes) {
      if (attribute->view() == "test" || attribute->view() == "@test") {
        names.emplace_back(function->name->view());
        break;
      }
    }
  }
  return names;
}

// The text of the pending exception as an uncaught error prints it (without the trace).
std::string PendingErrorText(internal::Isolate* isolate) {
  internal::Value exception = isolate->pending_exception();
  if (isolate->pending_exception_is_error() && exception.IsString()) {
    return internal::String::cast(exception).ToStdString();
  }
  return "Uncaught exception: " + internal::ToText(exception, internal::TextForm::kDebug);
}

// `ruchyd test FILE...` (LANGUAGE §3): runs each file's top-level code, then calls each
// #[test] function in order; a test passes when it returns without an error. Prints one
// line per test and a summary; exit status 1 when a test failed or a file did not load.
int RunTests(const ruchy::base::FlagValues& flags, const std::vector<std::string>& files) {
  if (files.empty()) {
    std::fprintf(stderr, "ruchyd: test needs at least one FILE\n");
    return 2;
  }
  int passed = 0, failed = 0, broken_files = 0;
  for (const std::string& file : files) {
    std::string source;
    std::string error;
    if (!ReadFile(file, &source, &error)) {
      std::fputs(error.c_str(), stderr);
      ++broken_files;
      continue;
    }
    std::unique_ptr<parser::ParseResult> parsed = parser::Parse(file, source);
    if (!parsed->ok()) {
      std::fputs(parsed->FormattedErrors().c_str(), stderr);
      ++broken_files;
      continue;
    }
    std::vector<std::string> tests = TestFunctionNames(parsed.get());
    parsed.reset();
    std::printf("running %zu test%s in %s\n", tests.size(), tests.size() == 1 ? "" : "s",
                file.c_str());
    std::fflush(stdout);
    std::unique_ptr<internal::Isolate> isolate =
        internal::Isolate::New(internal::IsolateOptionsFromFlags(flags));
    internal::interpreter::InterpreterOptions options;
    options.stack_slots = static_cast<size_t>(std::max<int64_t>(flags.stack_size, 64)) * 1024 / 8;
    std::unique_ptr<internal::interpreter::Interpreter> interpreter =
        internal::interpreter::AttachInterpreter(isolate.get(), options);
    {
      internal::HandleScope scope(isolate.get());
      internal::Handle<internal::SharedFunctionInfo> script;
      internal::Handle<internal::Value> ignored;
      if (!interpreter->Compile(file, std::move(source), /*call_main=*/false, &error)
               .ToHandle(&script)) {
        if (isolate->has_pending_exception()) {
          ReportUncaught(isolate.get(), interpreter.get());
        } else {
          std::fputs(error.c_str(), stderr);
          if (!error.empty() && error.back() != '\n') std::fputc('\n', stderr);
        }
        ++broken_files;
      } else if (!interpreter->RunScript(script).ToHandle(&ignored)) {
        ReportUncaught(isolate.get(), interpreter.get());
        ++broken_files;
      } else {
        for (const std::string& test : tests) {
          internal::HandleScope test_scope(isolate.get());
          internal::Handle<internal::Value> function(
              interpreter->GetGlobal(interpreter->GlobalIndex(test)), isolate.get());
          internal::Handle<internal::Value> result;
          bool ok = interpreter->Call(function, 0, nullptr).ToHandle(&result);
          internal::FlushStandardStreams();
          if (ok) {
            std::printf("test %s ... ok\n", test.c_str());
            ++passed;
          } else {
            std::printf("test %s ... FAILED\n    %s\n", test.c_str(),
                        PendingErrorText(isolate.get()).c_str());
            isolate->clear_pending_exception();
            ++failed;
          }
          std::fflush(stdout);
        }
      }
    }
    internal::FlushStandardStreams();
    interpreter.reset();
  }
  std::printf("\ntest result: %s. %d passed; %d failed\n",
              failed == 0 && broken_files == 0 ? "ok" : "FAILED", passed, failed);
  return failed == 0 && broken_files == 0 ? 0 : 1;
}

int Run(const ruchy::base::FlagValues& flags, const std::string& name, std::string source,
        bool print_result) {
  std::unique_ptr<internal::Isolate> isolate =
      internal::Isolate::New(internal::IsolateOptionsFromFlags(flags));
  internal::interpreter::InterpreterOptions options;
  options.stack_slots = static_cast<size_t>(std::max<int64_t>(flags.stack_size, 64)) * 1024 / 8;
  options.print_bytecode = flags.print_bytecode;
  std::unique_ptr<internal::interpreter::Interpreter> interpreter =
      internal::interpreter::AttachInterpreter(isolate.get(), options);
  int status = 0;
  {
    internal::HandleScope scope(isolate.get());
    std::string error;
    internal::Handle<internal::SharedFunctionInfo> script;
    if (!interpreter->Compile(name, std::move(source), /*call_main=*/true, &error)
             .ToHandle(&script)) {
      if (isolate->has_pending_exception()) {
        ReportUncaught(isolate.get(), interpreter.get());
      } else {
        std::fputs(error.c_str(), stderr);
        if (!error.empty() && error.back() != '\n') std::fputc('\n', stderr);
      }
      return 1;
    }
    if (flags.print_bytecode) {
      std::fputs(internal::interpreter::PrintFunctionBytecode(isolate.get(), *script, true).c_str(),
                 stdout);
    }
    internal::Handle<internal::Value> result;
    if (!interpreter->RunScript(script).ToHandle(&result)) {
      ReportUncaught(isolate.get(), interpreter.get());
      status = 1;
    } else if (print_result && !result->IsNil()) {
      std::string text = internal::ToText(*result, internal::TextForm::kRepl) + "\n";
      std::fwrite(text.data(), 1, text.size(), stdout);
    }
  }
  internal::FlushStandardStreams();
  interpreter.reset();
  return status;
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
    std::fprintf(stderr, "ruchyd: the REPL is not implemented yet; give a FILE to run.\n");
    PrintUsage(stderr);
    return 2;
  }
  if (parsed.positional[0] == "check") {
    return Check(std::vector<std::string>(parsed.positional.begin() + 1, parsed.positional.end()));
  }
  if (parsed.positional[0] == "test") {
    return RunTests(
        flags, std::vector<std::string>(parsed.positional.begin() + 1, parsed.positional.end()));
  }

  std::string name;
  std::string source;
  if (!LoadProgram(parsed.positional, &name, &source)) return 1;
  std::unique_ptr<parser::ParseResult> result = parser::Parse(name, source);
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
