// ruchyd: the d8-style shell. For now it parses the engine's flags and answers
// --help and --version; running programs arrives with the interpreter.
// TODO(#8): build the shell only on include/ruchy/ruchy.h once the embedding API exists.
#include <cstdio>
#include <string>
#include <vector>

#include "src/base/flags.h"

namespace {

constexpr char kVersion[] = "0.1.0";

void PrintUsage(FILE* out) {
  std::fprintf(out,
               "Usage: ruchyd [FLAGS] FILE [ARGS...]\n"
               "       ruchyd [FLAGS] -e CODE\n"
               "\n"
               "Flags:\n%s",
               ruchy::base::FlagHelpText(ruchy::base::EngineFlags()).c_str());
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
  std::fprintf(stderr,
               "ruchyd: cannot run '%s': executing Ruchy programs is not implemented yet "
               "(this build has no parser or interpreter).\n",
               parsed.positional[0].c_str());
  return 1;
}
