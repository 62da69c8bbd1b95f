// .eh_frame writer. Encodings follow the DWARF 4 call-frame section (CFA instructions) and
// the LSB .eh_frame rules (CIE id 0, "zR" augmentation, pc-relative FDE addresses); x64
// register numbers follow the System V psABI DWARF mapping.
#include "src/diagnostics/eh-frame-x64.h"

#include <cstring>

#include "src/base/logging.h"
#include "src/codegen/code-space.h"

namespace ruchy::internal::diagnostics {

namespace {

using codegen::FrameState;

// DWARF register numbers (System V x64 psABI).
constexpr uint8_t kDwarfRbp = 6;
constexpr uint8_t kDwarfRsp = 7;
constexpr uint8_t kDwarfReturnAddress = 16;

// Call-frame instructions.
constexpr uint8_t kAdvanceLoc = 0x40;  // low 6 bits: delta
constexpr uint8_t kOffset = 0x80;      // low 6 bits: register; ULEB128 factored offset
constexpr uint8_t kRestore = 0xC0;     // low 6 bits: register
constexpr uint8_t kNop = 0x00;
constexpr uint8_t kAdvanceLoc1 = 0x02;
constexpr uint8_t kAdvanceLoc2 = 0x03;
constexpr uint8_t kAdvanceLoc4 = 0x04;
constexpr uint8_t kDefCfa = 0x0C;  // ULEB register, ULEB offset

// Pointer encodings.
constexpr uint8_t kPcRelSData4 = 0x10 | 0x0B;  // DW_EH_PE_pcrel | DW_EH_PE_sdata4

constexpr int kDataAlignment = -8;  // offsets are multiples of the slot size

class Writer {
 public:
  void Byte(uint8_t b) { bytes_.push_back(b); }
  void U32(uint32_t v) {
    for (int i = 0; i < 4; ++i) Byte(static_cast<uint8_t>(v >> (8 * i)));
  }
  void ULEB(uint64_t v) {
    do {
      uint8_t b = v & 0x7F;
      v >>= 7;
      Byte(v != 0 ? (b | 0x80) : b);
    } while (v != 0);
  }
  void SLEB(int64_t v) {
    bool more = true;
    while (more) {
      uint8_t b = v & 0x7F;
      v >>= 7;
      more = !((v == 0 && (b & 0x40) == 0) || (v == -1 && (b & 0x40) != 0));
      Byte(more ? (b | 0x80) : b);
    }
  }
  size_t size() const { return bytes_.size(); }
  void PatchU32(size_t at, uint32_t v) { std::memcpy(&bytes_[at], &v, sizeof(v)); }
  // Pads a CIE/FDE whose length field is at `start` to a multiple of 8 and fills it in.
  void FinishEntry(size_t start) {
    while ((size() - start) % 8 != 0) Byte(kNop);
    PatchU32(start, static_cast<uint32_t>(size() - start - 4));
  }
  std::vector<uint8_t> Take() { return std::move(bytes_); }

 private:
  std::vector<uint8_t> bytes_;
};

void AdvanceTo(Writer* w, uint32_t* current, uint32_t target) {
  uint32_t delta = target - *current;
  if (delta == 0) return;
  if (delta < 0x40) {
    w->Byte(static_cast<uint8_t>(kAdvanceLoc | delta));
  } else if (delta <= 0xFF) {
    w->Byte(kAdvanceLoc1);
    w->Byte(static_cast<uint8_t>(delta));
  } else if (delta <= 0xFFFF) {
    w->Byte(kAdvanceLoc2);
    w->Byte(static_cast<uint8_t>(delta));
    w->Byte(static_cast<uint8_t>(delta >> 8));
  } else {
    w->Byte(kAdvanceLoc4);
    w->U32(delta);
  }
  *current = target;
}

void DefCfa(Writer* w, uint8_t reg, uint64_t offset) {
  w->Byte(kDefCfa);
  w->ULEB(reg);
  w->ULEB(offset);
}

// The caller's rbp is saved at CFA - 16 in both framed states.
void RbpSavedAtCfaMinus16(Writer* w) {
  w->Byte(kOffset | kDwarfRbp);
  w->ULEB(16 / -kDataAlignment);
}

void EmitState(Writer* w, FrameState state) {
  switch (state) {
    case FrameState::kNoFrame:
      DefCfa(w, kDwarfRsp, 8);
      w->Byte(kRestore | kDwarfRbp);  // back to the CIE's rule: rbp unchanged
      return;
    case FrameState::kRbpPushed:
      DefCfa(w, kDwarfRsp, 16);
      RbpSavedAtCfaMinus16(w);
      return;
    case FrameState::kFrame:
      DefCfa(w, kDwarfRbp, 16);
      RbpSavedAtCfaMinus16(w);
      return;
  }
  UNREACHABLE();
}

}  // namespace

std::vector<uint8_t> BuildEhFrame(size_t code_size, size_t code_to_eh_frame,
                                  std::span<const codegen::FrameStateChange> states) {
  CHECK_LE(code_size, size_t{INT32_MAX});
  Writer w;
  // CIE: at the first instruction the return address is at [rsp] (CFA = rsp + 8).
  size_t cie = w.size();
  w.U32(0);   // length, patched
  w.U32(0);   // CIE id
  w.Byte(1);  // version
  w.Byte('z');
  w.Byte('R');
  w.Byte(0);
  w.ULEB(1);  // code alignment factor
  w.SLEB(kDataAlignment);
  w.Byte(kDwarfReturnAddress);
  w.ULEB(1);  // augmentation data: the FDE pointer encoding
  w.Byte(kPcRelSData4);
  DefCfa(&w, kDwarfRsp, 8);
  w.Byte(kOffset | kDwarfReturnAddress);
  w.ULEB(8 / -kDataAlignment);
  w.FinishEntry(cie);

  // FDE covering [code, code + code_size).
  size_t fde = w.size();
  w.U32(0);                                      // length, patched
  w.U32(static_cast<uint32_t>(w.size() - cie));  // distance back to the CIE
  int64_t pc_begin = -static_cast<int64_t>(code_to_eh_frame + w.size());
  CHECK(pc_begin >= INT32_MIN);
  w.U32(static_cast<uint32_t>(static_cast<int32_t>(pc_begin)));
  w.U32(static_cast<uint32_t>(code_size));
  w.ULEB(0);  // no augmentation data
  uint32_t pc = 0;
  for (const codegen::FrameStateChange& change : states) {
    if (change.pc_offset >= code_size) break;  // a change after the last instruction
    AdvanceTo(&w, &pc, change.pc_offset);
    EmitState(&w, change.state);
  }
  w.FinishEntry(fde);
  w.U32(0);  // terminator
  return w.Take();
}

void AddUnwindInfo(codegen::CodeDesc* desc) {
  size_t size = desc->instructions.size();
  desc->unwind_info =
      BuildEhFrame(size, codegen::InstalledCode::UnwindInfoOffset(size), desc->frame_states);
}

size_t EhFrameFdeOffset(std::span<const uint8_t> eh_frame) {
  CHECK_GE(eh_frame.size(), 4u);
  uint32_t cie_length;
  std::memcpy(&cie_length, eh_frame.data(), sizeof(cie_length));
  return 4 + static_cast<size_t>(cie_length);
}

}  // namespace ruchy::internal::diagnostics
