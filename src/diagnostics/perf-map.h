// --perf-prof support: appends "START SIZE NAME" lines (hex start and size) to
// /tmp/perf-PID.map, the file `perf report` reads to name code in anonymous executable
// memory.
#ifndef RUCHY_DIAGNOSTICS_PERF_MAP_H_
#define RUCHY_DIAGNOSTICS_PERF_MAP_H_

#include <cstdint>
#include <cstdio>
#include <string>

#include "src/base/macros.h"
#include "src/codegen/code-space.h"

namespace ruchy::internal::diagnostics {

class PerfMap : public codegen::CodeSpace::Observer {
 public:
  // "/tmp/perf-<pid>.map" for the running process.
  static std::string DefaultPath();

  // Opens `path` for appending; ok() says whether that worked (a perf map that cannot be
  // written disables itself rather than failing the program).
  explicit PerfMap(const std::string& path = DefaultPath());
  ~PerfMap() override;
  RUCHY_DISALLOW_COPY_AND_ASSIGN(PerfMap);

  bool ok() const { return file_ != nullptr; }
  const std::string& path() const { return path_; }

  // One line per code object; perf takes the last entry for an address range.
  void LogCode(uintptr_t start, size_t size, const std::string& name);

  void OnCodeInstalled(codegen::InstalledCode code, const std::string& name) override;
  // perf maps have no removal; a later entry for the same range overrides it.
  void OnCodeFreed(codegen::InstalledCode) override {}

 private:
  std::string path_;
  FILE* file_ = nullptr;
};

}  // namespace ruchy::internal::diagnostics

#endif  // RUCHY_DIAGNOSTICS_PERF_MAP_H_
