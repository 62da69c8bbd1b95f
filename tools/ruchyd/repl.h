// The interactive shell: `ruchyd` on a terminal, or `ruchyd repl`.
#ifndef RUCHY_TOOLS_RUCHYD_REPL_H_
#define RUCHY_TOOLS_RUCHYD_REPL_H_

#include <string>

#include "src/base/flags.h"

namespace ruchy::shell {

// True when `input` fails to parse only because it ends too early (an open bracket, a
// dangling operator, an unterminated string or comment): the REPL then reads more lines.
bool IsIncompleteInput(const std::string& input, bool allow_natives_syntax);

// Reads inputs until :quit or end of input, compiling each as its own script in one
// interpreter so definitions persist. On a terminal it edits lines with readline and keeps
// history; otherwise it reads plain lines and prints no prompts. Returns the exit status.
int RunRepl(const base::FlagValues& flags);

}  // namespace ruchy::shell

#endif  // RUCHY_TOOLS_RUCHYD_REPL_H_
