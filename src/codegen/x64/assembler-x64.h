// The x64 Assembler: one method per instruction form, emitting Intel-manual encodings into
// a growable buffer, with labels, RIP-relative operands and relocation entries. It knows
// nothing about the VM; VM-aware sequences live in MacroAssembler.
//
// Naming: lowercase mnemonics with an operand-size suffix where x64 has several sizes
// (q = 64, l = 32, w = 16, b = 8 bits), as in AT&T mnemonics but with Intel operand order
// (destination first). `and`, `or`, `xor`, `not` are C++ keywords, hence andq/orl/....
#ifndef RUCHY_CODEGEN_X64_ASSEMBLER_X64_H_
#define RUCHY_CODEGEN_X64_ASSEMBLER_X64_H_

#include <cstdint>
#include <vector>

#include "src/base/logging.h"
#include "src/base/macros.h"
#include "src/codegen/code-desc.h"
#include "src/codegen/label.h"
#include "src/codegen/reloc-info.h"
#include "src/codegen/x64/register-x64.h"

namespace ruchy::internal::codegen {

using Address = uintptr_t;

constexpr bool IsInt8(int64_t x) { return x >= -128 && x <= 127; }
constexpr bool IsUint8(int64_t x) { return x >= 0 && x <= 255; }
constexpr bool IsInt32(int64_t x) { return x >= INT32_MIN && x <= INT32_MAX; }
constexpr bool IsUint32(int64_t x) { return x >= 0 && x <= UINT32_MAX; }

// Condition codes in encoding order: V(enumerator, mnemonic suffix). The low bit negates.
#define RUCHY_CONDITION_LIST(V) \
  V(kOverflow, "o")             \
  V(kNoOverflow, "no")          \
  V(kBelow, "b")                \
  V(kAboveEqual, "ae")          \
  V(kEqual, "e")                \
  V(kNotEqual, "ne")            \
  V(kBelowEqual, "be")          \
  V(kAbove, "a")                \
  V(kNegative, "s")             \
  V(kPositive, "ns")            \
  V(kParityEven, "p")           \
  V(kParityOdd, "np")           \
  V(kLess, "l")                 \
  V(kGreaterEqual, "ge")        \
  V(kLessEqual, "le")           \
  V(kGreater, "g")

enum Condition : uint8_t {
#define RUCHY_CONDITION_ENUM(name, suffix) name,
  RUCHY_CONDITION_LIST(RUCHY_CONDITION_ENUM)
#undef RUCHY_CONDITION_ENUM
};

// Aliases that read better after `test` or unsigned compares.
constexpr Condition kZero = kEqual;
constexpr Condition kNotZero = kNotEqual;
constexpr Condition kCarry = kBelow;
constexpr Condition kNotCarry = kAboveEqual;

constexpr int kNumConditions = 16;
constexpr Condition NegateCondition(Condition cc) { return static_cast<Condition>(cc ^ 1); }
const char* ConditionSuffix(Condition cc);

enum ScaleFactor : uint8_t { kTimes1 = 0, kTimes2 = 1, kTimes4 = 2, kTimes8 = 3 };

// roundsd's immediate: the rounding control in bits 0-1 (nearest-even, down, up, toward
// zero); bit 2 clear so the immediate, not MXCSR, decides; bit 3 suppresses the precision
// exception, as a language rounding function wants.
enum class RoundingMode : uint8_t { kToNearest = 0x8, kDown = 0x9, kUp = 0xA, kToZero = 0xB };

// A memory operand: [base + disp], [base + index*scale + disp], [index*scale + disp] or
// [rip + disp]. Encoded once at construction into ModR/M (without its reg field), SIB and
// displacement bytes, plus the REX.X/REX.B bits they need.
class Operand {
 public:
  // [base + disp]
  Operand(Register base, int32_t disp);
  // [base + index*scale + disp]; index may not be rsp (that encoding means "no index").
  Operand(Register base, Register index, ScaleFactor scale, int32_t disp = 0);
  // [index*scale + disp32], no base.
  Operand(Register index, ScaleFactor scale, int32_t disp);
  // [rip + disp]: disp counts from the end of the instruction, as the hardware does.
  static Operand Rip(int32_t disp);
  // [rip + label]: the displacement is resolved when both are known.
  explicit Operand(Label* label);

  bool is_rip_relative() const { return (buf_[0] & 0xC7) == 0x05; }
  // Whether computing the address reads `reg` (as base or index).
  bool UsesRegister(Register reg) const;

 private:
  friend class Assembler;
  Operand() = default;
  void SetModRM(int mod, int rm_code);
  void SetSIB(ScaleFactor scale, int index_code, int base_code);
  void SetDisp8(int8_t disp);
  void SetDisp32(int32_t disp);

  uint8_t rex_ = 0;                      // REX.X and REX.B bits
  uint8_t len_ = 0;                      // bytes used in buf_
  uint8_t buf_[6] = {0, 0, 0, 0, 0, 0};  // ModR/M, optional SIB, displacement
  int8_t base_code_ = -1;
  int8_t index_code_ = -1;
  Label* label_ = nullptr;  // for [rip + label]
};

struct Immediate {
  constexpr explicit Immediate(int32_t v) : value(v) {}
  int32_t value;
};

// A 64-bit immediate; with a relocation mode it is always emitted as a full 8-byte slot
// and recorded, so the GC or a serializer can find it.
struct Immediate64 {
  constexpr explicit Immediate64(int64_t v, RelocMode mode = RelocMode::kNone)
      : value(v), rmode(mode) {}
  int64_t value;
  RelocMode rmode;
};

// Arithmetic group with the same encodings: V(64-bit name, 32-bit name, /digit of the
// immediate opcodes 0x81/0x83). The register forms use opcode digit*8+1 (r/m, r).
// Names are spelled out because `and`/`or`/`xor` are operators to the preprocessor.
#define RUCHY_ARITH_OP_LIST(V) \
  V(addq, addl, 0)             \
  V(orq, orl, 1)               \
  V(andq, andl, 4)             \
  V(subq, subl, 5)             \
  V(xorq, xorl, 6)             \
  V(cmpq, cmpl, 7)

// Shifts: V(64-bit name, 32-bit name, /digit of opcodes 0xC1/0xD1/0xD3).
#define RUCHY_SHIFT_OP_LIST(V) \
  V(shlq, shll, 4)             \
  V(shrq, shrl, 5)             \
  V(sarq, sarl, 7)

// Unary group 3 (opcode 0xF7): V(64-bit name, 32-bit name, /digit).
#define RUCHY_UNARY_OP_LIST(V) \
  V(notq, notl, 2)             \
  V(negq, negl, 3)

// Scalar SSE2 arithmetic of the form `op xmm, xmm/m64`: V(name, mandatory prefix, opcode).
#define RUCHY_SSE_BINOP_LIST(V) \
  V(addsd, 0xF2, 0x58)          \
  V(mulsd, 0xF2, 0x59)          \
  V(subsd, 0xF2, 0x5C)          \
  V(divsd, 0xF2, 0x5E)          \
  V(sqrtsd, 0xF2, 0x51)         \
  V(ucomisd, 0x66, 0x2E)        \
  V(andpd, 0x66, 0x54)          \
  V(xorpd, 0x66, 0x57)

class Assembler {
 public:
  Assembler();
  virtual ~Assembler() = default;
  RUCHY_DISALLOW_COPY_AND_ASSIGN(Assembler);

  int pc_offset() const { return static_cast<int>(buffer_.size()); }
  const uint8_t* buffer_start() const { return buffer_.data(); }

  // Hands out the finished code. Every label that was used must be bound.
  void GetCode(CodeDesc* desc);

  // ---- Labels
  void bind(Label* label);

  // ---- Data movement
  void movq(Register dst, Register src);
  void movl(Register dst, Register src);
  void movq(Register dst, Operand src);
  void movl(Register dst, Operand src);
  void movq(Operand dst, Register src);
  void movl(Operand dst, Register src);
  void movw(Operand dst, Register src);
  void movb(Operand dst, Register src);
  void movb(Register dst, Operand src);
  // 32-bit immediate sign-extended to 64 bits (REX.W C7 /0).
  void movq(Register dst, Immediate imm);
  void movq(Operand dst, Immediate imm);
  // B8+r: writes the 32-bit value and zero-extends.
  void movl(Register dst, Immediate imm);
  void movl(Operand dst, Immediate imm);
  void movw(Operand dst, Immediate imm);
  void movb(Operand dst, Immediate imm);
  // The shortest encoding for the value, or `movabs` when it carries a relocation.
  void movq(Register dst, Immediate64 imm);
  // Always REX.W B8+r with an 8-byte immediate.
  void movabs(Register dst, Immediate64 imm);

  // Zero/sign extension: movzx/movsx from byte (b) or word (w) into 32 (l) or 64 (q)
  // bits, and movsxlq (movsxd) from 32 to 64 bits.
  void movzxbl(Register dst, Register src);
  void movzxbl(Register dst, Operand src);
  void movzxbq(Register dst, Register src);
  void movzxbq(Register dst, Operand src);
  void movzxwl(Register dst, Register src);
  void movzxwl(Register dst, Operand src);
  void movzxwq(Register dst, Register src);
  void movzxwq(Register dst, Operand src);
  void movsxbl(Register dst, Register src);
  void movsxbl(Register dst, Operand src);
  void movsxbq(Register dst, Register src);
  void movsxbq(Register dst, Operand src);
  void movsxwl(Register dst, Register src);
  void movsxwl(Register dst, Operand src);
  void movsxwq(Register dst, Register src);
  void movsxwq(Register dst, Operand src);
  void movsxlq(Register dst, Register src);
  void movsxlq(Register dst, Operand src);

  void leaq(Register dst, Operand src);
  void leal(Register dst, Operand src);

  void pushq(Register src);
  void pushq(Operand src);
  void pushq(Immediate imm);
  void popq(Register dst);
  void popq(Operand dst);

  // ---- Integer arithmetic and logic
#define RUCHY_DECLARE_ARITH(qname, lname, digit)                               \
  void qname(Register dst, Register src) { ArithRR(digit, true, dst, src); }   \
  void lname(Register dst, Register src) { ArithRR(digit, false, dst, src); }  \
  void qname(Register dst, Operand src) { ArithRM(digit, true, dst, src); }    \
  void lname(Register dst, Operand src) { ArithRM(digit, false, dst, src); }   \
  void qname(Operand dst, Register src) { ArithMR(digit, true, dst, src); }    \
  void lname(Operand dst, Register src) { ArithMR(digit, false, dst, src); }   \
  void qname(Register dst, Immediate imm) { ArithRI(digit, true, dst, imm); }  \
  void lname(Register dst, Immediate imm) { ArithRI(digit, false, dst, imm); } \
  void qname(Operand dst, Immediate imm) { ArithMI(digit, true, dst, imm); }   \
  void lname(Operand dst, Immediate imm) { ArithMI(digit, false, dst, imm); }
  RUCHY_ARITH_OP_LIST(RUCHY_DECLARE_ARITH)
#undef RUCHY_DECLARE_ARITH
  void cmpb(Register dst, Immediate imm);
  void cmpb(Operand dst, Immediate imm);

  void imulq(Register dst, Register src);
  void imull(Register dst, Register src);
  void imulq(Register dst, Operand src);
  void imull(Register dst, Operand src);
  void imulq(Register dst, Register src, Immediate imm);
  void imull(Register dst, Register src, Immediate imm);
  void imulq(Register dst, Operand src, Immediate imm);
  void imull(Register dst, Operand src, Immediate imm);
  // Signed divide of rdx:rax (edx:eax); quotient in rax, remainder in rdx.
  void idivq(Register src);
  void idivl(Register src);
  void idivq(Operand src);
  void idivl(Operand src);
  void cqo();  // sign-extend rax into rdx
  void cdq();  // sign-extend eax into edx

#define RUCHY_DECLARE_UNARY(qname, lname, digit)          \
  void qname(Register dst) { UnaryR(digit, true, dst); }  \
  void lname(Register dst) { UnaryR(digit, false, dst); } \
  void qname(Operand dst) { UnaryM(digit, true, dst); }   \
  void lname(Operand dst) { UnaryM(digit, false, dst); }
  RUCHY_UNARY_OP_LIST(RUCHY_DECLARE_UNARY)
#undef RUCHY_DECLARE_UNARY

  // Shift by an immediate count (0-63 for q, 0-31 for l) or by cl (`_cl` forms).
#define RUCHY_DECLARE_SHIFT(qname, lname, digit)                            \
  void qname(Register dst, int count) { ShiftR(digit, true, dst, count); }  \
  void lname(Register dst, int count) { ShiftR(digit, false, dst, count); } \
  void qname(Operand dst, int count) { ShiftM(digit, true, dst, count); }   \
  void lname(Operand dst, int count) { ShiftM(digit, false, dst, count); }  \
  void qname##_cl(Register dst) { ShiftR(digit, true, dst, kShiftByCl); }   \
  void lname##_cl(Register dst) { ShiftR(digit, false, dst, kShiftByCl); }  \
  void qname##_cl(Operand dst) { ShiftM(digit, true, dst, kShiftByCl); }    \
  void lname##_cl(Operand dst) { ShiftM(digit, false, dst, kShiftByCl); }
  RUCHY_SHIFT_OP_LIST(RUCHY_DECLARE_SHIFT)
#undef RUCHY_DECLARE_SHIFT

  void testq(Register a, Register b);
  void testl(Register a, Register b);
  void testq(Operand a, Register b);
  void testl(Operand a, Register b);
  void testq(Register a, Immediate imm);
  void testl(Register a, Immediate imm);
  void testq(Operand a, Immediate imm);
  void testl(Operand a, Immediate imm);
  void testb(Register a, Immediate imm);
  void testb(Operand a, Immediate imm);

  // setcc writes the low byte of `dst`; spl/bpl/sil/dil get the REX prefix they need.
  void setcc(Condition cc, Register dst);
  void setcc(Condition cc, Operand dst);
  void cmovq(Condition cc, Register dst, Register src);
  void cmovl(Condition cc, Register dst, Register src);
  void cmovq(Condition cc, Register dst, Operand src);
  void cmovl(Condition cc, Register dst, Operand src);

  // ---- Control flow
  void j(Condition cc, Label* target, Label::Distance distance = Label::kFar);
  void jmp(Label* target, Label::Distance distance = Label::kFar);
  void jmp(Register target);
  void jmp(Operand target);
  void call(Label* target);
  void call(Register target);
  void call(Operand target);
  void ret();
  void ret(int pop_bytes);

  // ---- Scalar double (SSE2/SSE4.1)
  void movsd(XMMRegister dst, XMMRegister src);
  void movsd(XMMRegister dst, Operand src);
  void movsd(Operand dst, XMMRegister src);
  void movq(XMMRegister dst, Register src);
  void movq(Register dst, XMMRegister src);
  void movapd(XMMRegister dst, XMMRegister src);
#define RUCHY_DECLARE_SSE_BINOP(name, prefix, opcode)                                            \
  void name(XMMRegister dst, XMMRegister src) { SseRR(prefix, opcode, dst.code(), src.code()); } \
  void name(XMMRegister dst, Operand src) { SseRM(prefix, opcode, dst.code(), src); }
  RUCHY_SSE_BINOP_LIST(RUCHY_DECLARE_SSE_BINOP)
#undef RUCHY_DECLARE_SSE_BINOP
  // Integer to double: from 64 (q) or 32 (l) bits.
  void cvtqsi2sd(XMMRegister dst, Register src);
  void cvtqsi2sd(XMMRegister dst, Operand src);
  void cvtlsi2sd(XMMRegister dst, Register src);
  void cvtlsi2sd(XMMRegister dst, Operand src);
  // Double to integer, truncating; out-of-range gives the "integer indefinite" value
  // (INT64_MIN / INT32_MIN).
  void cvttsd2siq(Register dst, XMMRegister src);
  void cvttsd2siq(Register dst, Operand src);
  void cvttsd2sil(Register dst, XMMRegister src);
  void cvttsd2sil(Register dst, Operand src);
  void roundsd(XMMRegister dst, XMMRegister src, RoundingMode mode);
  void roundsd(XMMRegister dst, Operand src, RoundingMode mode);

  // ---- Miscellaneous
  void int3();
  void ud2();
  void nop();
  // `bytes` of padding as few multi-byte nops as possible.
  void Nop(int bytes);
  // Pads with nops until pc_offset() is a multiple of `alignment` (a power of two).
  void Align(int alignment);
  // Raw data in the instruction stream (constants read through [rip + label]).
  void db(uint8_t value);
  void dd(uint32_t value);
  void dq(uint64_t value);

 protected:
  // Records the frame-state change for unwinders (used by MacroAssembler frame helpers).
  void RecordFrameState(FrameState state);
  void RecordRelocInfo(RelocMode mode);

 private:
  static constexpr int kShiftByCl = -1;

  struct Fixup {
    int32_t field_pos;  // offset of the displacement field
    uint8_t size;       // 1 or 4 bytes
    uint8_t trailing;   // instruction bytes after the field (immediates)
    int32_t next;       // previous unresolved use of the same label, or -1
  };

  void emit(uint8_t x) { buffer_.push_back(x); }
  void emitw(uint16_t x);
  void emitl(uint32_t x);
  void emitq(uint64_t x);
  void EmitImmediate(int32_t value, int size);

  // REX prefix for a reg/reg form: W, R (from reg), B (from rm). Emitted only when a bit
  // is set or `byte_regs` names spl/bpl/sil/dil, which need an empty REX to exist.
  void EmitRex(bool w, int reg_code, int rm_code, bool byte_regs = false);
  void EmitRex(bool w, int reg_code, const Operand& op, bool byte_reg = false);
  void EmitModRM(int reg_code, int rm_code) {
    emit(static_cast<uint8_t>(0xC0 | (reg_code & 7) << 3 | (rm_code & 7)));
  }
  // ModR/M (with `reg_code` in the reg field), SIB and displacement; `trailing` is the
  // number of immediate bytes that follow, which RIP-relative displacements count.
  void EmitOperand(int reg_code, const Operand& op, int trailing = 0);

  void ArithRR(int digit, bool w, Register dst, Register src);
  void ArithRM(int digit, bool w, Register dst, const Operand& src);
  void ArithMR(int digit, bool w, const Operand& dst, Register src);
  void ArithRI(int digit, bool w, Register dst, Immediate imm);
  void ArithMI(int digit, bool w, const Operand& dst, Immediate imm);
  void UnaryR(int digit, bool w, Register dst);
  void UnaryM(int digit, bool w, const Operand& dst);
  void ShiftR(int digit, bool w, Register dst, int count);
  void ShiftM(int digit, bool w, const Operand& dst, int count);
  // Two-byte-opcode (0F xx) forms: `reg, r/m`.
  void OpRR0F(bool w, uint8_t opcode, int reg_code, int rm_code, bool byte_rm = false);
  void OpRM0F(bool w, uint8_t opcode, int reg_code, const Operand& rm);
  void SseRR(uint8_t prefix, uint8_t opcode, int reg_code, int rm_code, bool w = false);
  void SseRM(uint8_t prefix, uint8_t opcode, int reg_code, const Operand& rm, bool w = false,
             int trailing = 0);

  // A label reference at the current position: `size`-byte displacement field followed
  // by `trailing` bytes; resolved now if bound, else queued on the label.
  void EmitLabelDisplacement(Label* label, int size, int trailing);
  void PatchDisplacement(const Fixup& fixup, int target);

  std::vector<uint8_t> buffer_;
  std::vector<RelocInfo> reloc_info_;
  std::vector<FrameStateChange> frame_states_;
  std::vector<Fixup> fixups_;
  int unresolved_fixups_ = 0;
};

}  // namespace ruchy::internal::codegen

#endif  // RUCHY_CODEGEN_X64_ASSEMBLER_X64_H_
