// Several isolates in one process: running concurrently on their own threads (each with
// its own heap, globals and exceptions), and one isolate handed from thread to thread.
#include <atomic>
#include <thread>
#include <vector>

#include "test/api/api-test-utils.h"

namespace ruchy {
namespace {

void Echo(const FunctionCallbackInfo<Value>& info) { info.GetReturnValue().Set(info[0]); }

// Runs a workload that allocates (so each heap collects many times), calls a host function,
// raises and catches errors, and returns a text that depends on the worker's id.
std::string Work(Isolate* isolate, int id) {
  HandleScope scope(isolate);
  Local<Context> context = Context::New(isolate);
  Context::Scope context_scope(context);
  context->Global()->Set(context, "id", Integer::New(isolate, id).ToLocalChecked()).FromJust();
  context->Global()->Set(context, "echo", Function::New(context, Echo).ToLocalChecked()).FromJust();
  TryCatch try_catch(isolate);
  const char* code = R"(
    let mut words = []
    let mut errors = 0
    for i in 0..3000 {
      words.push(echo(f"w{id}-{i}"))
      if i % 500 == 0 {
        try { [1][i + 5] } catch (e) { errors += 1 }
      }
    }
    let mut m = HashMap::new()
    for w in words { m.insert(w, w.len()) }
    f"{id}:{m.len()}:{errors}:{words[2999]}"
  )";
  Local<Script> script;
  Local<Value> result;
  if (!Script::Compile(context, String::NewFromUtf8(isolate, code).ToLocalChecked())
           .ToLocal(&script) ||
      !script->Run(context).ToLocal(&result)) {
    return "error: " + try_catch.GetMessage().Get();
  }
  // An uncaught error stays in this isolate's TryCatch.
  if (!Script::Compile(context, String::NewFromUtf8(isolate, "[id][1]").ToLocalChecked())
           .ToLocalChecked()
           ->Run(context)
           .IsEmpty() ||
      try_catch.GetMessage().Get() !=
          "Runtime error: Index 1 out of bounds for array of length 1") {
    return "error: wrong uncaught error";
  }
  return result->ToText();
}

std::string Expected(int id) {
  return std::to_string(id) + ":3000:6:w" + std::to_string(id) + "-2999";
}

TEST(ThreadsTest, IsolatesRunConcurrentlyOnTheirOwnThreads) {
  constexpr int kThreads = 4;
  std::vector<std::string> results(kThreads);
  std::atomic<int> ready{0};
  std::vector<std::thread> threads;
  for (int t = 0; t < kThreads; ++t) {
    threads.emplace_back([t, &results, &ready] {
      Isolate* isolate = Isolate::New();
      {
        Isolate::Scope isolate_scope(isolate);
        EXPECT_EQ(Isolate::GetCurrent(), isolate);
        // Start together so the isolates really overlap.
        ready.fetch_add(1);
        while (ready.load() < kThreads) std::this_thread::yield();
        for (int round = 0; round < 3; ++round) results[t] = Work(isolate, t + 10 * round);
      }
      isolate->Dispose();
    });
  }
  for (std::thread& thread : threads) thread.join();
  for (int t = 0; t < kThreads; ++t) EXPECT_EQ(results[t], Expected(t + 20));
}

TEST(ThreadsTest, AnIsolateMovesBetweenThreads) {
  Isolate* isolate = Isolate::New();
  std::string first;
  std::string second;
  std::thread([&] {
    Isolate::Scope scope(isolate);
    first = Work(isolate, 1);
  }).join();
  std::thread([&] {
    Isolate::Scope scope(isolate);
    second = Work(isolate, 2);
    // Deep recursion is checked against this thread's stack.
    HandleScope handles(isolate);
    Local<Context> context = Context::New(isolate);
    TryCatch try_catch(isolate);
    EXPECT_TRUE(Script::Compile(
                    context,
                    String::NewFromUtf8(isolate, "fn r(n) { r(n + 1) + 1 }\nr(0)").ToLocalChecked())
                    .ToLocalChecked()
                    ->Run(context)
                    .IsEmpty());
    EXPECT_NE(try_catch.GetMessage().Get().find("Stack overflow"), std::string::npos);
  }).join();
  EXPECT_EQ(first, Expected(1));
  EXPECT_EQ(second, Expected(2));
  isolate->Dispose();
}

}  // namespace
}  // namespace ruchy
