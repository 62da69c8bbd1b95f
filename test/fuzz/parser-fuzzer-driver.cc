// Runs the parser fuzz target without libFuzzer, as part of the test suite: every seed
// of test/fuzz/corpus/parser once, then random mutations of them (byte edits, token
// insertions, splices) for a bounded time (FUZZ_SECONDS, default 3). Deterministic for
// a given FUZZ_SEED. A crash, sanitizer report or failed CHECK fails the test.
#include <dirent.h>
#include <algorithm>
#include <chrono>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <random>
#include <sstream>
#include <string>
#include <vector>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size);

namespace {

std::vector<std::string> LoadSeeds(const std::string& directory) {
  std::vector<std::string> seeds;
  DIR* dir = opendir(directory.c_str());
  if (dir == nullptr) return seeds;
  std::vector<std::string> names;
  while (dirent* entry = readdir(dir)) {
    std::string name = entry->d_name;
    if (name == "." || name == "..") continue;
    names.push_back(name);
  }
  closedir(dir);
  std::sort(names.begin(), names.end());
  for (const std::string& name : names) {
    std::ifstream in(directory + "/" + name, std::ios::binary);
    std::ostringstream buffer;
    buffer << in.rdbuf();
    seeds.push_back(buffer.str());
  }
  return seeds;
}

// Fragments that steer mutations towards interesting syntax.
const char* const kDictionary[] = {
    "(",         ")",       "[",     "]",        "{",
    "}",         "f\"{",    "}\"",   "\"",       "'",
    "'a",        "/*",      "*/",    "#",        "#[",
    "..",        "..=",     "|",     "||",       "=>",
    "->",        "?",       "::",    "::<",      "<",
    ">",         ">>",      "as ",   "let ",     "fun ",
    "fn ",       "match ",  "if ",   "else ",    "while ",
    "for ",      " in ",    "loop ", "break ",   "continue ",
    "return ",   "struct ", "enum ", "impl ",    "trait ",
    "class ",    "use ",    "mod ",  "try ",     "catch ",
    "throw ",    "mut ",    "&mut ", "vec![",    "println!(",
    "matches!(", ";",       ",",     "\n",       "@",
    "$",         "\\",      "\xFF",  "\xC3\xA9", "9223372036854775808",
    "-",         "**",      "=",     "+=",       "?? ",
    "|> ",       "self",    "Self",  "_",        "x",
    "Some(",     "None",    ".0"};

std::string Mutate(const std::vector<std::string>& seeds, std::mt19937_64& rng) {
  auto pick = [&](size_t n) { return n == 0 ? size_t{0} : static_cast<size_t>(rng() % n); };
  std::string s = seeds[pick(seeds.size())];
  int edits = 1 + static_cast<int>(pick(8));
  for (int i = 0; i < edits; ++i) {
    size_t at = pick(s.size() + 1);
    switch (pick(6)) {
      case 0:  // flip a byte
        if (!s.empty()) s[pick(s.size())] = static_cast<char>(rng());
        break;
      case 1:  // insert a dictionary fragment
        s.insert(at, kDictionary[pick(sizeof(kDictionary) / sizeof(kDictionary[0]))]);
        break;
      case 2:  // delete a range
        s.erase(at, pick(16));
        break;
      case 3: {  // duplicate a range
        size_t length = std::min<size_t>(pick(64), s.size() - std::min(at, s.size()));
        s.insert(at, s.substr(at, length));
        break;
      }
      case 4: {  // splice in part of another seed
        const std::string& other = seeds[pick(seeds.size())];
        size_t from = pick(other.size() + 1);
        s.insert(at, other.substr(from, pick(128)));
        break;
      }
      default:  // repeat one fragment many times (deep nesting)
        s.insert(at, std::string(pick(400), "([{|-!"[pick(6)]));
        break;
    }
  }
  return s;
}

}  // namespace

int main(int argc, char** argv) {
  std::string corpus = "test/fuzz/corpus/parser";
  if (const char* srcdir = std::getenv("TEST_SRCDIR")) {
    corpus = std::string(srcdir) + "/ruchyd/test/fuzz/corpus/parser";
  }
  if (argc > 1) corpus = argv[1];
  double seconds = 3;
  if (const char* env = std::getenv("FUZZ_SECONDS")) seconds = std::atof(env);
  uint64_t seed = 12345;
  if (const char* env = std::getenv("FUZZ_SEED")) seed = std::strtoull(env, nullptr, 10);

  std::vector<std::string> seeds = LoadSeeds(corpus);
  if (seeds.empty()) {
    std::fprintf(stderr, "no seeds found in %s\n", corpus.c_str());
    return 1;
  }
  for (const std::string& input : seeds) {
    LLVMFuzzerTestOneInput(reinterpret_cast<const uint8_t*>(input.data()), input.size());
  }
  std::mt19937_64 rng(seed);
  auto deadline = std::chrono::steady_clock::now() + std::chrono::duration<double>(seconds);
  uint64_t runs = 0;
  while (std::chrono::steady_clock::now() < deadline) {
    std::string input = Mutate(seeds, rng);
    LLVMFuzzerTestOneInput(reinterpret_cast<const uint8_t*>(input.data()), input.size());
    ++runs;
  }
  std::printf("parser fuzz driver: %zu seeds, %llu mutated inputs in %.1f s (seed %llu)\n",
              seeds.size(), static_cast<unsigned long long>(runs), seconds,
              static_cast<unsigned long long>(seed));
  return 0;
}
