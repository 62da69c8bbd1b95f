// Error paths: syntax errors with file:line:col, runtime errors and `throw` caught by
// TryCatch with message and stack trace, TryCatch nesting, Reset and ReThrow, out of
// memory under a small heap limit, and stack overflow.
#include "test/api/api-test-utils.h"

namespace ruchy {
namespace {

using ErrorsTest = ApiTest;

TEST_F(ErrorsTest, SyntaxErrorHasLocation) {
  HandleScope scope(isolate());
  TryCatch try_catch(isolate());
  ScriptOrigin origin("bad.ruchy");
  EXPECT_TRUE(
      Script::Compile(context(), Str("let a = 1\nlet b = 2\nlet c = ;"), &origin).IsEmpty());
  ASSERT_TRUE(try_catch.HasCaught());
  const Message& message = try_catch.GetMessage();
  EXPECT_TRUE(message.IsSyntaxError());
  EXPECT_EQ(message.GetScriptResourceName(), "bad.ruchy");
  EXPECT_EQ(message.GetLineNumber(), 3);
  EXPECT_EQ(message.GetStartColumn(), 9);
  EXPECT_EQ(message.Get().rfind("Syntax error: ", 0), 0u) << message.Get();
  // The exception is the formatted report: location, source line and caret.
  std::string text = try_catch.Exception()->ToText();
  EXPECT_EQ(text.rfind("bad.ruchy:3:9: Syntax error: ", 0), 0u) << text;
  EXPECT_NE(text.find("let c = ;\n        ^"), std::string::npos) << text;
  EXPECT_TRUE(message.GetStackTrace().empty());
}

TEST_F(ErrorsTest, RuntimeErrorHasMessageAndStackTrace) {
  HandleScope scope(isolate());
  TryCatch try_catch(isolate());
  EXPECT_TRUE(Run("fn inner(a) {\n  a[10]\n}\nfn outer() { inner([1, 2]) }\nouter()", "trace.ruchy")
                  .IsEmpty());
  ASSERT_TRUE(try_catch.HasCaught());
  const Message& message = try_catch.GetMessage();
  EXPECT_FALSE(message.IsSyntaxError());
  EXPECT_EQ(message.Get(), "Runtime error: Index 10 out of bounds for array of length 2");
  EXPECT_EQ(message.GetScriptResourceName(), "trace.ruchy");
  EXPECT_EQ(message.GetLineNumber(), 2);
  EXPECT_GT(message.GetStartColumn(), 0);
  ASSERT_GE(message.GetStackTrace().size(), 2u);
  EXPECT_EQ(message.GetStackTrace()[0].function_name, "inner");
  EXPECT_EQ(message.GetStackTrace()[1].function_name, "outer");
  EXPECT_EQ(message.GetStackTrace()[1].line, 4);
  std::string trace = try_catch.StackTrace();
  EXPECT_EQ(trace.rfind("    at inner (trace.ruchy:2:", 0), 0u) << trace;
  // An error is raised as its message string.
  EXPECT_EQ(try_catch.Exception().As<String>()->Utf8Value(), message.Get());
}

TEST_F(ErrorsTest, ThrowValue) {
  HandleScope scope(isolate());
  TryCatch try_catch(isolate());
  EXPECT_TRUE(Run("struct E { code: i64 }\nthrow E { code: 7 }").IsEmpty());
  ASSERT_TRUE(try_catch.HasCaught());
  ASSERT_TRUE(try_catch.Exception()->IsStruct());
  EXPECT_EQ(try_catch.Exception().As<Struct>()->Get(context(), "code").ToLocalChecked()->ToText(),
            "7");
  EXPECT_EQ(try_catch.GetMessage().Get().rfind("Uncaught exception: E", 0), 0u)
      << try_catch.GetMessage().Get();
}

TEST_F(ErrorsTest, ErrorsAreCaughtByTheInnermostTryCatch) {
  HandleScope scope(isolate());
  TryCatch outer(isolate());
  {
    TryCatch inner(isolate());
    EXPECT_TRUE(Run("1 / 0").IsEmpty());
    EXPECT_TRUE(inner.HasCaught());
    EXPECT_EQ(inner.GetMessage().Get(), "Division by zero");
    inner.ReThrow();
    EXPECT_FALSE(inner.HasCaught());
  }
  ASSERT_TRUE(outer.HasCaught());
  EXPECT_EQ(outer.GetMessage().Get(), "Division by zero");
  outer.Reset();
  EXPECT_FALSE(outer.HasCaught());
  EXPECT_TRUE(outer.Exception().IsEmpty());
  // The isolate goes on working after errors.
  EXPECT_EQ(Eval("1 + 1"), "2");
}

TEST_F(ErrorsTest, ErrorsWithoutTryCatchOnlyEmptyTheResult) {
  HandleScope scope(isolate());
  EXPECT_TRUE(Run("[1][5]").IsEmpty());
  EXPECT_TRUE(Run("let x = ").IsEmpty());
  EXPECT_EQ(Eval("\"still\" + \" fine\""), "\"still fine\"");
}

TEST_F(ErrorsTest, StackOverflowIsAnError) {
  HandleScope scope(isolate());
  TryCatch try_catch(isolate());
  EXPECT_TRUE(Run("fn f(n) { f(n + 1) + 1 }\nf(0)").IsEmpty());
  ASSERT_TRUE(try_catch.HasCaught());
  EXPECT_NE(try_catch.GetMessage().Get().find("Stack overflow"), std::string::npos)
      << try_catch.GetMessage().Get();
}

class OutOfMemoryTest : public ApiTest {
 protected:
  void SetUp() override {
    Isolate::CreateParams params;
    params.max_heap_size_in_bytes = 8 << 20;
    Create(params);
  }
};

TEST_F(OutOfMemoryTest, SmallHeapLimitGivesACleanError) {
  HandleScope scope(isolate());
  HeapStatistics before;
  isolate()->GetHeapStatistics(&before);
  EXPECT_EQ(before.heap_size_limit, size_t{8} << 20);
  {
    TryCatch try_catch(isolate());
    EXPECT_TRUE(Run("fn fill() {\n  let mut keep = []\n  loop { keep.push([1, 2, 3, 4, 5, 6, 7, "
                    "8]) }\n}\nfill()")
                    .IsEmpty());
    ASSERT_TRUE(try_catch.HasCaught());
    EXPECT_NE(try_catch.GetMessage().Get().find("Out of memory"), std::string::npos)
        << try_catch.GetMessage().Get();
  }
  HeapStatistics after;
  isolate()->GetHeapStatistics(&after);
  EXPECT_GE(after.out_of_memory_errors, 1u);
  // The garbage is unreachable once the script has failed: the isolate recovers.
  isolate()->RequestGarbageCollectionForTesting(GarbageCollectionType::kFull);
  EXPECT_EQ(Eval("let small = [1, 2, 3]\nsmall.len()"), "3");
}

TEST_F(OutOfMemoryTest, ApiAllocationsFailCleanlyToo) {
  HandleScope scope(isolate());
  TryCatch try_catch(isolate());
  std::string big(1 << 20, 'x');
  Local<Array> array = Array::New(isolate()).ToLocalChecked();
  bool failed = false;
  for (int k = 0; k < 64 && !failed; ++k) {
    HandleScope inner(isolate());
    Local<String> chunk;
    if (!String::NewFromUtf8(isolate(), big).ToLocal(&chunk) ||
        array->Push(context(), chunk).IsNothing()) {
      failed = true;
    }
  }
  EXPECT_TRUE(failed);
  ASSERT_TRUE(try_catch.HasCaught());
  EXPECT_NE(try_catch.GetMessage().Get().find("Out of memory"), std::string::npos);
}

}  // namespace
}  // namespace ruchy
