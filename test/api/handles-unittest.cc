// Handles: Local, MaybeLocal, Maybe, HandleScope and EscapableHandleScope discipline, and
// Local and Global handles staying valid while the GC moves objects (--stress-gc collects
// at every allocation).
#include "test/api/api-test-utils.h"

namespace ruchy {
namespace {

using HandlesTest = ApiTest;

TEST_F(HandlesTest, ScopesFreeTheirLocals) {
  HandleScope outer(isolate());
  int base = HandleScope::NumberOfHandles(isolate());
  {
    HandleScope inner(isolate());
    for (int k = 0; k < 5000; ++k) Integer::New(isolate(), k).ToLocalChecked();
    EXPECT_GE(HandleScope::NumberOfHandles(isolate()), base + 5000);
  }
  EXPECT_EQ(HandleScope::NumberOfHandles(isolate()), base);
}

Local<String> MakeGreeting(Isolate* isolate, const std::string& name) {
  EscapableHandleScope scope(isolate);
  Local<String> text = String::NewFromUtf8(isolate, "hi " + name).ToLocalChecked();
  for (int k = 0; k < 100; ++k) String::NewFromUtf8(isolate, "temporary").ToLocalChecked();
  return scope.Escape(text);
}

TEST_F(HandlesTest, EscapableScopeKeepsOneValue) {
  HandleScope scope(isolate());
  int base = HandleScope::NumberOfHandles(isolate());
  Local<String> greeting = MakeGreeting(isolate(), "there");
  EXPECT_EQ(HandleScope::NumberOfHandles(isolate()), base + 1);
  isolate()->RequestGarbageCollectionForTesting(GarbageCollectionType::kFull);
  EXPECT_EQ(greeting->Utf8Value(), "hi there");
}

TEST_F(HandlesTest, LocalMaybeLocalAndMaybe) {
  HandleScope scope(isolate());
  Local<Value> empty;
  EXPECT_TRUE(empty.IsEmpty());
  MaybeLocal<String> nothing;
  Local<String> out = Str("x");
  EXPECT_FALSE(nothing.ToLocal(&out));
  EXPECT_TRUE(out.IsEmpty());
  EXPECT_EQ(nothing.FromMaybe(Str("fallback"))->Utf8Value(), "fallback");
  MaybeLocal<String> something = Str("y");
  EXPECT_TRUE(something.ToLocal(&out));
  Local<Value> upcast = out;
  EXPECT_TRUE(upcast == out);
  EXPECT_EQ(Local<String>::Cast(upcast)->Utf8Value(), "y");
  Maybe<int> just = Just(3);
  EXPECT_TRUE(just.IsJust());
  EXPECT_EQ(just.FromJust(), 3);
  int value = 0;
  EXPECT_TRUE(just.To(&value));
  EXPECT_EQ(value, 3);
  EXPECT_EQ(Nothing<int>().FromMaybe(9), 9);
  EXPECT_TRUE(Nothing<int>().IsNothing());
}

TEST_F(HandlesTest, GlobalsOutliveScopes) {
  Global<Array> kept;
  {
    HandleScope scope(isolate());
    Local<Array> array = Run("[1, 2, [3, \"four\"]]").ToLocalChecked().As<Array>();
    kept.Reset(isolate(), array);
  }
  HeapStatistics statistics;
  isolate()->GetHeapStatistics(&statistics);
  EXPECT_GE(statistics.global_handles, 1u);
  for (int k = 0; k < 3; ++k) {
    isolate()->RequestGarbageCollectionForTesting(GarbageCollectionType::kMinor);
    isolate()->RequestGarbageCollectionForTesting(GarbageCollectionType::kFull);
  }
  {
    HandleScope scope(isolate());
    EXPECT_EQ(kept.Get(isolate())->ToText(), "[1, 2, [3, \"four\"]]");
  }
  Global<Array> moved = std::move(kept);
  EXPECT_TRUE(kept.IsEmpty());
  EXPECT_FALSE(moved.IsEmpty());
  Persistent<Array> other;
  other = std::move(moved);
  other.Reset();
  EXPECT_TRUE(other.IsEmpty());
  isolate()->GetHeapStatistics(&statistics);
  EXPECT_EQ(statistics.global_handles, 0u);
}

class StressGcTest : public ApiTest {
 protected:
  void SetUp() override {
    std::string error;
    ASSERT_TRUE(Engine::SetFlagsFromString("--stress-gc", &error)) << error;
    ApiTest::SetUp();
  }
  void TearDown() override {
    ApiTest::TearDown();
    Engine::ResetFlags();
  }
};

void Concat(const FunctionCallbackInfo<Value>& info) {
  Isolate* isolate = info.GetIsolate();
  // Every allocation here collects garbage; the arguments must survive all of them.
  std::string text;
  for (int k = 0; k < info.Length(); ++k) {
    Local<String> piece = info[k]->ToString(isolate->GetCurrentContext()).ToLocalChecked();
    text += piece->Utf8Value();
    Integer::New(isolate, int64_t{1} << 62).ToLocalChecked();  // a boxed integer: allocates
  }
  info.GetReturnValue().Set(String::NewFromUtf8(isolate, text).ToLocalChecked());
}

TEST_F(StressGcTest, HandlesSurviveCollectionAtEveryAllocation) {
  EXPECT_TRUE(Engine::GetBoolFlag("stress_gc"));
  HandleScope scope(isolate());
  HeapStatistics before;
  isolate()->GetHeapStatistics(&before);
  std::vector<Local<Value>> locals;
  Global<Value> global_struct;
  for (int k = 0; k < 50; ++k) {
    locals.push_back(Integer::New(isolate(), (int64_t{1} << 62) + k).ToLocalChecked());
    locals.push_back(Str("string " + std::to_string(k)));
    Local<Array> array = Array::New(isolate()).ToLocalChecked();
    array->Push(context(), Number::New(isolate(), k + 0.5).ToLocalChecked()).FromJust();
    locals.push_back(array);
  }
  global_struct.Reset(isolate(), Run("struct S { a: Vec<i64>, b: String }\n"
                                     "S { a: [1, 2, 3], b: \"kept\" }")
                                     .ToLocalChecked());
  context()
      ->Global()
      ->Set(context(), "concat", Function::New(context(), Concat).ToLocalChecked())
      .FromJust();
  EXPECT_EQ(Eval("let parts = [\"a\", \"b\"].map(|s| s + \"!\")\nconcat(parts, 1, 2.5, \"z\")"),
            R"("["a!", "b!"]12.5z")");
  for (int k = 0; k < 50; ++k) {
    EXPECT_EQ(locals[3 * k].As<Integer>()->Value(), (int64_t{1} << 62) + k);
    EXPECT_EQ(locals[3 * k + 1].As<String>()->Utf8Value(), "string " + std::to_string(k));
    EXPECT_EQ(locals[3 * k + 2]->ToText(), "[" + std::to_string(k) + ".5]");
  }
  Local<Struct> s = global_struct.Get(isolate()).As<Struct>();
  EXPECT_EQ(s->Get(context(), "a").ToLocalChecked()->ToText(), "[1, 2, 3]");
  EXPECT_EQ(s->Get(context(), "b").ToLocalChecked()->ToText(), "kept");
  HeapStatistics after;
  isolate()->GetHeapStatistics(&after);
  // Stress mode really collected (many times) while the handles were held.
  EXPECT_GT(after.number_of_scavenges + after.number_of_mark_compacts,
            before.number_of_scavenges + before.number_of_mark_compacts + 100);
  global_struct.Reset();
}

}  // namespace
}  // namespace ruchy
