// The perf map writer.
#include "src/diagnostics/perf-map.h"

#include <unistd.h>

#include <cinttypes>

namespace ruchy::internal::diagnostics {

std::string PerfMap::DefaultPath() {
  return "/tmp/perf-" + std::to_string(static_cast<long>(getpid())) + ".map";
}

PerfMap::PerfMap(const std::string& path) : path_(path) { file_ = std::fopen(path.c_str(), "a"); }

PerfMap::~PerfMap() {
  if (file_ != nullptr) std::fclose(file_);
}

void PerfMap::LogCode(uintptr_t start, size_t size, const std::string& name) {
  if (file_ == nullptr) return;
  // One entry per line: a newline in a name would split it.
  std::string clean = name.empty() ? "jit-code" : name;
  for (char& c : clean) {
    if (c == '\n' || c == '\r') c = ' ';
  }
  std::fprintf(file_, "%" PRIxPTR " %zx %s\n", start, size, clean.c_str());
  // perf may read the file while we run; every line is complete on disk when written.
  std::fflush(file_);
}

void PerfMap::OnCodeInstalled(codegen::InstalledCode code, const std::string& name) {
  LogCode(code.instruction_start(), code.instruction_size(), name);
}

}  // namespace ruchy::internal::diagnostics
