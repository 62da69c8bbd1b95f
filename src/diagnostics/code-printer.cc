// The --print-code observer.
#include "src/diagnostics/code-printer.h"

namespace ruchy::internal::diagnostics {

void CodePrinter::OnCodeInstalled(codegen::InstalledCode code, const std::string& name) {
  *out_ << disassembler_.PrintCode(name.empty() ? "(unnamed)" : name, code.instructions(),
                                   code.instruction_start(), code.reloc_info());
}

}  // namespace ruchy::internal::diagnostics
