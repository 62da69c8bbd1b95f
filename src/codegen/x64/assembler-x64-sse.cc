// x64 scalar-double encodings (SSE2, and SSE4.1 for roundsd), from the Intel SDM vol. 2.
#include "src/codegen/x64/assembler-x64.h"

namespace ruchy::internal::codegen {

// Scalar double. Mandatory prefixes (66/F2/F3) come before REX, REX right before 0F.

void Assembler::SseRR(uint8_t prefix, uint8_t opcode, int reg_code, int rm_code, bool w) {
  if (prefix != 0) emit(prefix);
  EmitRex(w, reg_code, rm_code);
  emit(0x0F);
  emit(opcode);
  EmitModRM(reg_code, rm_code);
}

void Assembler::SseRM(uint8_t prefix, uint8_t opcode, int reg_code, const Operand& rm, bool w,
                      int trailing) {
  if (prefix != 0) emit(prefix);
  EmitRex(w, reg_code, rm);
  emit(0x0F);
  emit(opcode);
  EmitOperand(reg_code, rm, trailing);
}

void Assembler::movsd(XMMRegister dst, XMMRegister src) {
  SseRR(0xF2, 0x10, dst.code(), src.code());
}
void Assembler::movsd(XMMRegister dst, Operand src) { SseRM(0xF2, 0x10, dst.code(), src); }
void Assembler::movsd(Operand dst, XMMRegister src) { SseRM(0xF2, 0x11, src.code(), dst); }
void Assembler::movq(XMMRegister dst, Register src) {
  SseRR(0x66, 0x6E, dst.code(), src.code(), true);
}
void Assembler::movq(Register dst, XMMRegister src) {
  SseRR(0x66, 0x7E, src.code(), dst.code(), true);
}
void Assembler::movapd(XMMRegister dst, XMMRegister src) {
  SseRR(0x66, 0x28, dst.code(), src.code());
}
void Assembler::cvtqsi2sd(XMMRegister dst, Register src) {
  SseRR(0xF2, 0x2A, dst.code(), src.code(), true);
}
void Assembler::cvtqsi2sd(XMMRegister dst, Operand src) {
  SseRM(0xF2, 0x2A, dst.code(), src, true);
}
void Assembler::cvtlsi2sd(XMMRegister dst, Register src) {
  SseRR(0xF2, 0x2A, dst.code(), src.code());
}
void Assembler::cvtlsi2sd(XMMRegister dst, Operand src) { SseRM(0xF2, 0x2A, dst.code(), src); }
void Assembler::cvttsd2siq(Register dst, XMMRegister src) {
  SseRR(0xF2, 0x2C, dst.code(), src.code(), true);
}
void Assembler::cvttsd2siq(Register dst, Operand src) { SseRM(0xF2, 0x2C, dst.code(), src, true); }
void Assembler::cvttsd2sil(Register dst, XMMRegister src) {
  SseRR(0xF2, 0x2C, dst.code(), src.code());
}
void Assembler::cvttsd2sil(Register dst, Operand src) { SseRM(0xF2, 0x2C, dst.code(), src); }

// roundsd is SSE4.1: 66 0F 3A 0B /r ib.
void Assembler::roundsd(XMMRegister dst, XMMRegister src, RoundingMode mode) {
  emit(0x66);
  EmitRex(false, dst.code(), src.code());
  emit(0x0F);
  emit(0x3A);
  emit(0x0B);
  EmitModRM(dst.code(), src.code());
  emit(static_cast<uint8_t>(mode));
}

void Assembler::roundsd(XMMRegister dst, Operand src, RoundingMode mode) {
  emit(0x66);
  EmitRex(false, dst.code(), src);
  emit(0x0F);
  emit(0x3A);
  emit(0x0B);
  EmitOperand(dst.code(), src, 1);
  emit(static_cast<uint8_t>(mode));
}

}  // namespace ruchy::internal::codegen
