// Names of relocation modes, for --print-code annotations.
#include "src/codegen/reloc-info.h"

#include "src/base/logging.h"

namespace ruchy::internal::codegen {

const char* RelocModeName(RelocMode mode) {
  switch (mode) {
    case RelocMode::kNone:
      return "none";
#define RUCHY_RELOC_MODE_CASE(name, text) \
  case RelocMode::name:                   \
    return text;
      RUCHY_RELOC_MODE_LIST(RUCHY_RELOC_MODE_CASE)
#undef RUCHY_RELOC_MODE_CASE
  }
  UNREACHABLE();
}

}  // namespace ruchy::internal::codegen
