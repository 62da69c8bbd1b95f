// two_isolates: two isolates in one process, each on its own thread with its own heap and
// globals, running at the same time. Each computes a different sum through a host function
// that records its calls in per-thread C++ state; neither sees the other's globals.
#include <cstdio>
#include <string>
#include <thread>

#include "include/ruchy/ruchy.h"

namespace {

struct Worker {
  std::string name;
  int64_t limit = 0;
  int64_t host_calls = 0;  // touched only by this worker's thread
  std::string result;
  std::string error;
};

// The workers, by index; each thread touches only its own. record(x) finds its worker
// through the index given to Function::New as the function's data.
Worker* workers[2];

void Record(const ruchy::FunctionCallbackInfo<ruchy::Value>& info) {
  Worker* worker = workers[info.Data().As<ruchy::Integer>()->Value()];
  ++worker->host_calls;
  info.GetReturnValue().Set(info[0]);
}

void Run(int index) {
  Worker* worker = workers[index];
  ruchy::Isolate* isolate = ruchy::Isolate::New();
  {
    ruchy::Isolate::Scope isolate_scope(isolate);
    ruchy::HandleScope handle_scope(isolate);
    ruchy::Local<ruchy::Context> context = ruchy::Context::New(isolate);
    ruchy::Context::Scope context_scope(context);
    ruchy::Local<ruchy::Value> data = ruchy::Integer::New(isolate, index).ToLocalChecked();
    context->Global()
        ->Set(context, "record",
              ruchy::Function::New(context, Record, data, "record").ToLocalChecked())
        .FromJust();
    context->Global()
        ->Set(context, "worker", ruchy::String::NewFromUtf8(isolate, worker->name).ToLocalChecked())
        .FromJust();
    context->Global()
        ->Set(context, "limit", ruchy::Integer::New(isolate, worker->limit).ToLocalChecked())
        .FromJust();
    const char* code = R"(
      let mut total = 0
      let mut parts = []
      for i in 1..=limit {
          total = total + record(i)
          if i % 1000 == 0 { parts.push(i) }
      }
      f"{worker}: sum 1..={limit} = {total}, checkpoints {parts.len()}"
    )";
    ruchy::TryCatch try_catch(isolate);
    ruchy::Local<ruchy::Script> script;
    ruchy::Local<ruchy::Value> result;
    ruchy::ScriptOrigin origin(worker->name + ".ruchy");
    if (ruchy::Script::Compile(context, ruchy::String::NewFromUtf8(isolate, code).ToLocalChecked(),
                               &origin)
            .ToLocal(&script) &&
        script->Run(context).ToLocal(&result)) {
      worker->result = result->ToText();
    } else {
      worker->error = try_catch.GetMessage().Get();
    }
  }
  isolate->Dispose();
}

}  // namespace

int main() {
  Worker a;
  a.name = "alpha";
  a.limit = 20000;
  Worker b;
  b.name = "beta";
  b.limit = 30000;
  workers[0] = &a;
  workers[1] = &b;
  std::thread first(Run, 0);
  std::thread second(Run, 1);
  first.join();
  second.join();
  int status = 0;
  for (Worker* worker : workers) {
    if (!worker->error.empty()) {
      std::printf("%s failed: %s\n", worker->name.c_str(), worker->error.c_str());
      status = 1;
      continue;
    }
    std::printf("%s (host function called %lld times)\n", worker->result.c_str(),
                static_cast<long long>(worker->host_calls));
  }
  return status;
}
