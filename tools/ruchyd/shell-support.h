// Pieces the shell's modes share (running files, the REPL, `ruchyd test`): reading files,
// an isolate with its context entered, and the text of an uncaught error. Built on the
// embedding API only (include/ruchy/ruchy.h), as d8 is on v8.h.
#ifndef RUCHY_TOOLS_RUCHYD_SHELL_SUPPORT_H_
#define RUCHY_TOOLS_RUCHYD_SHELL_SUPPORT_H_

#include <memory>
#include <string>

#include "include/ruchy/ruchy.h"

namespace ruchy::shell {

// Reads a whole file as bytes (NUL bytes and invalid UTF-8 included: the lexer reports
// them). Returns false with a message (ending in a newline) when it cannot.
bool ReadFile(const std::string& path, std::string* contents, std::string* error);

// An isolate (made from the process flags) with its context entered for the session's
// lifetime; the isolate is disposed last.
class Session {
 public:
  Session();
  ~Session();
  Session(const Session&) = delete;
  Session& operator=(const Session&) = delete;

  Isolate* isolate() const { return isolate_; }
  Local<Context> context() const;

 private:
  struct Scopes;
  Isolate* isolate_;
  std::unique_ptr<Scopes> scopes_;
};

// The text the shell prints for a caught exception: a compile error's formatted text as
// is, else LANGUAGE §1's uncaught-error report ("Error: Evaluation error: MESSAGE" and one
// "    at ..." line per frame). Ends with a newline.
std::string ErrorText(const TryCatch& try_catch);

// Flushes the program's buffered output, then writes `text` to stderr.
void ReportError(const std::string& text);

}  // namespace ruchy::shell

#endif  // RUCHY_TOOLS_RUCHYD_SHELL_SUPPORT_H_
