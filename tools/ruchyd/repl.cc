// The REPL: line reading (readline on a terminal, plain lines otherwise), continuation of
// incomplete input, and evaluation of each input as a script in one persistent interpreter.
#include "tools/ruchyd/repl.h"

#include <unistd.h>

#include <cstdio>
#include <cstdlib>

// readline.h needs FILE declared first.
#include <readline/history.h>
#include <readline/readline.h>

#include "tools/ruchyd/shell-support.h"

namespace ruchy::shell {

namespace {

constexpr char kPrompt[] = "ruchy> ";
constexpr char kContinuationPrompt[] = "ruchy... ";
constexpr char kHelp[] =
    "Enter Ruchy code; results are printed (nothing for nil). Definitions persist.\n"
    "An incomplete input (open bracket, unfinished expression) continues on the next line.\n"
    "  :help   show this text\n"
    "  :quit   leave (Ctrl-D also leaves)\n";

// One line of stdin without its newline; false at end of input. (stdio, not std::cin:
// iostreams initialize every locale facet, which each run would pay for.)
bool ReadPlainLine(std::string* line) {
  char* raw = nullptr;
  size_t capacity = 0;
  ssize_t length = getline(&raw, &capacity, stdin);
  if (length >= 0) {
    if (length > 0 && raw[length - 1] == '\n') --length;
    line->assign(raw, static_cast<size_t>(length));
  }
  std::free(raw);
  return length >= 0;
}

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
    if (!interactive_) return ReadPlainLine(line);
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
void Evaluate(Session* session, const std::string& input) {
  Isolate* isolate = session->isolate();
  Local<Context> context = session->context();
  HandleScope scope(isolate);
  TryCatch try_catch(isolate);
  ScriptOrigin origin("<repl>");
  Local<String> source;
  Local<Script> script;
  if (!String::NewFromUtf8(isolate, input).ToLocal(&source) ||
      !Script::Compile(context, source, &origin).ToLocal(&script)) {
    ReportError(ErrorText(try_catch));
    return;
  }
  if (Engine::GetBoolFlag("print_bytecode")) {
    std::fputs(script->GetBytecodeListing(context).c_str(), stdout);
  }
  Local<Value> result;
  if (!script->Run(context).ToLocal(&result)) {
    ReportError(ErrorText(try_catch));
    return;
  }
  Engine::FlushStandardStreams();
  if (!result->IsNil()) {
    std::string text = result->ToText(TextForm::kRepl) + "\n";
    std::fwrite(text.data(), 1, text.size(), stdout);
  }
  std::fflush(stdout);
}

}  // namespace

int RunRepl() {
  Session session;
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
    if (Syntax::IsIncomplete(pending)) continue;
    reader.AddHistory(pending);
    Evaluate(&session, pending);
    pending.clear();
  }
  // End of input inside an incomplete entry: evaluate it so its error is reported.
  if (!pending.empty()) Evaluate(&session, pending);
  if (!quit && reader.interactive()) std::printf("\n");
  return 0;
}

}  // namespace ruchy::shell
