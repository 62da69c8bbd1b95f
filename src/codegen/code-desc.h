// CodeDesc: what an assembler hands to the code space — the instructions, the relocation
// entries, where the standard frame is set up and torn down, and optional unwind tables.
#ifndef RUCHY_CODEGEN_CODE_DESC_H_
#define RUCHY_CODEGEN_CODE_DESC_H_

#include <cstdint>
#include <vector>

#include "src/codegen/reloc-info.h"

namespace ruchy::internal::codegen {

// Where the caller's frame is, relative to the current pc, for code that uses the
// standard frame (push rbp; mov rbp, rsp; ...; mov rsp, rbp; pop rbp; ret).
enum class FrameState : uint8_t {
  kNoFrame,    // return address at [rsp]; the state at the first instruction
  kRbpPushed,  // after `push rbp`: return address at [rsp + 8], caller's rbp at [rsp]
  kFrame,      // after `mov rbp, rsp`: return address at [rbp + 8], caller's rbp at [rbp]
};

struct FrameStateChange {
  uint32_t pc_offset;  // the state holds from this offset on
  FrameState state;
};

struct CodeDesc {
  std::vector<uint8_t> instructions;
  std::vector<RelocInfo> reloc_info;           // in increasing pc_offset order
  std::vector<FrameStateChange> frame_states;  // in increasing pc_offset order
  // Unwind tables for the code (DWARF CFI from src/diagnostics), installed right after the
  // instructions at InstalledCode::UnwindInfoOffset; empty if nobody asked for them.
  std::vector<uint8_t> unwind_info;
};

}  // namespace ruchy::internal::codegen

#endif  // RUCHY_CODEGEN_CODE_DESC_H_
