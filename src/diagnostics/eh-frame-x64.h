// DWARF call-frame information (.eh_frame format: one CIE, one FDE, a terminator) for
// generated x64 code, built from the frame-state changes the MacroAssembler records, so
// unwinders can step from any pc of the code to its caller.
#ifndef RUCHY_DIAGNOSTICS_EH_FRAME_X64_H_
#define RUCHY_DIAGNOSTICS_EH_FRAME_X64_H_

#include <cstddef>
#include <cstdint>
#include <span>
#include <vector>

#include "src/codegen/code-desc.h"

namespace ruchy::internal::diagnostics {

// The .eh_frame bytes for `code_size` bytes of code starting `code_to_eh_frame` bytes
// before the first byte of the result. Addresses are pc-relative, so the bytes stay valid
// wherever code and tables are copied together.
std::vector<uint8_t> BuildEhFrame(size_t code_size, size_t code_to_eh_frame,
                                  std::span<const codegen::FrameStateChange> states);

// Fills desc->unwind_info for the place the code space installs it.
void AddUnwindInfo(codegen::CodeDesc* desc);

// Offset of the FDE within BuildEhFrame's output (the CIE comes first).
size_t EhFrameFdeOffset(std::span<const uint8_t> eh_frame);

}  // namespace ruchy::internal::diagnostics

#endif  // RUCHY_DIAGNOSTICS_EH_FRAME_X64_H_
