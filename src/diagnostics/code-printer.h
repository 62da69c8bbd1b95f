// --print-code support: prints a Capstone listing of each code object as it is installed.
#ifndef RUCHY_DIAGNOSTICS_CODE_PRINTER_H_
#define RUCHY_DIAGNOSTICS_CODE_PRINTER_H_

#include <ostream>
#include <string>

#include "src/base/macros.h"
#include "src/codegen/code-space.h"
#include "src/diagnostics/disassembler.h"

namespace ruchy::internal::diagnostics {

class CodePrinter : public codegen::CodeSpace::Observer {
 public:
  explicit CodePrinter(std::ostream* out) : out_(out) {}
  RUCHY_DISALLOW_COPY_AND_ASSIGN(CodePrinter);

  void OnCodeInstalled(codegen::InstalledCode code, const std::string& name) override;
  void OnCodeFreed(codegen::InstalledCode) override {}

 private:
  std::ostream* out_;
  Disassembler disassembler_;
};

}  // namespace ruchy::internal::diagnostics

#endif  // RUCHY_DIAGNOSTICS_CODE_PRINTER_H_
