// Pieces the shell's modes share (running files, the REPL, `ruchyd test`): reading files,
// creating an isolate with its interpreter from the flags, and the text of an uncaught error.
#ifndef RUCHY_TOOLS_RUCHYD_SHELL_SUPPORT_H_
#define RUCHY_TOOLS_RUCHYD_SHELL_SUPPORT_H_

#include <memory>
#include <string>

#include "src/base/flags.h"
#include "src/execution/isolate.h"
#include "src/interpreter/interpreter.h"

namespace ruchy::shell {

// Reads a whole file as bytes (NUL bytes and invalid UTF-8 included: the lexer reports
// them). Returns false with a message (ending in a newline) when it cannot.
bool ReadFile(const std::string& path, std::string* contents, std::string* error);

internal::interpreter::InterpreterOptions InterpreterOptionsFromFlags(
    const base::FlagValues& flags);

// An isolate with an interpreter attached; the interpreter is destroyed first.
class Engine {
 public:
  explicit Engine(const base::FlagValues& flags);
  ~Engine();
  RUCHY_DISALLOW_COPY_AND_ASSIGN(Engine);

  internal::Isolate* isolate() const { return isolate_.get(); }
  internal::interpreter::Interpreter* interpreter() const { return interpreter_.get(); }

  // The text of the pending exception as LANGUAGE §1 prints an uncaught one: the message,
  // then one line per frame. Clears the exception.
  std::string TakeUncaughtText();
  // After a failed Compile: the uncaught text when something was thrown (a module's top
  // level), else the syntax/compile error; ends with a newline.
  std::string TakeCompileErrorText(const std::string& error);

 private:
  std::unique_ptr<internal::Isolate> isolate_;
  std::unique_ptr<internal::interpreter::Interpreter> interpreter_;
};

}  // namespace ruchy::shell

#endif  // RUCHY_TOOLS_RUCHYD_SHELL_SUPPORT_H_
