// x64 instruction encodings. Facts are from the Intel SDM vol. 2 (opcode tables, ModR/M
// and SIB rules); the comments name the rule where an encoding has a special case.
#include "src/codegen/x64/assembler-x64.h"

#include <cstring>

namespace ruchy::internal::codegen {

namespace {

// spl, bpl, sil and dil exist only with a REX prefix; without one the same codes mean
// ah, ch, dh and bh.
bool NeedsRexForByteRegister(int code) { return code >= 4 && code <= 7; }

}  // namespace

const char* ConditionSuffix(Condition cc) {
  switch (cc) {
#define RUCHY_CONDITION_CASE(name, suffix) \
  case name:                               \
    return suffix;
    RUCHY_CONDITION_LIST(RUCHY_CONDITION_CASE)
#undef RUCHY_CONDITION_CASE
  }
  UNREACHABLE();
}

// ---------------------------------------------------------------------------
// Operand

void Operand::SetModRM(int mod, int rm_code) {
  buf_[0] = static_cast<uint8_t>(mod << 6 | (rm_code & 7));
  len_ = 1;
}

void Operand::SetSIB(ScaleFactor scale, int index_code, int base_code) {
  DCHECK_EQ(len_, 1);
  buf_[1] = static_cast<uint8_t>(scale << 6 | (index_code & 7) << 3 | (base_code & 7));
  len_ = 2;
}

void Operand::SetDisp8(int8_t disp) { buf_[len_++] = static_cast<uint8_t>(disp); }

void Operand::SetDisp32(int32_t disp) {
  std::memcpy(&buf_[len_], &disp, sizeof(disp));
  len_ += sizeof(disp);
}

namespace {

// The ModR/M `mod` field for a base register and displacement. mod=00 with a base whose
// low bits are 101 (rbp, r13) means RIP-relative (or no base in a SIB), so those bases
// take an explicit zero disp8.
int ModForDisplacement(Register base, int32_t disp) {
  if (disp == 0 && base.low_bits() != 5) return 0;
  return IsInt8(disp) ? 1 : 2;
}

}  // namespace

Operand::Operand(Register base, int32_t disp) {
  DCHECK(base.is_valid());
  base_code_ = static_cast<int8_t>(base.code());
  rex_ = static_cast<uint8_t>(base.high_bit());
  int mod = ModForDisplacement(base, disp);
  if (base.low_bits() == 4) {
    // rm=100 means "SIB follows" (rsp, r12): a SIB with index=100 (none) names the base.
    SetModRM(mod, 4);
    SetSIB(kTimes1, 4, base.code());
  } else {
    SetModRM(mod, base.code());
  }
  if (mod == 1) SetDisp8(static_cast<int8_t>(disp));
  if (mod == 2) SetDisp32(disp);
}

Operand::Operand(Register base, Register index, ScaleFactor scale, int32_t disp) {
  DCHECK(base.is_valid() && index.is_valid());
  // index=100 without REX.X means "no index", so rsp can never be an index (r12 can).
  CHECK(index != rsp);
  base_code_ = static_cast<int8_t>(base.code());
  index_code_ = static_cast<int8_t>(index.code());
  rex_ = static_cast<uint8_t>(index.high_bit() << 1 | base.high_bit());
  int mod = ModForDisplacement(base, disp);
  SetModRM(mod, 4);
  SetSIB(scale, index.code(), base.code());
  if (mod == 1) SetDisp8(static_cast<int8_t>(disp));
  if (mod == 2) SetDisp32(disp);
}

Operand::Operand(Register index, ScaleFactor scale, int32_t disp) {
  DCHECK(index.is_valid());
  CHECK(index != rsp);
  index_code_ = static_cast<int8_t>(index.code());
  rex_ = static_cast<uint8_t>(index.high_bit() << 1);
  // mod=00 with SIB base=101 means "no base, disp32".
  SetModRM(0, 4);
  SetSIB(scale, index.code(), 5);
  SetDisp32(disp);
}

Operand Operand::Rip(int32_t disp) {
  Operand op;
  op.SetModRM(0, 5);
  op.SetDisp32(disp);
  return op;
}

Operand::Operand(Label* label) : label_(label) {
  DCHECK(label != nullptr);
  SetModRM(0, 5);  // the displacement is emitted by the assembler
}

bool Operand::UsesRegister(Register reg) const {
  return base_code_ == reg.code() || index_code_ == reg.code();
}

// ---------------------------------------------------------------------------
// Buffer, labels, relocation

Assembler::Assembler() { buffer_.reserve(4096); }

void Assembler::emitw(uint16_t x) {
  emit(static_cast<uint8_t>(x));
  emit(static_cast<uint8_t>(x >> 8));
}

void Assembler::emitl(uint32_t x) {
  for (int i = 0; i < 4; ++i) emit(static_cast<uint8_t>(x >> (8 * i)));
}

void Assembler::emitq(uint64_t x) {
  for (int i = 0; i < 8; ++i) emit(static_cast<uint8_t>(x >> (8 * i)));
}

void Assembler::EmitImmediate(int32_t value, int size) {
  if (size == 1) {
    emit(static_cast<uint8_t>(value));
  } else if (size == 2) {
    emitw(static_cast<uint16_t>(value));
  } else {
    DCHECK_EQ(size, 4);
    emitl(static_cast<uint32_t>(value));
  }
}

void Assembler::GetCode(CodeDesc* desc) {
  if (unresolved_fixups_ != 0) FATAL("Assembler::GetCode: a label was used but never bound");
  desc->instructions = buffer_;
  desc->reloc_info = reloc_info_;
  desc->frame_states = frame_states_;
}

void Assembler::RecordRelocInfo(RelocMode mode) {
  DCHECK(mode != RelocMode::kNone);
  reloc_info_.push_back(RelocInfo{mode, static_cast<uint32_t>(pc_offset())});
}

void Assembler::RecordFrameState(FrameState state) {
  uint32_t pc = static_cast<uint32_t>(pc_offset());
  if (!frame_states_.empty() && frame_states_.back().pc_offset == pc) {
    frame_states_.back().state = state;
  } else {
    frame_states_.push_back(FrameStateChange{pc, state});
  }
}

void Assembler::EmitLabelDisplacement(Label* label, int size, int trailing) {
  int field = pc_offset();
  if (label->is_bound()) {
    int disp = label->pos() - (field + size + trailing);
    if (size == 1) {
      CHECK(IsInt8(disp));
      emit(static_cast<uint8_t>(disp));
    } else {
      emitl(static_cast<uint32_t>(disp));
    }
    return;
  }
  fixups_.push_back(
      Fixup{field, static_cast<uint8_t>(size), static_cast<uint8_t>(trailing), label->link_});
  label->link_ = static_cast<int>(fixups_.size()) - 1;
  ++unresolved_fixups_;
  for (int i = 0; i < size; ++i) emit(0);
}

void Assembler::PatchDisplacement(const Fixup& fixup, int target) {
  int disp = target - (fixup.field_pos + fixup.size + fixup.trailing);
  if (fixup.size == 1) {
    if (!IsInt8(disp)) FATAL("near (8-bit) jump to a label that is bound too far away");
    buffer_[fixup.field_pos] = static_cast<uint8_t>(disp);
  } else {
    std::memcpy(&buffer_[fixup.field_pos], &disp, sizeof(disp));
  }
}

void Assembler::bind(Label* label) {
  if (label->is_bound()) FATAL("Assembler::bind: label bound twice");
  int target = pc_offset();
  for (int i = label->link_; i >= 0; i = fixups_[i].next) {
    PatchDisplacement(fixups_[i], target);
    --unresolved_fixups_;
  }
  label->link_ = -1;
  label->pos_ = target;
}

// ---------------------------------------------------------------------------
// Prefixes and operands

void Assembler::EmitRex(bool w, int reg_code, int rm_code, bool byte_regs) {
  int rex = (w ? 8 : 0) | ((reg_code >> 3) & 1) << 2 | ((rm_code >> 3) & 1);
  if (rex != 0 || byte_regs) emit(static_cast<uint8_t>(0x40 | rex));
}

void Assembler::EmitRex(bool w, int reg_code, const Operand& op, bool byte_reg) {
  int rex = (w ? 8 : 0) | ((reg_code >> 3) & 1) << 2 | op.rex_;
  if (rex != 0 || byte_reg) emit(static_cast<uint8_t>(0x40 | rex));
}

void Assembler::EmitOperand(int reg_code, const Operand& op, int trailing) {
  DCHECK_GT(op.len_, 0);
  emit(static_cast<uint8_t>(op.buf_[0] | (reg_code & 7) << 3));
  for (int i = 1; i < op.len_; ++i) emit(op.buf_[i]);
  if (op.label_ != nullptr) EmitLabelDisplacement(op.label_, 4, trailing);
}

// ---------------------------------------------------------------------------
// Data movement

void Assembler::movq(Register dst, Register src) {
  EmitRex(true, src.code(), dst.code());
  emit(0x89);
  EmitModRM(src.code(), dst.code());
}

void Assembler::movl(Register dst, Register src) {
  EmitRex(false, src.code(), dst.code());
  emit(0x89);
  EmitModRM(src.code(), dst.code());
}

void Assembler::movq(Register dst, Operand src) {
  EmitRex(true, dst.code(), src);
  emit(0x8B);
  EmitOperand(dst.code(), src);
}

void Assembler::movl(Register dst, Operand src) {
  EmitRex(false, dst.code(), src);
  emit(0x8B);
  EmitOperand(dst.code(), src);
}

void Assembler::movq(Operand dst, Register src) {
  EmitRex(true, src.code(), dst);
  emit(0x89);
  EmitOperand(src.code(), dst);
}

void Assembler::movl(Operand dst, Register src) {
  EmitRex(false, src.code(), dst);
  emit(0x89);
  EmitOperand(src.code(), dst);
}

void Assembler::movw(Operand dst, Register src) {
  emit(0x66);  // operand-size prefix precedes REX
  EmitRex(false, src.code(), dst);
  emit(0x89);
  EmitOperand(src.code(), dst);
}

void Assembler::movb(Operand dst, Register src) {
  EmitRex(false, src.code(), dst, NeedsRexForByteRegister(src.code()));
  emit(0x88);
  EmitOperand(src.code(), dst);
}

void Assembler::movb(Register dst, Operand src) {
  EmitRex(false, dst.code(), src, NeedsRexForByteRegister(dst.code()));
  emit(0x8A);
  EmitOperand(dst.code(), src);
}

void Assembler::movq(Register dst, Immediate imm) {
  EmitRex(true, 0, dst.code());
  emit(0xC7);
  EmitModRM(0, dst.code());
  emitl(static_cast<uint32_t>(imm.value));
}

void Assembler::movq(Operand dst, Immediate imm) {
  EmitRex(true, 0, dst);
  emit(0xC7);
  EmitOperand(0, dst, 4);
  emitl(static_cast<uint32_t>(imm.value));
}

void Assembler::movl(Register dst, Immediate imm) {
  EmitRex(false, 0, dst.code());
  emit(static_cast<uint8_t>(0xB8 + dst.low_bits()));
  emitl(static_cast<uint32_t>(imm.value));
}

void Assembler::movl(Operand dst, Immediate imm) {
  EmitRex(false, 0, dst);
  emit(0xC7);
  EmitOperand(0, dst, 4);
  emitl(static_cast<uint32_t>(imm.value));
}

void Assembler::movw(Operand dst, Immediate imm) {
  DCHECK(imm.value >= INT16_MIN && imm.value <= UINT16_MAX);
  emit(0x66);
  EmitRex(false, 0, dst);
  emit(0xC7);
  EmitOperand(0, dst, 2);
  emitw(static_cast<uint16_t>(imm.value));
}

void Assembler::movb(Operand dst, Immediate imm) {
  DCHECK(IsInt8(imm.value) || IsUint8(imm.value));
  EmitRex(false, 0, dst);
  emit(0xC6);
  EmitOperand(0, dst, 1);
  emit(static_cast<uint8_t>(imm.value));
}

void Assembler::movq(Register dst, Immediate64 imm) {
  if (imm.rmode != RelocMode::kNone) {
    movabs(dst, imm);
  } else if (IsUint32(imm.value)) {
    movl(dst, Immediate(static_cast<int32_t>(static_cast<uint32_t>(imm.value))));
  } else if (IsInt32(imm.value)) {
    movq(dst, Immediate(static_cast<int32_t>(imm.value)));
  } else {
    movabs(dst, imm);
  }
}

void Assembler::movabs(Register dst, Immediate64 imm) {
  EmitRex(true, 0, dst.code());
  emit(static_cast<uint8_t>(0xB8 + dst.low_bits()));
  if (imm.rmode != RelocMode::kNone) RecordRelocInfo(imm.rmode);
  emitq(static_cast<uint64_t>(imm.value));
}

void Assembler::OpRR0F(bool w, uint8_t opcode, int reg_code, int rm_code, bool byte_rm) {
  EmitRex(w, reg_code, rm_code, byte_rm && NeedsRexForByteRegister(rm_code));
  emit(0x0F);
  emit(opcode);
  EmitModRM(reg_code, rm_code);
}

void Assembler::OpRM0F(bool w, uint8_t opcode, int reg_code, const Operand& rm) {
  EmitRex(w, reg_code, rm);
  emit(0x0F);
  emit(opcode);
  EmitOperand(reg_code, rm);
}

void Assembler::movzxbl(Register dst, Register src) {
  OpRR0F(false, 0xB6, dst.code(), src.code(), true);
}
void Assembler::movzxbl(Register dst, Operand src) { OpRM0F(false, 0xB6, dst.code(), src); }
void Assembler::movzxbq(Register dst, Register src) {
  OpRR0F(true, 0xB6, dst.code(), src.code(), true);
}
void Assembler::movzxbq(Register dst, Operand src) { OpRM0F(true, 0xB6, dst.code(), src); }
void Assembler::movzxwl(Register dst, Register src) { OpRR0F(false, 0xB7, dst.code(), src.code()); }
void Assembler::movzxwl(Register dst, Operand src) { OpRM0F(false, 0xB7, dst.code(), src); }
void Assembler::movzxwq(Register dst, Register src) { OpRR0F(true, 0xB7, dst.code(), src.code()); }
void Assembler::movzxwq(Register dst, Operand src) { OpRM0F(true, 0xB7, dst.code(), src); }
void Assembler::movsxbl(Register dst, Register src) {
  OpRR0F(false, 0xBE, dst.code(), src.code(), true);
}
void Assembler::movsxbl(Register dst, Operand src) { OpRM0F(false, 0xBE, dst.code(), src); }
void Assembler::movsxbq(Register dst, Register src) {
  OpRR0F(true, 0xBE, dst.code(), src.code(), true);
}
void Assembler::movsxbq(Register dst, Operand src) { OpRM0F(true, 0xBE, dst.code(), src); }
void Assembler::movsxwl(Register dst, Register src) { OpRR0F(false, 0xBF, dst.code(), src.code()); }
void Assembler::movsxwl(Register dst, Operand src) { OpRM0F(false, 0xBF, dst.code(), src); }
void Assembler::movsxwq(Register dst, Register src) { OpRR0F(true, 0xBF, dst.code(), src.code()); }
void Assembler::movsxwq(Register dst, Operand src) { OpRM0F(true, 0xBF, dst.code(), src); }

void Assembler::movsxlq(Register dst, Register src) {
  EmitRex(true, dst.code(), src.code());
  emit(0x63);
  EmitModRM(dst.code(), src.code());
}

void Assembler::movsxlq(Register dst, Operand src) {
  EmitRex(true, dst.code(), src);
  emit(0x63);
  EmitOperand(dst.code(), src);
}

void Assembler::leaq(Register dst, Operand src) {
  EmitRex(true, dst.code(), src);
  emit(0x8D);
  EmitOperand(dst.code(), src);
}

void Assembler::leal(Register dst, Operand src) {
  EmitRex(false, dst.code(), src);
  emit(0x8D);
  EmitOperand(dst.code(), src);
}

// push/pop default to 64-bit operands in long mode: no REX.W.
void Assembler::pushq(Register src) {
  EmitRex(false, 0, src.code());
  emit(static_cast<uint8_t>(0x50 + src.low_bits()));
}

void Assembler::pushq(Operand src) {
  EmitRex(false, 0, src);
  emit(0xFF);
  EmitOperand(6, src);
}

void Assembler::pushq(Immediate imm) {
  if (IsInt8(imm.value)) {
    emit(0x6A);
    emit(static_cast<uint8_t>(imm.value));
  } else {
    emit(0x68);
    emitl(static_cast<uint32_t>(imm.value));
  }
}

void Assembler::popq(Register dst) {
  EmitRex(false, 0, dst.code());
  emit(static_cast<uint8_t>(0x58 + dst.low_bits()));
}

void Assembler::popq(Operand dst) {
  EmitRex(false, 0, dst);
  emit(0x8F);
  EmitOperand(0, dst);
}

// ---------------------------------------------------------------------------
// Integer arithmetic and logic

void Assembler::ArithRR(int digit, bool w, Register dst, Register src) {
  EmitRex(w, src.code(), dst.code());
  emit(static_cast<uint8_t>(digit * 8 + 1));
  EmitModRM(src.code(), dst.code());
}

void Assembler::ArithRM(int digit, bool w, Register dst, const Operand& src) {
  EmitRex(w, dst.code(), src);
  emit(static_cast<uint8_t>(digit * 8 + 3));
  EmitOperand(dst.code(), src);
}

void Assembler::ArithMR(int digit, bool w, const Operand& dst, Register src) {
  EmitRex(w, src.code(), dst);
  emit(static_cast<uint8_t>(digit * 8 + 1));
  EmitOperand(src.code(), dst);
}

void Assembler::ArithRI(int digit, bool w, Register dst, Immediate imm) {
  EmitRex(w, 0, dst.code());
  if (IsInt8(imm.value)) {
    emit(0x83);
    EmitModRM(digit, dst.code());
    emit(static_cast<uint8_t>(imm.value));
  } else if (dst == rax) {
    emit(static_cast<uint8_t>(digit * 8 + 5));  // the short accumulator form
    emitl(static_cast<uint32_t>(imm.value));
  } else {
    emit(0x81);
    EmitModRM(digit, dst.code());
    emitl(static_cast<uint32_t>(imm.value));
  }
}

void Assembler::ArithMI(int digit, bool w, const Operand& dst, Immediate imm) {
  EmitRex(w, 0, dst);
  if (IsInt8(imm.value)) {
    emit(0x83);
    EmitOperand(digit, dst, 1);
    emit(static_cast<uint8_t>(imm.value));
  } else {
    emit(0x81);
    EmitOperand(digit, dst, 4);
    emitl(static_cast<uint32_t>(imm.value));
  }
}

void Assembler::cmpb(Register dst, Immediate imm) {
  DCHECK(IsInt8(imm.value) || IsUint8(imm.value));
  EmitRex(false, 0, dst.code(), NeedsRexForByteRegister(dst.code()));
  if (dst == rax) {
    emit(0x3C);
  } else {
    emit(0x80);
    EmitModRM(7, dst.code());
  }
  emit(static_cast<uint8_t>(imm.value));
}

void Assembler::cmpb(Operand dst, Immediate imm) {
  DCHECK(IsInt8(imm.value) || IsUint8(imm.value));
  EmitRex(false, 0, dst);
  emit(0x80);
  EmitOperand(7, dst, 1);
  emit(static_cast<uint8_t>(imm.value));
}

void Assembler::imulq(Register dst, Register src) { OpRR0F(true, 0xAF, dst.code(), src.code()); }
void Assembler::imull(Register dst, Register src) { OpRR0F(false, 0xAF, dst.code(), src.code()); }
void Assembler::imulq(Register dst, Operand src) { OpRM0F(true, 0xAF, dst.code(), src); }
void Assembler::imull(Register dst, Operand src) { OpRM0F(false, 0xAF, dst.code(), src); }

namespace {
constexpr uint8_t kImulImm8 = 0x6B;
constexpr uint8_t kImulImm32 = 0x69;
}  // namespace

void Assembler::imulq(Register dst, Register src, Immediate imm) {
  EmitRex(true, dst.code(), src.code());
  bool short_imm = IsInt8(imm.value);
  emit(short_imm ? kImulImm8 : kImulImm32);
  EmitModRM(dst.code(), src.code());
  EmitImmediate(imm.value, short_imm ? 1 : 4);
}

void Assembler::imull(Register dst, Register src, Immediate imm) {
  EmitRex(false, dst.code(), src.code());
  bool short_imm = IsInt8(imm.value);
  emit(short_imm ? kImulImm8 : kImulImm32);
  EmitModRM(dst.code(), src.code());
  EmitImmediate(imm.value, short_imm ? 1 : 4);
}

void Assembler::imulq(Register dst, Operand src, Immediate imm) {
  EmitRex(true, dst.code(), src);
  bool short_imm = IsInt8(imm.value);
  emit(short_imm ? kImulImm8 : kImulImm32);
  EmitOperand(dst.code(), src, short_imm ? 1 : 4);
  EmitImmediate(imm.value, short_imm ? 1 : 4);
}

void Assembler::imull(Register dst, Operand src, Immediate imm) {
  EmitRex(false, dst.code(), src);
  bool short_imm = IsInt8(imm.value);
  emit(short_imm ? kImulImm8 : kImulImm32);
  EmitOperand(dst.code(), src, short_imm ? 1 : 4);
  EmitImmediate(imm.value, short_imm ? 1 : 4);
}

void Assembler::idivq(Register src) { UnaryR(7, true, src); }
void Assembler::idivl(Register src) { UnaryR(7, false, src); }
void Assembler::idivq(Operand src) { UnaryM(7, true, src); }
void Assembler::idivl(Operand src) { UnaryM(7, false, src); }

void Assembler::cqo() {
  emit(0x48);
  emit(0x99);
}

void Assembler::cdq() { emit(0x99); }

void Assembler::UnaryR(int digit, bool w, Register dst) {
  EmitRex(w, 0, dst.code());
  emit(0xF7);
  EmitModRM(digit, dst.code());
}

void Assembler::UnaryM(int digit, bool w, const Operand& dst) {
  EmitRex(w, 0, dst);
  emit(0xF7);
  EmitOperand(digit, dst);
}

void Assembler::ShiftR(int digit, bool w, Register dst, int count) {
  EmitRex(w, 0, dst.code());
  if (count == kShiftByCl) {
    emit(0xD3);
    EmitModRM(digit, dst.code());
    return;
  }
  DCHECK(count >= 0 && count < (w ? 64 : 32));
  if (count == 1) {
    emit(0xD1);
    EmitModRM(digit, dst.code());
  } else {
    emit(0xC1);
    EmitModRM(digit, dst.code());
    emit(static_cast<uint8_t>(count));
  }
}

void Assembler::ShiftM(int digit, bool w, const Operand& dst, int count) {
  EmitRex(w, 0, dst);
  if (count == kShiftByCl) {
    emit(0xD3);
    EmitOperand(digit, dst);
    return;
  }
  DCHECK(count >= 0 && count < (w ? 64 : 32));
  if (count == 1) {
    emit(0xD1);
    EmitOperand(digit, dst);
  } else {
    emit(0xC1);
    EmitOperand(digit, dst, 1);
    emit(static_cast<uint8_t>(count));
  }
}

void Assembler::testq(Register a, Register b) {
  EmitRex(true, b.code(), a.code());
  emit(0x85);
  EmitModRM(b.code(), a.code());
}

void Assembler::testl(Register a, Register b) {
  EmitRex(false, b.code(), a.code());
  emit(0x85);
  EmitModRM(b.code(), a.code());
}

void Assembler::testq(Operand a, Register b) {
  EmitRex(true, b.code(), a);
  emit(0x85);
  EmitOperand(b.code(), a);
}

void Assembler::testl(Operand a, Register b) {
  EmitRex(false, b.code(), a);
  emit(0x85);
  EmitOperand(b.code(), a);
}

void Assembler::testq(Register a, Immediate imm) {
  EmitRex(true, 0, a.code());
  if (a == rax) {
    emit(0xA9);
  } else {
    emit(0xF7);
    EmitModRM(0, a.code());
  }
  emitl(static_cast<uint32_t>(imm.value));
}

void Assembler::testl(Register a, Immediate imm) {
  EmitRex(false, 0, a.code());
  if (a == rax) {
    emit(0xA9);
  } else {
    emit(0xF7);
    EmitModRM(0, a.code());
  }
  emitl(static_cast<uint32_t>(imm.value));
}

void Assembler::testq(Operand a, Immediate imm) {
  EmitRex(true, 0, a);
  emit(0xF7);
  EmitOperand(0, a, 4);
  emitl(static_cast<uint32_t>(imm.value));
}

void Assembler::testl(Operand a, Immediate imm) {
  EmitRex(false, 0, a);
  emit(0xF7);
  EmitOperand(0, a, 4);
  emitl(static_cast<uint32_t>(imm.value));
}

void Assembler::testb(Register a, Immediate imm) {
  DCHECK(IsInt8(imm.value) || IsUint8(imm.value));
  EmitRex(false, 0, a.code(), NeedsRexForByteRegister(a.code()));
  if (a == rax) {
    emit(0xA8);
  } else {
    emit(0xF6);
    EmitModRM(0, a.code());
  }
  emit(static_cast<uint8_t>(imm.value));
}

void Assembler::testb(Operand a, Immediate imm) {
  DCHECK(IsInt8(imm.value) || IsUint8(imm.value));
  EmitRex(false, 0, a);
  emit(0xF6);
  EmitOperand(0, a, 1);
  emit(static_cast<uint8_t>(imm.value));
}

void Assembler::setcc(Condition cc, Register dst) {
  OpRR0F(false, static_cast<uint8_t>(0x90 + cc), 0, dst.code(), true);
}

void Assembler::setcc(Condition cc, Operand dst) {
  OpRM0F(false, static_cast<uint8_t>(0x90 + cc), 0, dst);
}

void Assembler::cmovq(Condition cc, Register dst, Register src) {
  OpRR0F(true, static_cast<uint8_t>(0x40 + cc), dst.code(), src.code());
}

void Assembler::cmovl(Condition cc, Register dst, Register src) {
  OpRR0F(false, static_cast<uint8_t>(0x40 + cc), dst.code(), src.code());
}

void Assembler::cmovq(Condition cc, Register dst, Operand src) {
  OpRM0F(true, static_cast<uint8_t>(0x40 + cc), dst.code(), src);
}

void Assembler::cmovl(Condition cc, Register dst, Operand src) {
  OpRM0F(false, static_cast<uint8_t>(0x40 + cc), dst.code(), src);
}

// ---------------------------------------------------------------------------
// Control flow

namespace {
constexpr int kShortBranchSize = 2;  // 7x/EB rel8
constexpr int kJccNearSize = 6;      // 0F 8x rel32
constexpr int kJmpNearSize = 5;      // E9 rel32
}  // namespace

void Assembler::j(Condition cc, Label* target, Label::Distance distance) {
  if (target->is_bound()) {
    int offset = target->pos() - pc_offset();
    if (IsInt8(offset - kShortBranchSize)) {
      emit(static_cast<uint8_t>(0x70 + cc));
      emit(static_cast<uint8_t>(offset - kShortBranchSize));
    } else {
      emit(0x0F);
      emit(static_cast<uint8_t>(0x80 + cc));
      emitl(static_cast<uint32_t>(offset - kJccNearSize));
    }
  } else if (distance == Label::kNear) {
    emit(static_cast<uint8_t>(0x70 + cc));
    EmitLabelDisplacement(target, 1, 0);
  } else {
    emit(0x0F);
    emit(static_cast<uint8_t>(0x80 + cc));
    EmitLabelDisplacement(target, 4, 0);
  }
}

void Assembler::jmp(Label* target, Label::Distance distance) {
  if (target->is_bound()) {
    int offset = target->pos() - pc_offset();
    if (IsInt8(offset - kShortBranchSize)) {
      emit(0xEB);
      emit(static_cast<uint8_t>(offset - kShortBranchSize));
    } else {
      emit(0xE9);
      emitl(static_cast<uint32_t>(offset - kJmpNearSize));
    }
  } else if (distance == Label::kNear) {
    emit(0xEB);
    EmitLabelDisplacement(target, 1, 0);
  } else {
    emit(0xE9);
    EmitLabelDisplacement(target, 4, 0);
  }
}

void Assembler::jmp(Register target) {
  EmitRex(false, 0, target.code());
  emit(0xFF);
  EmitModRM(4, target.code());
}

void Assembler::jmp(Operand target) {
  EmitRex(false, 0, target);
  emit(0xFF);
  EmitOperand(4, target);
}

void Assembler::call(Label* target) {
  emit(0xE8);
  EmitLabelDisplacement(target, 4, 0);
}

void Assembler::call(Register target) {
  EmitRex(false, 0, target.code());
  emit(0xFF);
  EmitModRM(2, target.code());
}

void Assembler::call(Operand target) {
  EmitRex(false, 0, target);
  emit(0xFF);
  EmitOperand(2, target);
}

void Assembler::ret() { emit(0xC3); }

void Assembler::ret(int pop_bytes) {
  DCHECK(pop_bytes >= 0 && pop_bytes <= UINT16_MAX);
  if (pop_bytes == 0) {
    ret();
    return;
  }
  emit(0xC2);
  emitw(static_cast<uint16_t>(pop_bytes));
}

// ---------------------------------------------------------------------------
// Miscellaneous

void Assembler::int3() { emit(0xCC); }

void Assembler::ud2() {
  emit(0x0F);
  emit(0x0B);
}

void Assembler::nop() { emit(0x90); }

void Assembler::Nop(int bytes) {
  // The recommended multi-byte NOP sequences (Intel SDM, NOP instruction), by length.
  static constexpr uint8_t kNops[9][9] = {
      {0x90},
      {0x66, 0x90},
      {0x0F, 0x1F, 0x00},
      {0x0F, 0x1F, 0x40, 0x00},
      {0x0F, 0x1F, 0x44, 0x00, 0x00},
      {0x66, 0x0F, 0x1F, 0x44, 0x00, 0x00},
      {0x0F, 0x1F, 0x80, 0x00, 0x00, 0x00, 0x00},
      {0x0F, 0x1F, 0x84, 0x00, 0x00, 0x00, 0x00, 0x00},
      {0x66, 0x0F, 0x1F, 0x84, 0x00, 0x00, 0x00, 0x00, 0x00},
  };
  DCHECK_GE(bytes, 0);
  while (bytes > 0) {
    int chunk = bytes > 9 ? 9 : bytes;
    for (int i = 0; i < chunk; ++i) emit(kNops[chunk - 1][i]);
    bytes -= chunk;
  }
}

void Assembler::Align(int alignment) {
  DCHECK(base::IsPowerOfTwo(static_cast<uint64_t>(alignment)));
  Nop((alignment - (pc_offset() & (alignment - 1))) & (alignment - 1));
}

void Assembler::db(uint8_t value) { emit(value); }
void Assembler::dd(uint32_t value) { emitl(value); }
void Assembler::dq(uint64_t value) { emitq(value); }

}  // namespace ruchy::internal::codegen
