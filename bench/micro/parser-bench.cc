// Front-end speed: lexing, parsing and scope analysis of a generated 10,000-line
// program mixing both Ruchy styles. Run: bazel run -c opt //bench/micro:parser-bench
#include <string>

#include "benchmark/benchmark.h"
#include "src/base/logging.h"
#include "src/parser/parser.h"

namespace {

namespace parser = ruchy::internal::parser;

// One 50-line unit per index; 200 units make 10,000 lines.
std::string Unit(int i) {
  std::string n = std::to_string(i);
  return "// unit " + n +
         ": a struct, an impl, an enum, functions and top-level code\n"
         "struct Item" +
         n +
         " { id: i64, name: String = \"item\", tags: Vec<String> }\n"
         "impl Item" +
         n +
         " {\n"
         "    fn new(id: i64) -> Self { Self { id, name: format!(\"#{}\", id), tags: vec![] } }\n"
         "    fn score(&self, weight: f64) -> f64 { (self.id as f64) * weight + 0.5 }\n"
         "}\n"
         "enum Kind" +
         n +
         " { Small(i64), Large { size: i64 }, Unknown }\n"
         "fun classify" +
         n + "(x: i64) -> Kind" + n +
         " {\n"
         "    match x {\n"
         "        0..=9 => Kind" +
         n +
         "::Small(x),\n"
         "        n if n > 1000 => Kind" +
         n +
         "::Large { size: n },\n"
         "        _ => Kind" +
         n +
         "::Unknown,\n"
         "    }\n"
         "}\n"
         "fun process" +
         n +
         "(values: Vec<i64>, limit: i64) -> i64 {\n"
         "    let mut total = 0\n"
         "    let mut count = 0\n"
         "    for (i, v) in values.iter().enumerate() {\n"
         "        if v % 2 == 0 && i < limit as usize {\n"
         "            total += v * 2\n"
         "        } else if v > &100 {\n"
         "            total -= 1\n"
         "        } else {\n"
         "            count = count + 1\n"
         "        }\n"
         "    }\n"
         "    let doubled: Vec<i64> = values.iter().map(|x| x * 2).filter(|&x| x > 10).collect();\n"
         "    let label = f\"total={total} count={count:>4} first={doubled[0]}\"\n"
         "    println!(\"{} {}\", label, doubled.len());\n"
         "    let mut i = 0\n"
         "    while i < 10 {\n"
         "        i += 1\n"
         "        if i == 5 { continue }\n"
         "    }\n"
         "    total + count + i\n"
         "}\n"
         "fun make_counter" +
         n +
         "() {\n"
         "    let mut c = 0\n"
         "    || { c += 1; c }\n"
         "}\n"
         "let item" +
         n + " = Item" + n + "::new(" + n +
         ")\n"
         "let scores" +
         n + " = [1, 2, 3].iter().map(x => x * " + n +
         ").collect()\n"
         "let table" +
         n + " = {name: \"t\", size: " + n +
         ", ok: true}\n"
         "try {\n"
         "    let r = process" +
         n +
         "(vec![1, 2, 3, 4], 3)\n"
         "    assert_eq!(r, r);\n"
         "} catch (e) {\n"
         "    println(\"error: {}\", e)\n"
         "}\n"
         "// end of unit " +
         n + "\n";
}

const std::string& Program() {
  static const std::string program = [] {
    std::string source;
    for (int i = 0; i < 200; ++i) source += Unit(i);
    return source;
  }();
  return program;
}

void CheckProgram() {
  size_t lines = 0;
  for (char c : Program()) lines += c == '\n';
  CHECK_EQ(lines, size_t{10000});
  auto result = parser::Parse("bench.ruchy", Program());
  if (!result->ok()) FATAL(result->FormattedErrors());
}

void BM_Parse(benchmark::State& state) {
  CheckProgram();
  for (auto _ : state) {
    auto result = parser::Parse("bench.ruchy", Program());
    benchmark::DoNotOptimize(result->script());
  }
  state.SetBytesProcessed(state.iterations() * static_cast<int64_t>(Program().size()));
  state.counters["lines"] = 10000;
}
BENCHMARK(BM_Parse)->Unit(benchmark::kMillisecond);

void BM_ParseAndAnalyzeScopes(benchmark::State& state) {
  CheckProgram();
  for (auto _ : state) {
    auto result = parser::Parse("bench.ruchy", Program());
    parser::AnalyzeScopes(result.get());
    benchmark::DoNotOptimize(result->script());
  }
  state.SetBytesProcessed(state.iterations() * static_cast<int64_t>(Program().size()));
  state.counters["lines"] = 10000;
}
BENCHMARK(BM_ParseAndAnalyzeScopes)->Unit(benchmark::kMillisecond);

}  // namespace

BENCHMARK_MAIN();
