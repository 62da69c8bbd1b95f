// Registers installed code's .eh_frame with libunwind's dynamic unwind-info list
// (_U_dyn_register), so native backtraces (unw_step, unw_backtrace, profilers built on
// libunwind) walk through JIT frames to the C++ frames below them.
#ifndef RUCHY_DIAGNOSTICS_UNWIND_REGISTRY_H_
#define RUCHY_DIAGNOSTICS_UNWIND_REGISTRY_H_

#include <map>
#include <memory>
#include <string>

#include "src/base/macros.h"
#include "src/codegen/code-space.h"

namespace ruchy::internal::diagnostics {

class UnwindRegistry : public codegen::CodeSpace::Observer {
 public:
  // Observes `space`: code installed with unwind info (see AddUnwindInfo) is registered,
  // freed code is unregistered. Destroying the registry unregisters everything.
  explicit UnwindRegistry(codegen::CodeSpace* space);
  ~UnwindRegistry() override;
  RUCHY_DISALLOW_COPY_AND_ASSIGN(UnwindRegistry);

  void OnCodeInstalled(codegen::InstalledCode code, const std::string& name) override;
  void OnCodeFreed(codegen::InstalledCode code) override;

  size_t registered_count() const { return registrations_.size(); }

 private:
  struct Registration;  // owns the unw_dyn_info_t and its one-entry search table
  void Unregister(codegen::Address code_address);

  codegen::CodeSpace* space_;
  std::map<codegen::Address, std::unique_ptr<Registration>> registrations_;
};

}  // namespace ruchy::internal::diagnostics

#endif  // RUCHY_DIAGNOSTICS_UNWIND_REGISTRY_H_
