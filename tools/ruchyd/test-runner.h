// `ruchyd test PATH...`: runs the #[test] functions of Ruchy files.
#ifndef RUCHY_TOOLS_RUCHYD_TEST_RUNNER_H_
#define RUCHY_TOOLS_RUCHYD_TEST_RUNNER_H_

#include <string>
#include <vector>

namespace ruchy::shell {

// Runs every top-level `#[test]` function of each file (every .ruchy file under a folder,
// recursively, in name order). Each test gets a fresh isolate that has run the file's top
// level (main() is not called). Prints `test NAME ... ok` or `... FAILED` with the error,
// and last `N passed, N failed`. Returns 0 when all pass, 1 when any fails or a file
// cannot be read or parsed, 2 for a usage error.
int RunTests(const std::vector<std::string>& paths);

}  // namespace ruchy::shell

#endif  // RUCHY_TOOLS_RUCHYD_TEST_RUNNER_H_
