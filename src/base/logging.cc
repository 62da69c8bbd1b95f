// Fatal-error reporting shared by CHECK, DCHECK, UNREACHABLE and FATAL.
#include "src/base/logging.h"

#include <cstdio>
#include <cstdlib>

namespace ruchy::base {

void FatalError(const char* file, int line, const std::string& message) {
  std::fflush(stdout);
  std::fprintf(stderr, "\n\n#\n# Fatal error in %s, line %d\n# %s\n#\n", file, line,
               message.c_str());
  std::fflush(stderr);
  std::abort();
}

void CheckFailed(const char* file, int line, const char* condition) {
  FatalError(file, line, std::string("Check failed: ") + condition);
}

}  // namespace ruchy::base
