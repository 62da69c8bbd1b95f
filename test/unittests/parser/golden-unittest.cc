// Golden AST dumps and the documentation corpus.
//  - golden/NAME.ruchy is parsed and analyzed; the dump (positions and scopes) must
//    equal golden/NAME.ast. A file with syntax errors has its formatted errors there.
//    Regenerate after an intended change (then review the diff):
//      bazel run //test/unittests/parser:golden-unittest -- --regenerate
//  - every corpus/*.ruchy (the examples of LANGUAGE.md and ruchy-reference.md, and
//    whole programs in both styles) must parse and analyze without errors.
#include <dirent.h>

#include <algorithm>
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include "gtest/gtest.h"
#include "src/parser/ast-printer.h"
#include "src/parser/parser.h"

namespace ruchy::internal::parser {
namespace {

bool regenerate = false;

constexpr char kPackage[] = "test/unittests/parser";

std::string RunfilesDirectory(const std::string& name) {
  const char* srcdir = std::getenv("TEST_SRCDIR");
  std::string root = srcdir != nullptr ? std::string(srcdir) + "/ruchyd/" : std::string();
  return root + kPackage + "/" + name;
}

std::vector<std::string> FilesWithSuffix(const std::string& directory, const std::string& suffix) {
  std::vector<std::string> names;
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

// What the golden file holds for `source`: the analyzed tree, or the syntax errors.
std::string GoldenOutput(const std::string& name, const std::string& source) {
  std::unique_ptr<ParseResult> result = Parse(name, source);
  if (!result->ok()) return result->FormattedErrors();
  AnalyzeScopes(result.get());
  AstPrintOptions options;
  options.scopes = true;
  return PrintAst(result->script(), options);
}

TEST(GoldenTest, AstDumpsMatch) {
  std::string directory = RunfilesDirectory("golden");
  std::vector<std::string> inputs = FilesWithSuffix(directory, ".ruchy");
  ASSERT_GE(inputs.size(), 5u) << "no golden inputs in " << directory;
  const char* workspace = std::getenv("BUILD_WORKSPACE_DIRECTORY");
  for (const std::string& input : inputs) {
    SCOPED_TRACE(input);
    std::string stem = input.substr(0, input.size() - strlen(".ruchy"));
    std::string actual = GoldenOutput(input, ReadFile(directory + "/" + input));
    if (regenerate) {
      ASSERT_NE(workspace, nullptr) << "--regenerate needs `bazel run` (BUILD_WORKSPACE_DIRECTORY)";
      std::string path = std::string(workspace) + "/" + kPackage + "/golden/" + stem + ".ast";
      std::ofstream(path, std::ios::binary) << actual;
      std::printf("wrote %s\n", path.c_str());
      continue;
    }
    std::string expected = ReadFile(directory + "/" + stem + ".ast");
    EXPECT_EQ(actual, expected) << "golden mismatch; if intended, regenerate with\n"
                                << "  bazel run //test/unittests/parser:golden-unittest -- "
                                   "--regenerate";
  }
}

TEST(GoldenTest, EveryNodeKindIsParsedAndPrinted) {
  // Walks the node X-macro list: each kind must appear in some golden dump, so every
  // kind has a parser path and a printer.
  std::string directory = RunfilesDirectory("golden");
  std::string all;
  for (const std::string& input : FilesWithSuffix(directory, ".ruchy")) {
    all += GoldenOutput(input, ReadFile(directory + "/" + input));
  }
#define RUCHY_CHECK_KIND_PRINTED(Name) \
  EXPECT_NE(all.find(std::string(#Name) + " @"), std::string::npos) << #Name;
  RUCHY_AST_NODE_LIST(RUCHY_CHECK_KIND_PRINTED)
#undef RUCHY_CHECK_KIND_PRINTED
  // Names are unique and the three categories partition the list.
  std::set<std::string> names;
  int expressions = 0, statements = 0, patterns = 0;
#define RUCHY_COUNT_KIND(Name)                                                         \
  names.insert(NodeKindName(NodeKind::k##Name));                                       \
  expressions += IsExpressionKind(NodeKind::k##Name);                                  \
  statements += IsStatementKind(NodeKind::k##Name);                                    \
  patterns += IsPatternKind(NodeKind::k##Name);                                        \
  EXPECT_EQ(IsExpressionKind(NodeKind::k##Name) + IsStatementKind(NodeKind::k##Name) + \
                IsPatternKind(NodeKind::k##Name),                                      \
            1);
  RUCHY_AST_NODE_LIST(RUCHY_COUNT_KIND)
#undef RUCHY_COUNT_KIND
  EXPECT_EQ(static_cast<int>(names.size()), expressions + statements + patterns);
  EXPECT_EQ(patterns, 11);
}

TEST(CorpusTest, DocumentationExamplesAndProgramsParse) {
  std::string directory = RunfilesDirectory("corpus");
  std::vector<std::string> inputs = FilesWithSuffix(directory, ".ruchy");
  ASSERT_GE(inputs.size(), 10u) << "no corpus in " << directory;
  for (const std::string& input : inputs) {
    SCOPED_TRACE(input);
    std::unique_ptr<ParseResult> result = Parse(input, ReadFile(directory + "/" + input));
    ASSERT_TRUE(result->ok()) << result->FormattedErrors();
    AnalyzeScopes(result.get());
    AstPrintOptions options;
    options.scopes = true;
    EXPECT_FALSE(PrintAst(result->script(), options).empty());
  }
}

}  // namespace
}  // namespace ruchy::internal::parser

int main(int argc, char** argv) {
  ::testing::InitGoogleTest(&argc, argv);
  for (int i = 1; i < argc; ++i) {
    if (std::strcmp(argv[i], "--regenerate") == 0) ruchy::internal::parser::regenerate = true;
  }
  return RUN_ALL_TESTS();
}
