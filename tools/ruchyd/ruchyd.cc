// ruchyd: the d8-style shell. It parses the engine's flags, answers --help and
// --version, checks syntax (`ruchyd check FILE...`), dumps syntax trees (--print-ast) and
// bytecode (--print-bytecode), and runs programs (`ruchyd FILE [ARGS]`, `ruchyd -e CODE`).
// TODO(#8): build the shell only on include/ruchy/ruchy.h once the embedding API exists.
#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <fstream>
#include <iostream>
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
               "       ruchyd [repl]               (the REPL; piped input runs as one program)\n"
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

// Whether a parse failed only because the input stopped early (an open block, a dangling
// operator, an unterminated string): the REPL then reads a continuation line.
bool NeedsMoreInput(const parser::ParseResult& result) {
  for (const parser::SyntaxError& error : result.errors()) {
    if (error.message.find("end of file") != std::string::npos ||
        error.message.find("unterminated") != std::string::npos) {
      return true;
    }
  }
  return false;
}

std::string Trim(const std::string& text) {
  size_t begin = text.find_first_not_of(" \t\r\n");
  if (begin == std::string::npos) return "";
  size_t end = text.find_last_not_of(" \t\r\n");
  return text.substr(begin, end - begin + 1);
}

// The REPL (ref §1): `ruchyd` on a terminal, or `ruchyd repl`. Each input (continued over
// lines while it is incomplete) is compiled and run in one isolate, so top-level names
// persist between inputs: they are the interpreter's global cells. A non-nil result prints
// in display form with strings quoted; errors print to stdout as `Error: MESSAGE` and the
// session goes on. Prompts and the banner are shown only when stdin is a terminal.
int Repl(const ruchy::base::FlagValues& flags, bool interactive) {
  std::unique_ptr<internal::Isolate> isolate =
      internal::Isolate::New(internal::IsolateOptionsFromFlags(flags));
  internal::interpreter::InterpreterOptions options;
  options.stack_slots = static_cast<size_t>(std::max<int64_t>(flags.stack_size, 64)) * 1024 / 8;
  std::unique_ptr<internal::interpreter::Interpreter> interpreter =
      internal::interpreter::AttachInterpreter(isolate.get(), options);
  if (interactive) {
    std::printf("Ruchy REPL (ruchyd %s)\nType :help for commands or expressions to evaluate\n",
                kVersion);
  }
  std::string pending;
  while (true) {
    if (interactive) {
      std::fputs(pending.empty() ? "ruchy> " : "ruchy... ", stdout);
      std::fflush(stdout);
    }
    std::string line;
    if (!std::getline(std::cin, line)) {
      if (interactive) std::printf("\nGoodbye!\n");
      break;
    }
    if (pending.empty()) {
      std::string command = Trim(line);
      if (command.empty()) continue;
      if (command == ":quit" || command == ":exit" || command == ":q") break;
      if (command == ":help" || command == ":h") {
        std::printf(
            "Enter Ruchy statements or expressions; a non-nil result is printed.\n"
            "Definitions and variables stay defined for later inputs.\n"
            ":help  this text    :quit  leave (also :exit, :q, end of input)\n");
        continue;
      }
    }
    pending += line + "\n";
    {
      std::unique_ptr<parser::ParseResult> parsed = parser::Parse("<repl>", pending);
      if (!parsed->ok()) {
        if (NeedsMoreInput(*parsed)) continue;
        std::fputs(parsed->FormattedErrors().c_str(), stdout);
        pending.clear();
        continue;
      }
    }
    internal::HandleScope scope(isolate.get());
    std::string error;
    internal::Handle<internal::SharedFunctionInfo> script;
    internal::Handle<internal::Value> result;
    if (!interpreter->Compile("<repl>", pending, /*call_main=*/false, &error).ToHandle(&script)) {
      std::string text = isolate->has_pending_exception() ? PendingErrorText(isolate.get()) : error;
      std::printf("Error: %s\n", Trim(text).c_str());
    } else if (!interpreter->RunScript(script).ToHandle(&result)) {
      internal::FlushStandardStreams();
      std::printf("Error: %s\n", PendingErrorText(isolate.get()).c_str());
    } else if (!result->IsNil()) {
      internal::FlushStandardStreams();
      std::printf("%s\n", internal::ToText(*result, internal::TextForm::kRepl).c_str());
    }
    if (isolate->has_pending_exception()) isolate->clear_pending_exception();
    internal::FlushStandardStreams();
    std::fflush(stdout);
    pending.clear();
  }
  if (!pending.empty()) {
    // The input ended inside an unfinished statement.
    std::unique_ptr<parser::ParseResult> parsed = parser::Parse("<repl>", pending);
    std::fputs(parsed->FormattedErrors().c_str(), stdout);
  }
  internal::FlushStandardStreams();
  interpreter.reset();
  return 0;
}

int Run(const ruchy::base::FlagValues& flags, const std::string& name, std::string source,
        bool print_result) {
  std::unique_ptr<internal::Isolate> isolate =
      internal::Isolate::New(internal::IsolateOptionsFromFlags(flags));
  internal::interpreter::InterpreterOptions options;
  options.stack_slots = static_cast<size_t>(std::max<int64_t>(flags.stack_size, 64)) * 1024 / 8;
  options.print_bytecode = flags.print_bytecode;
  options.trace_ic = flags.trace_ic;
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
  if (parsed.positional.empty() || parsed.positional[0] == "repl") {
    bool terminal = isatty(STDIN_FILENO) != 0;
    if (parsed.positional.empty() && !terminal) {
      // `echo CODE | ruchyd`: the input is one program, run like -e (ref §1).
      std::ostringstream buffer;
      buffer << std::cin.rdbuf();
      return Run(flags, "<stdin>", buffer.str(), /*print_result=*/true);
    }
    return Repl(flags, terminal);
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
