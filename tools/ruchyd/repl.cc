// The REPL: line reading (readline on a terminal, plain lines otherwise), continuation of
// incomplete input, and evaluation of each input as a script in one persistent interpreter.
#include "tools/ruchyd/repl.h"

#include <unistd.h>

#include <cstdio>
#include <cstdlib>
#include <iostream>

// readline.h needs FILE declared first.
#include <readline/history.h>
#include <readline/readline.h>

#include "src/builtins/builtins.h"
#include "src/interpreter/bytecode-generator.h"
#include "src/objects/objects-inl.h"
#include "src/parser/parser.h"
#include "src/runtime/value-ops.h"
#include "tools/ruchyd/shell-support.h"

namespace ruchy::shell {

namespace {

namespace internal = ruchy::internal;

constexpr char kPrompt[] = "ruchy> ";
constexpr char kContinuationPrompt[] = "ruchy... ";
constexpr char kHelp[] =
    "Enter Ruchy code; results are printed (nothing for nil). Definitions persist.\n"
    "An incomplete input (open bracket, unfinished expression) continues on the next line.\n"
    "  :help   show this text\n"
    "  :quit   leave (Ctrl-D also leaves)\n";

// Reads one line: through readline (with history) on a terminal, else from stdin.
class LineReader {
 public:
  LineReader() : interactive_(isatty(STDIN_FILENO) != 0) {
    if (!interactive_) return;
    const char* home = std::getenv("HOME");
    if (home != nullptr && *home != '\0') history_file_ = std::string(home) + "/.ruchyd_history";
    using_history();
    if (!history_file_.empty()) read_history(history_file_.c_str());
  }
  ~LineReader() {
    if (interactive_ && !history_file_.empty()) {
      write_history(history_file_.c_str());
      history_truncate_file(history_file_.c_str(), 1000);
    }
  }

  bool interactive() const { return interactive_; }

  // False at end of input.
  bool Read(const char* prompt, std::string* line) {
    if (!interactive_) return static_cast<bool>(std::getline(std::cin, *line));
    char* raw = readline(prompt);
    if (raw == nullptr) return false;
    *line = raw;
    std::free(raw);
    return true;
  }

  void AddHistory(const std::string& entry) {
    if (interactive_ && !entry.empty()) add_history(entry.c_str());
  }

 private:
  bool interactive_;
  std::string history_file_;
};

std::string Trim(const std::string& text) {
  size_t begin = text.find_first_not_of(" \t\r\n");
  if (begin == std::string::npos) return "";
  size_t end = text.find_last_not_of(" \t\r\n");
  return text.substr(begin, end - begin + 1);
}

// Compiles and runs one input, printing its value (unless nil) or its error.
void Evaluate(Engine* engine, const std::string& input) {
  internal::Isolate* isolate = engine->isolate();
  internal::HandleScope scope(isolate);
  std::string error;
  internal::Handle<internal::SharedFunctionInfo> script;
  if (!engine->interpreter()
           ->Compile("<repl>", input, /*call_main=*/false, &error)
           .ToHandle(&script)) {
    std::string text = engine->TakeCompileErrorText(error);
    internal::FlushStandardStreams();
    std::fputs(text.c_str(), stderr);
    return;
  }
  if (engine->interpreter()->options().print_bytecode) {
    std::fputs(internal::interpreter::PrintFunctionBytecode(isolate, *script, true).c_str(),
               stdout);
  }
  internal::Handle<internal::Value> result;
  if (!engine->interpreter()->RunScript(script).ToHandle(&result)) {
    std::string text = engine->TakeUncaughtText();
    internal::FlushStandardStreams();
    std::fputs(text.c_str(), stderr);
    return;
  }
  internal::FlushStandardStreams();
  if (!result->IsNil()) {
    std::string text = internal::ToText(*result, internal::TextForm::kRepl) + "\n";
    std::fwrite(text.data(), 1, text.size(), stdout);
  }
  std::fflush(stdout);
}

}  // namespace

bool IsIncompleteInput(const std::string& input, bool allow_natives_syntax) {
  size_t end = input.find_last_not_of(" \t\r\n");
  if (end == std::string::npos) return false;
  internal::parser::ParseOptions options;
  options.allow_natives_syntax = allow_natives_syntax;
  std::unique_ptr<internal::parser::ParseResult> result =
      internal::parser::Parse("<repl>", input, options);
  for (const internal::parser::SyntaxError& error : result->errors()) {
    if (error.position.offset > end) return true;
    // Strings and comments may span lines: their errors point at where they open.
    if (error.message == "unterminated string literal" ||
        error.message == "unterminated f-string" || error.message == "unterminated block comment") {
      return true;
    }
  }
  return false;
}

int RunRepl(const base::FlagValues& flags) {
  Engine engine(flags);
  LineReader reader;
  if (reader.interactive()) {
    std::printf("Ruchy REPL (ruchyd). Type :help for help, :quit or Ctrl-D to leave.\n");
  }
  std::string pending;
  std::string line;
  bool quit = false;
  while (!quit && reader.Read(pending.empty() ? kPrompt : kContinuationPrompt, &line)) {
    if (pending.empty()) {
      std::string command = Trim(line);
      if (command.empty()) continue;
      if (command == ":quit" || command == ":q") {
        reader.AddHistory(command);
        quit = true;
        continue;
      }
      if (command == ":help" || command == ":h") {
        reader.AddHistory(command);
        std::fputs(kHelp, stdout);
        std::fflush(stdout);
        continue;
      }
      if (command[0] == ':') {
        std::fprintf(stderr, "Unknown command %s; type :help for the commands.\n", command.c_str());
        continue;
      }
      pending = line;
    } else {
      pending += "\n" + line;
    }
    if (IsIncompleteInput(pending, flags.allow_natives_syntax)) continue;
    reader.AddHistory(pending);
    Evaluate(&engine, pending);
    pending.clear();
  }
  // End of input inside an incomplete entry: evaluate it so its error is reported.
  if (!pending.empty()) Evaluate(&engine, pending);
  if (!quit && reader.interactive()) std::printf("\n");
  return 0;
}

}  // namespace ruchy::shell
