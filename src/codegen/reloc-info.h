// Relocation entries: where generated code embeds a value that someone outside the
// assembler must find again (the GC for heap pointers, the serializer for addresses).
#ifndef RUCHY_CODEGEN_RELOC_INFO_H_
#define RUCHY_CODEGEN_RELOC_INFO_H_

#include <cstdint>

namespace ruchy::internal::codegen {

// Every mode names a full 8-byte little-endian slot in the instruction stream (the
// immediate of a `movabs`). V(name, printable name)
#define RUCHY_RELOC_MODE_LIST(V)                                                          \
  /* A tagged heap pointer (address + 1). The GC visits it and rewrites it when the   */  \
  /* object moves; see VisitEmbeddedPointers in code-space.h.                          */ \
  V(kEmbeddedObject, "embedded object")                                                   \
  /* An absolute address outside the movable heap: a C++ function, an isolate field   */  \
  /* such as the allocation top or the stack limit. It never moves while code lives.   */ \
  V(kExternalReference, "external reference")

enum class RelocMode : uint8_t {
  kNone,  // not recorded; the value is a plain immediate
#define RUCHY_RELOC_MODE_ENUM(name, text) name,
  RUCHY_RELOC_MODE_LIST(RUCHY_RELOC_MODE_ENUM)
#undef RUCHY_RELOC_MODE_ENUM
};

const char* RelocModeName(RelocMode mode);

struct RelocInfo {
  RelocMode mode;
  uint32_t pc_offset;  // offset of the 8-byte slot from the start of the instructions

  bool operator==(const RelocInfo& other) const {
    return mode == other.mode && pc_offset == other.pc_offset;
  }
};

constexpr int kRelocSlotSize = 8;

}  // namespace ruchy::internal::codegen

#endif  // RUCHY_CODEGEN_RELOC_INFO_H_
