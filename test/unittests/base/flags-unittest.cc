// Tests for d8-style flag parsing on a test-only table, and for the engine's own list.
#include "src/base/flags.h"

#include "gtest/gtest.h"

namespace ruchy::base {
namespace {

struct TestValues {
  bool jitless = false;
  bool opt = true;
  bool trace_gc = false;
  int64_t max_heap_size = 0;
  std::string print_filter = "*";
};

template <typename T, T TestValues::*field>
T* Slot(void* v) {
  return &(static_cast<TestValues*>(v)->*field);
}
template <typename T>
T* None(void*) {
  return nullptr;
}

const FlagDescriptor kTable[] = {
    {FlagType::kBool, "jitless", "false", "no JIT", Slot<bool, &TestValues::jitless>, None<int64_t>,
     None<std::string>},
    {FlagType::kBool, "opt", "true", "optimizing tier", Slot<bool, &TestValues::opt>, None<int64_t>,
     None<std::string>},
    {FlagType::kBool, "trace_gc", "false", "trace GC", Slot<bool, &TestValues::trace_gc>,
     None<int64_t>, None<std::string>},
    {FlagType::kInt, "max_heap_size", "0", "heap limit in MB", None<bool>,
     Slot<int64_t, &TestValues::max_heap_size>, None<std::string>},
    {FlagType::kString, "print_filter", "*", "filter", None<bool>, None<int64_t>,
     Slot<std::string, &TestValues::print_filter>},
};

const FlagImplication kImplications[] = {{"jitless", "opt", "false"}};

FlagParseResult Parse(std::vector<std::string> args, TestValues* values) {
  return ParseFlags(kTable, kImplications, args, values);
}

TEST(FlagsTest, AllSpellings) {
  TestValues v;
  auto r = Parse({"--trace-gc", "--max-heap-size=512", "--print_filter", "foo", "--no-opt"}, &v);
  ASSERT_TRUE(r.ok) << r.error;
  EXPECT_TRUE(v.trace_gc);
  EXPECT_EQ(v.max_heap_size, 512);
  EXPECT_EQ(v.print_filter, "foo");
  EXPECT_FALSE(v.opt);
  EXPECT_TRUE(r.positional.empty());
}

TEST(FlagsTest, SeparateIntValueAndExplicitBool) {
  TestValues v;
  auto r = Parse({"--max-heap-size", "64", "--trace-gc=false", "--opt=true"}, &v);
  ASSERT_TRUE(r.ok) << r.error;
  EXPECT_EQ(v.max_heap_size, 64);
  EXPECT_FALSE(v.trace_gc);
  EXPECT_TRUE(v.opt);
}

TEST(FlagsTest, FlagsStopAtFirstPositionalArgument) {
  TestValues v;
  auto r = Parse({"--trace-gc", "prog.ruchy", "--jitless", "x"}, &v);
  ASSERT_TRUE(r.ok) << r.error;
  EXPECT_TRUE(v.trace_gc);
  EXPECT_FALSE(v.jitless);  // belongs to the program
  EXPECT_EQ(r.positional, (std::vector<std::string>{"prog.ruchy", "--jitless", "x"}));
}

TEST(FlagsTest, DoubleDashEndsFlags) {
  TestValues v;
  auto r = Parse({"--", "--trace-gc"}, &v);
  ASSERT_TRUE(r.ok) << r.error;
  EXPECT_FALSE(v.trace_gc);
  EXPECT_EQ(r.positional, (std::vector<std::string>{"--trace-gc"}));
}

TEST(FlagsTest, UnknownFlagSuggestsClosest) {
  TestValues v;
  auto r = Parse({"--jitles"}, &v);
  EXPECT_FALSE(r.ok);
  EXPECT_EQ(r.error, "unknown flag --jitles; did you mean --jitless?");
  r = Parse({"--no-trace-cg"}, &v);
  EXPECT_FALSE(r.ok);
  EXPECT_EQ(r.error, "unknown flag --no-trace-cg; did you mean --trace-gc?");
  r = Parse({"--completely-different"}, &v);
  EXPECT_FALSE(r.ok);
  EXPECT_EQ(r.error, "unknown flag --completely-different");
}

TEST(FlagsTest, BadValues) {
  TestValues v;
  auto r = Parse({"--max-heap-size=lots"}, &v);
  EXPECT_FALSE(r.ok);
  EXPECT_EQ(r.error, "flag --max-heap-size expects an integer, got 'lots'");
  r = Parse({"--max-heap-size=12x"}, &v);
  EXPECT_FALSE(r.ok);
  r = Parse({"--max-heap-size"}, &v);
  EXPECT_FALSE(r.ok);
  EXPECT_EQ(r.error, "flag --max-heap-size expects a value");
  r = Parse({"--trace-gc=maybe"}, &v);
  EXPECT_FALSE(r.ok);
  EXPECT_EQ(r.error, "flag --trace-gc expects true or false, got 'maybe'");
  r = Parse({"--no-jitless=1"}, &v);
  EXPECT_FALSE(r.ok);
  r = Parse({"--no-max-heap-size"}, &v);  // --no- only applies to booleans
  EXPECT_FALSE(r.ok);
}

TEST(FlagsTest, ImplicationsApplyAndConflictsAreErrors) {
  TestValues v;
  auto r = Parse({"--jitless"}, &v);
  ASSERT_TRUE(r.ok) << r.error;
  EXPECT_FALSE(v.opt);

  TestValues w;
  r = Parse({"--jitless", "--opt"}, &w);
  EXPECT_FALSE(r.ok);
  EXPECT_EQ(r.error, "contradictory flags: --jitless implies --no-opt, but --opt=true was given");
}

TEST(FlagsTest, HelpListsEveryFlagWithDefault) {
  std::string help = FlagHelpText(kTable);
  EXPECT_NE(help.find("--max-heap-size (heap limit in MB)"), std::string::npos);
  EXPECT_NE(help.find("default: *"), std::string::npos);
}

TEST(FlagsTest, EngineListIsWellFormed) {
  // Every engine flag has a name, help text and exactly the slot of its type.
  FlagValues values;
  for (const FlagDescriptor& flag : EngineFlags()) {
    EXPECT_NE(std::string(flag.name), "");
    EXPECT_NE(std::string(flag.help), "") << flag.name;
    EXPECT_EQ(flag.bool_slot(&values) != nullptr, flag.type == FlagType::kBool) << flag.name;
    EXPECT_EQ(flag.int_slot(&values) != nullptr, flag.type == FlagType::kInt) << flag.name;
    EXPECT_EQ(flag.string_slot(&values) != nullptr, flag.type == FlagType::kString) << flag.name;
  }
  std::vector<std::string> args = {"--version"};
  auto r = ParseEngineFlags(args, &values);
  ASSERT_TRUE(r.ok) << r.error;
  EXPECT_TRUE(values.version);
}

}  // namespace
}  // namespace ruchy::base
