// Interpreter microbenchmarks through the embedding API only: each benchmark compiles one
// Ruchy function `bench(n)` once, times calls that each run n inner operations, checks every
// result, and reports the time per operation. Run: bazel run -c opt //bench/micro:interpreter-bench
#include <cmath>
#include <cstdint>
#include <cstdio>
#include <string>

#include "benchmark/benchmark.h"
#include "include/ruchy/ruchy.h"

namespace {

// One benchmark: a script defining `fun bench(n)`, the n each timed call passes, and the
// answer computed in C++ (exactly one of the two expectations is set).
struct Case {
  const char* name;
  const char* source;
  int64_t n;
  int64_t (*expected_integer)(int64_t n);
  double (*expected_float)(int64_t n);
};

// Sum over i in [0, n) of f(i): most expectations are such sums.
template <class F>
int64_t SumOver(int64_t n, F f) {
  int64_t sum = 0;
  for (int64_t i = 0; i < n; ++i) sum += f(i);
  return sum;
}

const Case kCases[] = {
    // --- Dispatch ---
    {"dispatch/empty_while", R"(
fun bench(n) {
    let mut i = 0
    while i < n {
        i += 1
    }
    i
})",
     10000, [](int64_t n) { return n; }, nullptr},
    {"dispatch/empty_for_range", R"(
fun bench(n) {
    let mut last = 0
    for i in 0..n {
        last = i
    }
    last
})",
     10000, [](int64_t n) { return n - 1; }, nullptr},
    {"dispatch/smi_arith", R"(
fun bench(n) {
    let mut s = 0
    let mut i = 0
    while i < n {
        s += (i * 7 + 3) % 11 - 5
        i += 1
    }
    s
})",
     10000, [](int64_t n) { return SumOver(n, [](int64_t i) { return (i * 7 + 3) % 11 - 5; }); },
     nullptr},
    // --- Float arithmetic: each operation makes a boxed float ---
    {"float/mul_add", R"(
fun bench(n) {
    let mut x = 0.5
    let mut i = 0
    while i < n {
        x = x * 1.0001 + 0.25
        i += 1
    }
    x
})",
     10000, nullptr,
     [](int64_t n) {
       double x = 0.5;
       for (int64_t i = 0; i < n; ++i) {
         volatile double product = x * 1.0001;  // no fused multiply-add: Ruchy rounds twice
         x = product + 0.25;
       }
       return x;
     }},
    // --- Field access (inline caches) ---
    {"field/load_mono", R"(
struct Point { x: i64, y: i64 }
fun bench(n) {
    let p = Point { x: 3, y: 4 }
    let mut s = 0
    let mut i = 0
    while i < n {
        s += p.x + p.y
        i += 1
    }
    s
})",
     10000, [](int64_t n) { return 7 * n; }, nullptr},
    {"field/store_mono", R"(
struct Point { x: i64, y: i64 }
fun bench(n) {
    let mut p = Point { x: 0, y: 0 }
    let mut i = 0
    while i < n {
        p.x = i
        p.y = i
        i += 1
    }
    p.x + p.y
})",
     10000, [](int64_t n) { return 2 * (n - 1); }, nullptr},
    // The same loop over four values of one struct type and of four types: the difference is
    // the cost of a polymorphic load site.
    {"field/load_array_mono", R"(
struct A { v: i64 }
fun bench(n) {
    let items = [A { v: 1 }, A { v: 2 }, A { v: 3 }, A { v: 4 }]
    let mut s = 0
    let mut i = 0
    while i < n {
        s += items[i % 4].v
        i += 1
    }
    s
})",
     10000, [](int64_t n) { return SumOver(n, [](int64_t i) { return i % 4 + 1; }); }, nullptr},
    {"field/load_array_poly4", R"(
struct A { v: i64 }
struct B { a: i64, v: i64 }
struct C { a: i64, b: i64, v: i64 }
struct D { a: i64, b: i64, c: i64, v: i64 }
fun bench(n) {
    let items = [A { v: 1 }, B { a: 0, v: 2 }, C { a: 0, b: 0, v: 3 }, D { a: 0, b: 0, c: 0, v: 4 }]
    let mut s = 0
    let mut i = 0
    while i < n {
        s += items[i % 4].v
        i += 1
    }
    s
})",
     10000, [](int64_t n) { return SumOver(n, [](int64_t i) { return i % 4 + 1; }); }, nullptr},
    // --- Calls ---
    {"call/function", R"(
fun add1(x) {
    x + 1
}
fun bench(n) {
    let mut s = 0
    let mut i = 0
    while i < n {
        s = add1(s)
        i += 1
    }
    s
})",
     10000, [](int64_t n) { return n; }, nullptr},
    {"call/method_mono", R"(
struct Counter { k: i64 }
impl Counter {
    fun get(&self) -> i64 {
        self.k
    }
}
fun bench(n) {
    let c = Counter { k: 3 }
    let mut s = 0
    let mut i = 0
    while i < n {
        s += c.get()
        i += 1
    }
    s
})",
     10000, [](int64_t n) { return 3 * n; }, nullptr},
    // As with fields: one call site over five receivers of one type, then of five types.
    {"call/method_array_mono", R"(
trait Valued {
    fun get(&self) -> i64;
}
struct S1 { k: i64 }
impl Valued for S1 {
    fun get(&self) -> i64 { self.k }
}
fun bench(n) {
    let items = [S1 { k: 1 }, S1 { k: 2 }, S1 { k: 3 }, S1 { k: 4 }, S1 { k: 5 }]
    let mut s = 0
    let mut i = 0
    while i < n {
        s += items[i % 5].get()
        i += 1
    }
    s
})",
     10000, [](int64_t n) { return SumOver(n, [](int64_t i) { return i % 5 + 1; }); }, nullptr},
    {"call/method_array_mega5", R"(
trait Valued {
    fun get(&self) -> i64;
}
struct S1 { k: i64 }
struct S2 { a: i64, k: i64 }
struct S3 { k: i64 }
struct S4 { a: i64, b: i64, k: i64 }
struct S5 { k: i64 }
impl Valued for S1 {
    fun get(&self) -> i64 { self.k }
}
impl Valued for S2 {
    fun get(&self) -> i64 { self.k }
}
impl Valued for S3 {
    fun get(&self) -> i64 { self.k }
}
impl Valued for S4 {
    fun get(&self) -> i64 { self.k }
}
impl Valued for S5 {
    fun get(&self) -> i64 { self.k }
}
fun bench(n) {
    let items = [S1 { k: 1 }, S2 { a: 0, k: 2 }, S3 { k: 3 }, S4 { a: 0, b: 0, k: 4 }, S5 { k: 5 }]
    let mut s = 0
    let mut i = 0
    while i < n {
        s += items[i % 5].get()
        i += 1
    }
    s
})",
     10000, [](int64_t n) { return SumOver(n, [](int64_t i) { return i % 5 + 1; }); }, nullptr},
    {"call/builtin_len", R"(
fun bench(n) {
    let v = [1, 2, 3]
    let mut s = 0
    let mut i = 0
    while i < n {
        s += v.len()
        i += 1
    }
    s
})",
     10000, [](int64_t n) { return 3 * n; }, nullptr},
    {"call/closure", R"(
fun bench(n) {
    let k = 2
    let f = |x| x + k
    let mut s = 0
    let mut i = 0
    while i < n {
        s = f(s)
        i += 1
    }
    s
})",
     10000, [](int64_t n) { return 2 * n; }, nullptr},
    // --- Allocation: one new value per iteration, dead by the next ---
    {"alloc/struct", R"(
struct Point { x: i64, y: i64 }
fun bench(n) {
    let mut s = 0
    let mut i = 0
    while i < n {
        let p = Point { x: i, y: 1 }
        s += p.x
        i += 1
    }
    s
})",
     10000, [](int64_t n) { return n * (n - 1) / 2; }, nullptr},
    {"alloc/array", R"(
fun bench(n) {
    let mut s = 0
    let mut i = 0
    while i < n {
        let a = [i, 1, 2]
        s += a[0]
        i += 1
    }
    s
})",
     10000, [](int64_t n) { return n * (n - 1) / 2; }, nullptr},
    {"alloc/tuple", R"(
fun bench(n) {
    let mut s = 0
    let mut i = 0
    while i < n {
        let t = (i, 1)
        s += t.0
        i += 1
    }
    s
})",
     10000, [](int64_t n) { return n * (n - 1) / 2; }, nullptr},
    {"alloc/string_concat", R"(
fun bench(n) {
    let a = "abc"
    let b = "defg"
    let mut s = 0
    let mut i = 0
    while i < n {
        let t = a + b
        s += t.len()
        i += 1
    }
    s
})",
     10000, [](int64_t n) { return 7 * n; }, nullptr},
    {"alloc/string_push_str", R"(
fun bench(n) {
    let mut buf = String::new()
    let mut i = 0
    while i < n {
        buf.push_str("xy")
        i += 1
    }
    buf.len()
})",
     10000, [](int64_t n) { return 2 * n; }, nullptr},
    // --- The embedding API: one Function::Call from C++ per operation (n = 1), the
    // overhead every other benchmark spreads over its n operations ---
    {"api/function_call", R"(
fun bench(n) {
    n
})",
     1, [](int64_t n) { return n; }, nullptr},
    // --- Hash maps: a fresh map per call, n inserts each followed by a lookup ---
    {"hashmap/insert_get_int", R"(
use std::collections::HashMap;
fun bench(n) {
    let mut m = HashMap::new()
    let mut s = 0
    let mut i = 0
    while i < n {
        m.insert(i, i * 2)
        s += m.get(&i).unwrap()
        i += 1
    }
    s + m.len()
})",
     1000, [](int64_t n) { return n * (n - 1) + n; }, nullptr},
};

// Wrong answers and failed calls; main's exit status, so `bazel test` sees them.
int failure_count = 0;

void Fail(benchmark::State& state, const Case& c, const std::string& message) {
  ++failure_count;
  std::fprintf(stderr, "FAIL %s: %s\n", c.name, message.c_str());
  state.SkipWithError(message.c_str());
}

std::string ErrorText(const ruchy::TryCatch& try_catch) {
  if (!try_catch.HasCaught()) return "failed without an exception";
  const ruchy::Message& message = try_catch.GetMessage();
  return message.Get() + " (line " + std::to_string(message.GetLineNumber()) + ")";
}

// Empty when `result` is what the case expects, else what is wrong.
std::string CheckResult(const Case& c, ruchy::Local<ruchy::Value> result) {
  if (c.expected_integer != nullptr) {
    int64_t expected = c.expected_integer(c.n);
    if (result->IsInteger() && result.As<ruchy::Integer>()->Value() == expected) return "";
    return "expected " + std::to_string(expected) + ", got " +
           result->ToText(ruchy::TextForm::kRepl);
  }
  double expected = c.expected_float(c.n);
  if (result->IsFloat()) {
    double actual = result.As<ruchy::Number>()->Value();
    if (std::fabs(actual - expected) <= 1e-12 * std::fabs(expected)) return "";
  }
  return "expected " + std::to_string(expected) + ", got " + result->ToText(ruchy::TextForm::kRepl);
}

// The timed part: calls bench(n) once per iteration, each in its own HandleScope.
void Measure(benchmark::State& state, const Case& c, ruchy::Isolate* isolate,
             ruchy::Local<ruchy::Context> context, ruchy::Local<ruchy::Function> bench,
             ruchy::TryCatch& try_catch) {
  ruchy::Local<ruchy::Value> argv[] = {ruchy::Integer::New(isolate, c.n).ToLocalChecked()};
  for (auto _ : state) {
    ruchy::HandleScope scope(isolate);
    ruchy::Local<ruchy::Value> result;
    if (!bench->Call(context, 1, argv).ToLocal(&result)) {
      Fail(state, c, "bench(n) threw: " + ErrorText(try_catch));
      break;
    }
    std::string wrong = CheckResult(c, result);
    if (!wrong.empty()) {
      Fail(state, c, wrong);
      break;
    }
  }
  state.SetItemsProcessed(state.iterations() * c.n);
  // Seconds per inner operation (the console shows e.g. "4.2ns").
  state.counters["per_op"] =
      benchmark::Counter(static_cast<double>(c.n), benchmark::Counter::kIsIterationInvariantRate |
                                                       benchmark::Counter::kInvert);
}

// A fresh isolate per benchmark, so no benchmark sees another's heap or feedback.
void RunCase(benchmark::State& state, const Case& c) {
  ruchy::Isolate* isolate = ruchy::Isolate::New();
  if (isolate == nullptr) return Fail(state, c, "cannot create an isolate");
  {
    ruchy::Isolate::Scope isolate_scope(isolate);
    ruchy::HandleScope handle_scope(isolate);
    ruchy::Local<ruchy::Context> context = ruchy::Context::New(isolate);
    ruchy::Context::Scope context_scope(context);
    ruchy::TryCatch try_catch(isolate);
    ruchy::ScriptOrigin origin(c.name);
    ruchy::Local<ruchy::Script> script;
    ruchy::Local<ruchy::Value> value;
    if (!ruchy::Script::Compile(
             context, ruchy::String::NewFromUtf8(isolate, c.source).ToLocalChecked(), &origin)
             .ToLocal(&script) ||
        !script->Run(context).ToLocal(&value) ||
        !context->Global()->Get(context, "bench").ToLocal(&value)) {
      Fail(state, c, "setup: " + ErrorText(try_catch));
    } else if (!value->IsFunction()) {
      Fail(state, c, std::string("setup: bench is a ") + value->TypeName());
    } else {
      Measure(state, c, isolate, context, value.As<ruchy::Function>(), try_catch);
    }
  }
  isolate->Dispose();
}

}  // namespace

int main(int argc, char** argv) {
  for (const Case& c : kCases) {
    benchmark::RegisterBenchmark(c.name, [&c](benchmark::State& state) {
      RunCase(state, c);
    })->Unit(benchmark::kMicrosecond);
  }
  benchmark::Initialize(&argc, argv);
  if (benchmark::ReportUnrecognizedArguments(argc, argv)) return 1;
  benchmark::RunSpecifiedBenchmarks();
  benchmark::Shutdown();
  if (failure_count > 0) {
    std::fprintf(stderr, "%d benchmark(s) failed\n", failure_count);
    return 1;
  }
  return 0;
}
