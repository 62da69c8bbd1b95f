// The bytecode set: one X-macro list carries every bytecode's accumulator use and operand
// types; names, sizes, the printer, the verifier and (later) dispatch tables and the
// baseline compiler are all expanded from it.
#ifndef RUCHY_INTERPRETER_BYTECODES_H_
#define RUCHY_INTERPRETER_BYTECODES_H_

#include <cstddef>
#include <cstdint>
#include <ostream>

#include "src/base/logging.h"

namespace ruchy::internal::interpreter {

// Operand types: V(Name, base size in bytes at single scale, scalable by Wide/ExtraWide).
//   Reg      a register read by the bytecode (signed: parameters are negative)
//   RegOut   a register written by the bytecode
//   RegList  the first of RegCount consecutive registers read by the bytecode
//   RegCount the length of the preceding RegList
//   Idx      unsigned index: constant pool entry, feedback slot, context slot
//   UImm     unsigned immediate: jump offsets, context depths
//   Imm      signed immediate
//   Flag8    8-bit flags, never scaled
//   RuntimeId 16-bit runtime function id, never scaled
#define RUCHY_OPERAND_TYPE_LIST(V) \
  V(Reg, 1, true)                  \
  V(RegOut, 1, true)               \
  V(RegList, 1, true)              \
  V(RegCount, 1, true)             \
  V(Idx, 1, true)                  \
  V(UImm, 1, true)                 \
  V(Imm, 1, true)                  \
  V(Flag8, 1, false)               \
  V(RuntimeId, 2, false)

enum class OperandType : uint8_t {
#define RUCHY_OPERAND_TYPE_ENUM(Name, size, scalable) k##Name,
  RUCHY_OPERAND_TYPE_LIST(RUCHY_OPERAND_TYPE_ENUM)
#undef RUCHY_OPERAND_TYPE_ENUM
};

enum class AccumulatorUse : uint8_t { kNone = 0, kRead = 1, kWrite = 2, kReadWrite = 3 };

// Operand scale chosen by the prefix before a bytecode: none, Wide or ExtraWide.
enum class OperandScale : uint8_t { kSingle = 1, kDouble = 2, kQuadruple = 4 };

// The bytecodes. V(Name, AccumulatorUse, OperandType...).
// Conventions: binary operators and comparisons compute `reg OP acc` into the accumulator
// (their *Rhs forms `acc OP reg`, their *Smi forms `acc OP imm`);
// every IC-bearing bytecode ends with its feedback slot (Idx). Jump offsets are unsigned
// and relative to the jump's own first byte (prefix included); JumpLoop jumps backwards.
// Order constraint: Wide and ExtraWide must stay first (the prefixes are 0 and 1), and the
// jump bytecodes stay contiguous from Jump to JumpIfForInDone (IsJump tests a range).
#define RUCHY_BYTECODE_LIST(V)                                                      \
  /* Operand-size prefixes */                                                       \
  V(Wide, kNone)                                                                    \
  V(ExtraWide, kNone)                                                               \
                                                                                    \
  /* Jumps (contiguous; the offset is always the first operand) */                  \
  V(Jump, kNone, kUImm)                                                             \
  V(JumpLoop, kNone, kUImm, kImm, kIdx)                                             \
  /* Star reg; JumpLoop (a loop variable's update at the end of the body) */        \
  V(JumpLoopAfterStar, kRead, kUImm, kImm, kIdx, kRegOut)                           \
  V(JumpIfTrue, kRead, kUImm)                                                       \
  V(JumpIfFalse, kRead, kUImm)                                                      \
  V(JumpIfToBooleanTrue, kRead, kUImm)                                              \
  V(JumpIfToBooleanFalse, kRead, kUImm)                                             \
  V(JumpIfNil, kRead, kUImm)                                                        \
  V(JumpIfNotNil, kRead, kUImm)                                                     \
  V(JumpIfNotHole, kRead, kUImm)                                                    \
  /* jumps when acc is the very same value as reg (identity, not equality) */       \
  V(JumpIfSame, kRead, kUImm, kReg)                                                 \
  /* for-in step: reg holds the iterable, reg+1 the next index; jumps when done,    \
     else acc = the element and the index advances */                               \
  V(JumpIfForInDone, kWrite, kUImm, kReg)                                           \
                                                                                    \
  /* Loading constants into the accumulator */                                      \
  V(LdaZero, kWrite)                                                                \
  V(LdaSmi, kWrite, kImm)                                                           \
  V(LdaNil, kWrite)                                                                 \
  V(LdaTrue, kWrite)                                                                \
  V(LdaFalse, kWrite)                                                               \
  V(LdaTheHole, kWrite)                                                             \
  V(LdaConstant, kWrite, kIdx)                                                      \
  /* The load, then Star reg (the peephole's fusion of the pair): acc and reg both  \
     hold the value. LdaZero; Star is LdaSmiStar reg, 0. */                         \
  V(LdaSmiStar, kWrite, kRegOut, kImm)                                              \
  V(LdaNilStar, kWrite, kRegOut)                                                    \
  V(LdaConstantStar, kWrite, kRegOut, kIdx)                                         \
                                                                                    \
  /* Registers */                                                                   \
  V(Ldar, kWrite, kReg)                                                             \
  V(Star, kRead, kRegOut)                                                           \
  V(Mov, kNone, kReg, kRegOut)                                                      \
  /* Mov and Star that mark the value shared (a second reference to a container) */ \
  V(MovShared, kNone, kReg, kRegOut)                                                \
  V(StarShared, kRead, kRegOut)                                                     \
                                                                                    \
  /* Globals: global cell index */                                                  \
  V(LdaGlobal, kWrite, kIdx)                                                        \
  V(StaGlobal, kRead, kIdx)                                                         \
                                                                                    \
  /* Context slots: slot index, depth up the context chain from the current one */  \
  V(LdaContextSlot, kWrite, kIdx, kUImm)                                            \
  V(StaContextSlot, kRead, kIdx, kUImm)                                             \
  V(LdaCurrentContextSlot, kWrite, kIdx)                                            \
  V(StaCurrentContextSlot, kRead, kIdx)                                             \
  /* acc = a new context of n slots whose previous is the current context */        \
  V(CreateContext, kWrite, kUImm)                                                   \
  /* reg = current context; current context = acc */                                \
  V(PushContext, kRead, kRegOut)                                                    \
  /* current context = reg */                                                       \
  V(PopContext, kNone, kReg)                                                        \
  V(LdaCurrentContext, kWrite)                                                      \
                                                                                    \
  /* Binary operators: acc = reg OP acc, with a feedback slot */                    \
  V(Add, kReadWrite, kReg, kIdx)                                                    \
  V(Sub, kReadWrite, kReg, kIdx)                                                    \
  V(Mul, kReadWrite, kReg, kIdx)                                                    \
  V(Div, kReadWrite, kReg, kIdx)                                                    \
  V(Mod, kReadWrite, kReg, kIdx)                                                    \
  V(Exp, kReadWrite, kReg, kIdx)                                                    \
  V(BitwiseOr, kReadWrite, kReg, kIdx)                                              \
  V(BitwiseXor, kReadWrite, kReg, kIdx)                                             \
  V(BitwiseAnd, kReadWrite, kReg, kIdx)                                             \
  V(ShiftLeft, kReadWrite, kReg, kIdx)                                              \
  V(ShiftRight, kReadWrite, kReg, kIdx)                                             \
  /* Binary operators with the register on the right: acc = acc OP reg */           \
  V(AddRhs, kReadWrite, kReg, kIdx)                                                 \
  V(SubRhs, kReadWrite, kReg, kIdx)                                                 \
  V(MulRhs, kReadWrite, kReg, kIdx)                                                 \
  V(DivRhs, kReadWrite, kReg, kIdx)                                                 \
  V(ModRhs, kReadWrite, kReg, kIdx)                                                 \
  /* Binary operators with a small-integer immediate: acc = acc OP imm */           \
  V(AddSmi, kReadWrite, kImm, kIdx)                                                 \
  V(SubSmi, kReadWrite, kImm, kIdx)                                                 \
  V(MulSmi, kReadWrite, kImm, kIdx)                                                 \
  V(DivSmi, kReadWrite, kImm, kIdx)                                                 \
  V(ModSmi, kReadWrite, kImm, kIdx)                                                 \
  V(BitwiseAndSmi, kReadWrite, kImm, kIdx)                                          \
  V(ShiftLeftSmi, kReadWrite, kImm, kIdx)                                           \
  V(ShiftRightSmi, kReadWrite, kImm, kIdx)                                          \
                                                                                    \
  /* The same with the left operand in a register (a fused Ldar): acc = reg OP reg  \
     and acc = reg OP imm */                                                        \
  V(AddRegs, kWrite, kReg, kReg, kIdx)                                              \
  V(SubRegs, kWrite, kReg, kReg, kIdx)                                              \
  V(MulRegs, kWrite, kReg, kReg, kIdx)                                              \
  V(DivRegs, kWrite, kReg, kReg, kIdx)                                              \
  V(ModRegs, kWrite, kReg, kReg, kIdx)                                              \
  V(AddRegSmi, kWrite, kReg, kImm, kIdx)                                            \
  V(SubRegSmi, kWrite, kReg, kImm, kIdx)                                            \
  V(MulRegSmi, kWrite, kReg, kImm, kIdx)                                            \
  V(DivRegSmi, kWrite, kReg, kImm, kIdx)                                            \
  V(ModRegSmi, kWrite, kReg, kImm, kIdx)                                            \
                                                                                    \
  /* Unary operators */                                                             \
  V(Negate, kReadWrite, kIdx)                                                       \
  V(BitwiseNot, kReadWrite, kIdx)                                                   \
  V(LogicalNot, kReadWrite)                                                         \
  /* acc as f64 / f32, and acc as a 64-bit integer type; Idx: the type name (a      \
     constant string) for the general conversion and its errors */                  \
  V(CastToFloat, kReadWrite, kIdx)                                                  \
  V(CastToInt64, kReadWrite, kIdx)                                                  \
                                                                                    \
  /* Comparisons: acc = reg CMP acc, with a feedback slot */                        \
  V(TestEqual, kReadWrite, kReg, kIdx)                                              \
  V(TestNotEqual, kReadWrite, kReg, kIdx)                                           \
  V(TestLessThan, kReadWrite, kReg, kIdx)                                           \
  V(TestGreaterThan, kReadWrite, kReg, kIdx)                                        \
  V(TestLessThanOrEqual, kReadWrite, kReg, kIdx)                                    \
  V(TestGreaterThanOrEqual, kReadWrite, kReg, kIdx)                                 \
  /* acc = acc CMP reg (equality is symmetric: TestEqual serves both orders) */     \
  V(TestLessThanRhs, kReadWrite, kReg, kIdx)                                        \
  V(TestGreaterThanRhs, kReadWrite, kReg, kIdx)                                     \
  V(TestLessThanOrEqualRhs, kReadWrite, kReg, kIdx)                                 \
  V(TestGreaterThanOrEqualRhs, kReadWrite, kReg, kIdx)                              \
  /* acc = acc CMP imm */                                                           \
  V(TestEqualSmi, kReadWrite, kImm, kIdx)                                           \
  V(TestNotEqualSmi, kReadWrite, kImm, kIdx)                                        \
  V(TestLessThanSmi, kReadWrite, kImm, kIdx)                                        \
  V(TestGreaterThanSmi, kReadWrite, kImm, kIdx)                                     \
  V(TestLessThanOrEqualSmi, kReadWrite, kImm, kIdx)                                 \
  V(TestGreaterThanOrEqualSmi, kReadWrite, kImm, kIdx)                              \
  /* reg CMP reg and reg CMP imm (a fused Ldar) */                                  \
  V(TestEqualRegs, kWrite, kReg, kReg, kIdx)                                        \
  V(TestNotEqualRegs, kWrite, kReg, kReg, kIdx)                                     \
  V(TestLessThanRegs, kWrite, kReg, kReg, kIdx)                                     \
  V(TestGreaterThanRegs, kWrite, kReg, kReg, kIdx)                                  \
  V(TestLessThanOrEqualRegs, kWrite, kReg, kReg, kIdx)                              \
  V(TestGreaterThanOrEqualRegs, kWrite, kReg, kReg, kIdx)                           \
  V(TestEqualRegSmi, kWrite, kReg, kImm, kIdx)                                      \
  V(TestNotEqualRegSmi, kWrite, kReg, kImm, kIdx)                                   \
  V(TestLessThanRegSmi, kWrite, kReg, kImm, kIdx)                                   \
  V(TestGreaterThanRegSmi, kWrite, kReg, kImm, kIdx)                                \
  V(TestLessThanOrEqualRegSmi, kWrite, kReg, kImm, kIdx)                            \
  V(TestGreaterThanOrEqualRegSmi, kWrite, kReg, kImm, kIdx)                         \
                                                                                    \
  /* Containers and copy-on-write */                                                \
  V(CreateArray, kWrite, kRegList, kRegCount)                                       \
  V(CreateTuple, kWrite, kRegList, kRegCount)                                       \
  /* key/value register pairs */                                                    \
  V(CreateMap, kWrite, kRegList, kRegCount)                                         \
  /* acc = reg..acc (flag 1: inclusive) */                                          \
  V(CreateRange, kReadWrite, kReg, kFlag8)                                          \
  /* marks acc shared (a duplicated reference to a container) */                    \
  V(Share, kReadWrite)                                                              \
                                                                                    \
  /* Fields and elements. Loads of a place being updated skip the shared mark;      \
     stores may replace the container in reg by its copy-on-write copy. */          \
  V(GetNamedProperty, kWrite, kReg, kIdx, kIdx)                                     \
  V(GetNamedPropertyForUpdate, kWrite, kReg, kIdx, kIdx)                            \
  /* acc = acc.name: a member of a computed value (a[i].x, f().x) */                \
  V(GetNamedPropertyAcc, kReadWrite, kIdx, kIdx)                                    \
  V(SetNamedProperty, kRead, kReg, kIdx, kIdx)                                      \
  V(GetKeyedProperty, kReadWrite, kReg, kIdx)                                       \
  V(GetKeyedPropertyForUpdate, kReadWrite, kReg, kIdx)                              \
  /* acc = reg0[reg1]: Ldar reg1; GetKeyedProperty reg0 fused */                    \
  V(GetKeyedPropertyReg, kWrite, kReg, kReg, kIdx)                                  \
  V(SetKeyedProperty, kRead, kReg, kReg, kIdx)                                      \
  /* reg0[reg1] = reg2, acc = reg2: Ldar reg2; SetKeyedProperty reg0, reg1 fused */ \
  V(SetKeyedPropertyReg, kWrite, kReg, kReg, kReg, kIdx)                            \
  /* acc = acc::name (Idx: the name constant), a path segment: an enum's unit       \
     variant, an associated item, a module member; two slots cache [type, unit      \
     value], a third is the field IC of other objects */                            \
  V(GetPathMember, kReadWrite, kIdx, kIdx)                                          \
                                                                                    \
  /* Patterns: tests leave a boolean (and take the boolean jump after them).        \
     TestVariant: acc = the pattern's type (nil: Some/None/Ok/Err or a bare         \
     variant name); is reg its variant named by constant Idx, with a payload of     \
     the length UImm says (0: any, else 2 * count + has_rest + 1)? Two slots        \
     cache [type or enum descriptor, 2 * variant index + typed]. */                 \
  V(TestVariant, kReadWrite, kReg, kIdx, kUImm, kIdx)                               \
  /* is reg a sequence of UImm elements (flag bit 2: at least that many); flag      \
     bits 0-1: 0 a tuple, 1 an array, 2 a tuple struct or variant payload */        \
  V(TestSequence, kWrite, kReg, kUImm, kFlag8)                                      \
  /* does reg match the literal or path value in acc (strict numbers) */            \
  V(TestPatternEqual, kReadWrite, kReg)                                             \
  /* acc = element Imm of reg (negative: from the end) for destructuring */         \
  V(GetPatternElement, kWrite, kReg, kImm)                                          \
                                                                                    \
  /* Calls. Call-site index (BytecodeData::call_sites), argument registers,         \
     feedback slot. CallMethod's first register is the receiver; it is updated      \
     with the receiver's final value (mutating built-ins, &mut self). */            \
  V(CallFunction, kWrite, kReg, kRegList, kRegCount, kIdx)                          \
  /* CallFunction of the function in global cell Idx (a hoisted `fun` nothing       \
     assigns, so reading it after the arguments gives the same callee) */           \
  V(CallGlobal, kWrite, kIdx, kRegList, kRegCount, kIdx)                            \
  V(CallMethod, kWrite, kIdx, kRegList, kRegCount, kIdx)                            \
  V(CallRuntime, kWrite, kRuntimeId, kRegList, kRegCount)                           \
  /* acc = a closure of the SharedFunctionInfo in constant pool entry idx */        \
  V(CreateClosure, kWrite, kIdx)                                                    \
                                                                                    \
  /* acc = the iterable form of acc (arrays, ranges, strings, maps) */              \
  V(GetIterator, kReadWrite, kIdx)                                                  \
                                                                                    \
  /* Function exit and exceptions */                                                \
  V(Return, kRead)                                                                  \
  V(Throw, kRead)                                                                   \
  V(ReThrow, kRead)

enum class Bytecode : uint8_t {
#define RUCHY_BYTECODE_ENUM(Name, ...) k##Name,
  RUCHY_BYTECODE_LIST(RUCHY_BYTECODE_ENUM)
#undef RUCHY_BYTECODE_ENUM
};

#define RUCHY_COUNT_BYTECODE(...) +1
constexpr int kBytecodeCount = 0 RUCHY_BYTECODE_LIST(RUCHY_COUNT_BYTECODE);
#undef RUCHY_COUNT_BYTECODE

constexpr int kMaxOperands = 4;

class Bytecodes {
 public:
  static const char* Name(Bytecode bytecode);
  static const char* OperandTypeName(OperandType type);

  static int NumberOfOperands(Bytecode bytecode);
  static OperandType GetOperandType(Bytecode bytecode, int index);
  static AccumulatorUse GetAccumulatorUse(Bytecode bytecode);
  static bool ReadsAccumulator(Bytecode bytecode) {
    return (static_cast<int>(GetAccumulatorUse(bytecode)) & 1) != 0;
  }
  static bool WritesAccumulator(Bytecode bytecode) {
    return (static_cast<int>(GetAccumulatorUse(bytecode)) & 2) != 0;
  }

  // Bytes an operand of `type` takes at `scale`.
  static int OperandSize(OperandType type, OperandScale scale);
  static bool IsScalableOperandType(OperandType type);
  static bool IsSignedOperandType(OperandType type) {
    return type == OperandType::kReg || type == OperandType::kRegOut ||
           type == OperandType::kRegList || type == OperandType::kImm;
  }
  static bool IsRegisterOperandType(OperandType type) {
    return type == OperandType::kReg || type == OperandType::kRegOut ||
           type == OperandType::kRegList;
  }
  // Size of the bytecode at `scale`, without the prefix.
  static int Size(Bytecode bytecode, OperandScale scale);
  // Offset of operand `index` from the bytecode's opcode byte.
  static int OperandOffset(Bytecode bytecode, int index, OperandScale scale);

  static bool IsPrefix(Bytecode bytecode) {
    return bytecode == Bytecode::kWide || bytecode == Bytecode::kExtraWide;
  }
  static Bytecode PrefixFor(OperandScale scale) {
    DCHECK(scale != OperandScale::kSingle);
    return scale == OperandScale::kDouble ? Bytecode::kWide : Bytecode::kExtraWide;
  }
  static OperandScale ScaleForPrefix(Bytecode prefix) {
    DCHECK(IsPrefix(prefix));
    return prefix == Bytecode::kWide ? OperandScale::kDouble : OperandScale::kQuadruple;
  }
  static bool IsJump(Bytecode bytecode) {
    return bytecode >= Bytecode::kJump && bytecode <= Bytecode::kJumpIfForInDone;
  }
  static bool IsBackwardJump(Bytecode bytecode) {
    return bytecode == Bytecode::kJumpLoop || bytecode == Bytecode::kJumpLoopAfterStar;
  }
  static bool IsConditionalJump(Bytecode bytecode) {
    return IsJump(bytecode) && bytecode != Bytecode::kJump && !IsBackwardJump(bytecode);
  }
  // Control never falls through to the next bytecode.
  static bool IsUnconditionalExit(Bytecode bytecode) {
    return bytecode == Bytecode::kJump || IsBackwardJump(bytecode) ||
           bytecode == Bytecode::kReturn || bytecode == Bytecode::kThrow ||
           bytecode == Bytecode::kReThrow;
  }
  // The binary operators (all forms): their last operand is a binary-op feedback slot,
  // a Smi bit set that starts at 0 (see BytecodeData::counter_slots).
  static bool IsBinaryOperation(Bytecode bytecode) {
    return bytecode >= Bytecode::kAdd && bytecode <= Bytecode::kModRegSmi;
  }
  // Whether any operand of the bytecode grows with Wide/ExtraWide.
  static bool IsScalable(Bytecode bytecode);
};

std::ostream& operator<<(std::ostream& os, Bytecode bytecode);

// The smallest scale at which `value` fits an operand of `type`.
OperandScale ScaleForOperand(OperandType type, uint32_t value);

}  // namespace ruchy::internal::interpreter

#endif  // RUCHY_INTERPRETER_BYTECODES_H_
