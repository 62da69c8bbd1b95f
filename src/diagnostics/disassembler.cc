// Capstone-backed disassembly and the --print-code listing format.
#include "src/diagnostics/disassembler.h"

#include <capstone/capstone.h>

#include <cinttypes>
#include <cstdio>
#include <cstring>

namespace ruchy::internal::diagnostics {

std::string DecodedInstruction::Text() const {
  if (operands.empty()) return mnemonic;
  return mnemonic + " " + operands;
}

Disassembler::Disassembler() {
  csh handle = 0;
  if (cs_open(CS_ARCH_X86, CS_MODE_64, &handle) != CS_ERR_OK) return;
  cs_option(handle, CS_OPT_SYNTAX, CS_OPT_SYNTAX_INTEL);
  handle_ = handle;
  ok_ = true;
}

Disassembler::~Disassembler() {
  if (ok_) {
    csh handle = handle_;
    cs_close(&handle);
  }
}

bool Disassembler::DecodeOne(std::span<const uint8_t> code, uint64_t address,
                             DecodedInstruction* out) const {
  if (!ok_ || code.empty()) return false;
  cs_insn* insn = nullptr;
  size_t count = cs_disasm(handle_, code.data(), code.size(), address, 1, &insn);
  if (count == 0) return false;
  out->address = insn[0].address;
  out->size = insn[0].size;
  out->mnemonic = insn[0].mnemonic;
  out->operands = insn[0].op_str;
  cs_free(insn, count);
  return true;
}

std::vector<DecodedInstruction> Disassembler::DecodeAll(std::span<const uint8_t> code,
                                                        uint64_t address) const {
  std::vector<DecodedInstruction> result;
  size_t offset = 0;
  while (offset < code.size()) {
    DecodedInstruction insn;
    if (!DecodeOne(code.subspan(offset), address + offset, &insn)) {
      char text[16];
      std::snprintf(text, sizeof(text), "0x%02x", code[offset]);
      insn.address = address + offset;
      insn.size = 1;
      insn.mnemonic = ".byte";
      insn.operands = text;
    }
    offset += static_cast<size_t>(insn.size);
    result.push_back(std::move(insn));
  }
  return result;
}

std::string Disassembler::PrintCode(const std::string& name, std::span<const uint8_t> code,
                                    uint64_t address,
                                    std::span<const codegen::RelocInfo> relocs) const {
  std::string out = "--- code: " + name + " (" + std::to_string(code.size()) + " bytes) ---\n";
  size_t next_reloc = 0;
  for (const DecodedInstruction& insn : DecodeAll(code, address)) {
    uint64_t offset = insn.address - address;
    char prefix[64];
    std::snprintf(prefix, sizeof(prefix), "0x%" PRIx64 "  %5" PRIu64 "  ", insn.address, offset);
    std::string bytes;
    for (int i = 0; i < insn.size; ++i) {
      char hex[4];
      std::snprintf(hex, sizeof(hex), "%02x", code[offset + static_cast<uint64_t>(i)]);
      bytes += hex;
    }
    // Pad the byte column to the longest common instruction (10 bytes, movabs).
    if (bytes.size() < 20) bytes.append(20 - bytes.size(), ' ');
    out += prefix + bytes + "  " + insn.Text();
    while (next_reloc < relocs.size() &&
           relocs[next_reloc].pc_offset < offset + static_cast<uint64_t>(insn.size)) {
      if (relocs[next_reloc].pc_offset >= offset) {
        out += "  ;; ";
        out += codegen::RelocModeName(relocs[next_reloc].mode);
      }
      ++next_reloc;
    }
    out += "\n";
  }
  return out;
}

}  // namespace ruchy::internal::diagnostics
