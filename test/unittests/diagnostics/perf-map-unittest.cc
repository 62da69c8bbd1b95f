// Tests for the perf map: the /tmp/perf-PID.map naming, line format, and logging of code
// installed in a code space.
#include "src/diagnostics/perf-map.h"

#include <unistd.h>

#include <cinttypes>
#include <cstdio>
#include <fstream>
#include <string>
#include <vector>

#include "gtest/gtest.h"
#include "src/codegen/x64/assembler-x64.h"

namespace ruchy::internal::diagnostics {
namespace {

std::vector<std::string> ReadLines(const std::string& path) {
  std::ifstream in(path);
  std::vector<std::string> lines;
  std::string line;
  while (std::getline(in, line)) lines.push_back(line);
  return lines;
}

std::string TempPath(const char* name) {
  const char* dir = std::getenv("TEST_TMPDIR");
  return std::string(dir != nullptr ? dir : "/tmp") + "/" + name + "-" + std::to_string(getpid()) +
         ".map";
}

TEST(PerfMapTest, DefaultPathNamesTheProcess) {
  EXPECT_EQ(PerfMap::DefaultPath(), "/tmp/perf-" + std::to_string(getpid()) + ".map");
}

TEST(PerfMapTest, WritesStartSizeNameLinesInHex) {
  std::string path = TempPath("perf-format");
  std::remove(path.c_str());
  {
    PerfMap map(path);
    ASSERT_TRUE(map.ok());
    map.LogCode(0x7f0012345000, 0x1a0, "baseline:fib");
    map.LogCode(0x1000, 16, "two\nlines");
    map.LogCode(0x2000, 1, "");
  }
  EXPECT_EQ(ReadLines(path), (std::vector<std::string>{"7f0012345000 1a0 baseline:fib",
                                                       "1000 10 two lines", "2000 1 jit-code"}));
  // Appends, as several code spaces (or runs) may share the file.
  {
    PerfMap map(path);
    map.LogCode(0x3000, 2, "more");
  }
  EXPECT_EQ(ReadLines(path).size(), 4u);
  std::remove(path.c_str());
}

TEST(PerfMapTest, LogsInstalledCode) {
  std::string path = TempPath("perf-install");
  std::remove(path.c_str());
  codegen::CodeSpace space;
  PerfMap map(path);
  space.AddObserver(&map);
  codegen::Assembler masm;
  masm.movl(codegen::rax, codegen::Immediate(1));
  masm.ret();
  codegen::CodeDesc desc;
  masm.GetCode(&desc);
  codegen::InstalledCode code = space.Install(desc, "optimized:main");
  space.RemoveObserver(&map);
  char expected[128];
  std::snprintf(expected, sizeof(expected), "%" PRIxPTR " 6 optimized:main",
                code.instruction_start());
  EXPECT_EQ(ReadLines(path), std::vector<std::string>{expected});
  std::remove(path.c_str());
}

TEST(PerfMapTest, UnwritablePathDisablesTheMapQuietly) {
  PerfMap map("/nonexistent-directory/perf.map");
  EXPECT_FALSE(map.ok());
  map.LogCode(0x1000, 1, "ignored");  // no crash
}

}  // namespace
}  // namespace ruchy::internal::diagnostics
