// The interactive shell: `ruchyd` on a terminal, or `ruchyd repl`.
#ifndef RUCHY_TOOLS_RUCHYD_REPL_H_
#define RUCHY_TOOLS_RUCHYD_REPL_H_

namespace ruchy::shell {

// Reads inputs until :quit or end of input, compiling each as its own script in one
// context so definitions persist. On a terminal it edits lines with readline and keeps
// history; otherwise it reads plain lines and prints no prompts. Returns the exit status.
int RunRepl();

}  // namespace ruchy::shell

#endif  // RUCHY_TOOLS_RUCHYD_REPL_H_
