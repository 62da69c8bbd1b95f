// Golden bytecode listings: each golden/NAME.ruchy is compiled (not run) and its
// --print-bytecode listing, every function included (without the raw bytes, which change
// whenever the bytecode list is renumbered), must equal golden/NAME.golden.
// Regenerate after an intended generator change (then review the diff):
//   bazel run //test/unittests/interpreter:golden-unittest -- --regenerate
#include <dirent.h>

#include <algorithm>
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "gtest/gtest.h"
#include "src/execution/isolate.h"
#include "src/interpreter/bytecode-generator.h"
#include "src/interpreter/interpreter.h"
#include "src/objects/objects-inl.h"

namespace ruchy::internal::interpreter {
namespace {

bool regenerate = false;

constexpr char kPackage[] = "test/unittests/interpreter";

std::string RunfilesDirectory(const std::string& name) {
  const char* srcdir = std::getenv("TEST_SRCDIR");
  std::string root = srcdir != nullptr ? std::string(srcdir) + "/ruchyd/" : std::string();
  return root + kPackage + "/" + name;
}

std::vector<std::string> RuchyFiles(const std::string& directory) {
  std::vector<std::string> names;
  const std::string suffix = ".ruchy";
  if (DIR* dir = opendir(directory.c_str())) {
    while (dirent* entry = readdir(dir)) {
      std::string name = entry->d_name;
      if (name.size() > suffix.size() &&
          name.compare(name.size() - suffix.size(), suffix.size(), suffix) == 0) {
        names.push_back(name);
      }
    }
    closedir(dir);
  }
  std::sort(names.begin(), names.end());
  return names;
}

std::string ReadFile(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream buffer;
  buffer << in.rdbuf();
  return buffer.str();
}

// The listing of `source` compiled as file `name` in a fresh isolate (so global cell
// numbers do not depend on other inputs), or the compile error.
std::string CompileAndList(const std::string& name, const std::string& source) {
  std::unique_ptr<Isolate> isolate = Isolate::New();
  std::unique_ptr<Interpreter> interpreter = AttachInterpreter(isolate.get(), {});
  std::string listing;
  {
    HandleScope scope(isolate.get());
    std::string error;
    Handle<SharedFunctionInfo> script;
    if (!interpreter->Compile(name, source, /*call_main=*/true, &error).ToHandle(&script)) {
      listing = "compile error: " + error;
    } else {
      listing = PrintFunctionBytecode(isolate.get(), *script, /*recursive=*/true,
                                      /*raw_bytes=*/false);
    }
  }
  interpreter.reset();
  return listing;
}

TEST(BytecodeGoldenTest, ListingsMatch) {
  std::string directory = RunfilesDirectory("golden");
  std::vector<std::string> inputs = RuchyFiles(directory);
  ASSERT_GE(inputs.size(), 10u) << "no golden inputs in " << directory;
  const char* workspace = std::getenv("BUILD_WORKSPACE_DIRECTORY");
  for (const std::string& input : inputs) {
    SCOPED_TRACE(input);
    std::string stem = input.substr(0, input.size() - strlen(".ruchy"));
    std::string actual = CompileAndList(input, ReadFile(directory + "/" + input));
    EXPECT_EQ(actual.find("compile error"), std::string::npos) << actual;
    if (regenerate) {
      ASSERT_NE(workspace, nullptr) << "--regenerate needs `bazel run` (BUILD_WORKSPACE_DIRECTORY)";
      std::string path = std::string(workspace) + "/" + kPackage + "/golden/" + stem + ".golden";
      std::ofstream(path, std::ios::binary) << actual;
      std::printf("wrote %s\n", path.c_str());
      continue;
    }
    std::string expected = ReadFile(directory + "/" + stem + ".golden");
    EXPECT_EQ(actual, expected) << "golden mismatch; if intended, regenerate with\n"
                                << "  bazel run //test/unittests/interpreter:golden-unittest -- "
                                   "--regenerate";
  }
}

}  // namespace
}  // namespace ruchy::internal::interpreter

int main(int argc, char** argv) {
  ::testing::InitGoogleTest(&argc, argv);
  for (int i = 1; i < argc; ++i) {
    if (std::strcmp(argv[i], "--regenerate") == 0) {
      ruchy::internal::interpreter::regenerate = true;
    }
  }
  return RUN_ALL_TESTS();
}
