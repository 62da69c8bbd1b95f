// Disassembler over Capstone (x86-64, Intel syntax): decodes generated code for
// --print-code listings and for the assembler's encoding tests.
#ifndef RUCHY_DIAGNOSTICS_DISASSEMBLER_H_
#define RUCHY_DIAGNOSTICS_DISASSEMBLER_H_

#include <cstddef>
#include <cstdint>
#include <span>
#include <string>
#include <vector>

#include "src/base/macros.h"
#include "src/codegen/reloc-info.h"

namespace ruchy::internal::diagnostics {

struct DecodedInstruction {
  uint64_t address = 0;  // as given to the decoder (offset + base address)
  int size = 0;
  std::string mnemonic;
  std::string operands;

  // "mnemonic operands", or just the mnemonic when there are no operands.
  std::string Text() const;
};

class Disassembler {
 public:
  Disassembler();
  ~Disassembler();
  RUCHY_DISALLOW_COPY_AND_ASSIGN(Disassembler);

  // False if Capstone could not be initialized (then every decode fails).
  bool ok() const { return ok_; }

  // Decodes the instruction at the start of `code`; false if the bytes are not a valid
  // instruction. `address` is what branch targets are printed relative to.
  bool DecodeOne(std::span<const uint8_t> code, uint64_t address, DecodedInstruction* out) const;

  // Decodes the whole range; undecodable bytes become one-byte ".byte 0xNN" entries so the
  // listing always covers every byte.
  std::vector<DecodedInstruction> DecodeAll(std::span<const uint8_t> code, uint64_t address) const;

  // The --print-code listing: a header line with the name, then one line per instruction
  // with address, offset, bytes and text; relocated slots are annotated with their mode.
  std::string PrintCode(const std::string& name, std::span<const uint8_t> code, uint64_t address,
                        std::span<const codegen::RelocInfo> relocs) const;

 private:
  size_t handle_ = 0;  // csh
  bool ok_ = false;
};

}  // namespace ruchy::internal::diagnostics

#endif  // RUCHY_DIAGNOSTICS_DISASSEMBLER_H_
