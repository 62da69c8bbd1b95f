// Isolates, contexts, scripts and the engine's process-wide services: creation and
// disposal (many times over, for leak checking under ASan), scopes, heap statistics,
// globals, scripts with and without main(), bytecode listings, program arguments, flags
// and the source tools.
#include "test/api/api-test-utils.h"

namespace ruchy {
namespace {

TEST(IsolateLifecycleTest, CreateAndDisposeRepeatedly) {
  for (int k = 0; k < 20; ++k) {
    Isolate* isolate = Isolate::New();
    ASSERT_NE(isolate, nullptr);
    {
      Isolate::Scope isolate_scope(isolate);
      EXPECT_EQ(Isolate::GetCurrent(), isolate);
      HandleScope handle_scope(isolate);
      Local<Context> context = Context::New(isolate);
      Context::Scope context_scope(context);
      EXPECT_EQ(context->GetIsolate(), isolate);
      EXPECT_FALSE(isolate->GetCurrentContext().IsEmpty());
      Global<Value> global(isolate, String::NewFromUtf8(isolate, "held").ToLocalChecked());
      ScriptOrigin origin("loop.ruchy");
      Local<Script> script =
          Script::Compile(
              context, String::NewFromUtf8(isolate, "let xs = [1, 2]\nxs.len()").ToLocalChecked(),
              &origin)
              .ToLocalChecked();
      EXPECT_EQ(script->Run(context).ToLocalChecked()->ToText(), "2");
    }
    EXPECT_EQ(Isolate::GetCurrent(), nullptr);
    isolate->Dispose();
  }
}

TEST(IsolateLifecycleTest, ScopesNest) {
  Isolate* first = Isolate::New();
  Isolate* second = Isolate::New();
  {
    Isolate::Scope a(first);
    {
      Isolate::Scope b(second);
      EXPECT_EQ(Isolate::GetCurrent(), second);
    }
    EXPECT_EQ(Isolate::GetCurrent(), first);
  }
  first->Dispose();
  second->Dispose();
}

using IsolateTest = ApiTest;

TEST_F(IsolateTest, HeapStatistics) {
  HandleScope scope(isolate());
  HeapStatistics before;
  isolate()->GetHeapStatistics(&before);
  EXPECT_GT(before.total_heap_size, 0u);
  EXPECT_GT(before.heap_size_limit, 0u);  // the --max-heap-size default
  Run("let mut xs = []\nfor i in 0..20000 { xs.push([i]) }");
  HeapStatistics after;
  isolate()->GetHeapStatistics(&after);
  EXPECT_GT(after.used_heap_size, before.used_heap_size);
  isolate()->RequestGarbageCollectionForTesting(GarbageCollectionType::kFull);
  HeapStatistics collected;
  isolate()->GetHeapStatistics(&collected);
  EXPECT_EQ(collected.number_of_mark_compacts, after.number_of_mark_compacts + 1);
  isolate()->RequestGarbageCollectionForTesting(GarbageCollectionType::kMinor);
  isolate()->GetHeapStatistics(&after);
  EXPECT_EQ(after.number_of_scavenges, collected.number_of_scavenges + 1);
}

TEST_F(IsolateTest, HeapStatisticsCountLargeObjectsUntilTheyAreFreed) {
  HandleScope scope(isolate());
  isolate()->RequestGarbageCollectionForTesting(GarbageCollectionType::kFull);
  HeapStatistics before;
  isolate()->GetHeapStatistics(&before);
  // A 200,000-element array: its backing store is a large object, allocated young.
  Run("let mut big = []\nfor i in 0..200000 { big.push(i) }");
  HeapStatistics with_big;
  isolate()->GetHeapStatistics(&with_big);
  constexpr size_t kElements = 200000 * 8;
  EXPECT_GE(with_big.used_heap_size, before.used_heap_size + kElements);
  EXPECT_GE(with_big.total_heap_size, before.total_heap_size + kElements);
  EXPECT_LE(with_big.total_heap_size, with_big.heap_size_limit);
  Run("big = []");
  isolate()->RequestGarbageCollectionForTesting(GarbageCollectionType::kFull);
  HeapStatistics after;
  isolate()->GetHeapStatistics(&after);
  EXPECT_LT(after.used_heap_size + kElements, with_big.used_heap_size);
  EXPECT_LT(after.total_heap_size + kElements, with_big.total_heap_size);
}

TEST_F(IsolateTest, GlobalsAreSharedBetweenScripts) {
  HandleScope scope(isolate());
  Local<GlobalScope> globals = context()->Global();
  EXPECT_FALSE(globals->Has(context(), "answer"));
  Run("let answer = 42\nfn twice(x) { x * 2 }");
  EXPECT_TRUE(globals->Has(context(), "answer"));
  EXPECT_EQ(globals->Get(context(), "answer").ToLocalChecked()->ToText(), "42");
  EXPECT_EQ(Eval("twice(answer)"), "84");
  ASSERT_TRUE(globals->Set(context(), "from_cpp", Str("hello")).FromJust());
  EXPECT_EQ(Eval("from_cpp + \" world\""), "\"hello world\"");
  TryCatch try_catch(isolate());
  EXPECT_TRUE(globals->Get(context(), "missing").IsEmpty());
  EXPECT_EQ(try_catch.GetMessage().Get(), "Runtime error: Undefined variable: missing");
  // Context::New on the same isolate is the same global environment.
  Local<Context> again = Context::New(isolate());
  EXPECT_EQ(again->Global()->Get(again, "answer").ToLocalChecked()->ToText(), "42");
}

TEST_F(IsolateTest, ScriptsRunMainWhenAsked) {
  HandleScope scope(isolate());
  const char* program =
      "let mut events = []\nfn main() { events.push(\"main\") }\nevents.push(\"top\")";
  ScriptOrigin plain("plain.ruchy");
  Script::Compile(context(), Str(program), &plain)
      .ToLocalChecked()
      ->Run(context())
      .ToLocalChecked();
  EXPECT_EQ(Eval("events"), "[\"top\"]");
  ScriptOrigin program_origin("program.ruchy", /*run_main=*/true);
  Script::Compile(context(), Str(program), &program_origin)
      .ToLocalChecked()
      ->Run(context())
      .ToLocalChecked();
  EXPECT_EQ(Eval("events"), "[\"top\", \"main\"]");
}

TEST_F(IsolateTest, BytecodeListing) {
  HandleScope scope(isolate());
  ScriptOrigin origin("listing.ruchy");
  Local<Script> script =
      Script::Compile(context(), Str("fn f(a) { a + 1 }\nf(2)"), &origin).ToLocalChecked();
  std::string listing = script->GetBytecodeListing(context());
  EXPECT_NE(listing.find("Return"), std::string::npos) << listing;
  EXPECT_NE(listing.find("f"), std::string::npos) << listing;
}

TEST_F(IsolateTest, ProgramArgumentsArePerIsolate) {
  HandleScope scope(isolate());
  isolate()->SetProgramArguments({"prog.ruchy", "--x", "héllo"});
  EXPECT_EQ(Eval("std::env::args()"), "[\"prog.ruchy\", \"--x\", \"héllo\"]");
  Isolate* other = Isolate::New();
  {
    Isolate::Scope isolate_scope(other);
    HandleScope other_scope(other);
    Local<Context> context = Context::New(other);
    other->SetProgramArguments({"other"});
    Local<Value> args =
        Script::Compile(context, String::NewFromUtf8(other, "std::env::args()").ToLocalChecked())
            .ToLocalChecked()
            ->Run(context)
            .ToLocalChecked();
    EXPECT_EQ(args->ToText(), "[\"other\"]");
  }
  other->Dispose();
  EXPECT_EQ(Eval("std::env::args().len()"), "3");
}

TEST(EngineTest, Flags) {
  std::vector<std::string> positional;
  std::string error;
  ASSERT_TRUE(Engine::SetFlagsFromCommandLine({"--allow-natives-syntax", "file.ruchy", "--x"},
                                              &positional, &error));
  EXPECT_EQ(positional, (std::vector<std::string>{"file.ruchy", "--x"}));
  EXPECT_TRUE(Engine::GetBoolFlag("allow_natives_syntax"));
  EXPECT_TRUE(Engine::GetBoolFlag("allow-natives-syntax"));
  EXPECT_FALSE(Engine::SetFlagsFromCommandLine({"--no-such-flag"}, &positional, &error));
  EXPECT_NE(error.find("no-such-flag"), std::string::npos) << error;
  EXPECT_FALSE(Engine::SetFlagsFromString("--stack-size=1 extra", &error));
  ASSERT_TRUE(Engine::SetFlagsFromString("--stack-size=100", &error)) << error;
  EXPECT_EQ(Engine::GetIntFlag("stack_size"), 100);
  EXPECT_NE(Engine::FlagHelpText().find("--allow-natives-syntax"), std::string::npos);
  EXPECT_STRNE(Engine::GetVersion(), "");

  // Natives syntax reaches isolates made after the flag is set.
  Isolate* isolate = Isolate::New();
  {
    Isolate::Scope isolate_scope(isolate);
    HandleScope scope(isolate);
    Local<Context> context = Context::New(isolate);
    Local<Value> status =
        Script::Compile(context,
                        String::NewFromUtf8(isolate, "fn f() { 1 }\n%GetOptimizationStatus(f)")
                            .ToLocalChecked())
            .ToLocalChecked()
            ->Run(context)
            .ToLocalChecked();
    EXPECT_EQ(status->ToText(), "interpreted");
  }
  isolate->Dispose();
  Engine::ResetFlags();
  EXPECT_FALSE(Engine::GetBoolFlag("allow_natives_syntax"));
  EXPECT_EQ(Engine::GetIntFlag("stack_size"), 8192);
}

TEST(SyntaxTest, SourceTools) {
  std::string errors;
  EXPECT_TRUE(Syntax::Check("ok.ruchy", "let x = 1", &errors));
  EXPECT_FALSE(Syntax::Check("bad.ruchy", "let x = ", &errors));
  EXPECT_EQ(errors.rfind("bad.ruchy:1:", 0), 0u) << errors;
  EXPECT_TRUE(Syntax::IsIncomplete("fn f() {"));
  EXPECT_TRUE(Syntax::IsIncomplete("let s = \"abc"));
  EXPECT_FALSE(Syntax::IsIncomplete("let x = 1"));
  EXPECT_FALSE(Syntax::IsIncomplete("let x = )"));
  std::vector<std::string> tests;
  EXPECT_TRUE(Syntax::ListTestFunctions(
      "t.ruchy", "#[test]\nfn a() {}\nfn helper() {}\n#[test]\nfn b() {}", &tests, &errors));
  EXPECT_EQ(tests, (std::vector<std::string>{"a", "b"}));
  EXPECT_FALSE(Syntax::ListTestFunctions("t.ruchy", "fn (", &tests, &errors));
  std::string ast;
  EXPECT_TRUE(Syntax::PrintAst("a.ruchy", "let x = 1 + 2", &ast));
  EXPECT_NE(ast.find("x"), std::string::npos) << ast;
  // Natives syntax follows the flag.
  EXPECT_FALSE(Syntax::Check("n.ruchy", "%CollectGarbage()", &errors));
  ASSERT_TRUE(Engine::SetFlagsFromString("--allow-natives-syntax", &errors));
  EXPECT_TRUE(Syntax::Check("n.ruchy", "%CollectGarbage()", &errors));
  Engine::ResetFlags();
}

}  // namespace
}  // namespace ruchy
