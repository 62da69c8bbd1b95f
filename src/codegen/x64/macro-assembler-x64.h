// MacroAssembler: VM-aware instruction sequences on top of the Assembler — Smi tagging,
// tagged field access, the generational write barrier, calls into C++ with the System V
// stack alignment, stack-limit checks, inline bump allocation and the standard frame.
// It clobbers only kScratchRegister (r10) unless a method says otherwise.
#ifndef RUCHY_CODEGEN_X64_MACRO_ASSEMBLER_X64_H_
#define RUCHY_CODEGEN_X64_MACRO_ASSEMBLER_X64_H_

#include <cstdint>

#include "src/codegen/heap-layout.h"
#include "src/codegen/x64/assembler-x64.h"

namespace ruchy::internal::codegen {

// What the MacroAssembler needs to know about the running VM; the isolate fills it in.
struct MacroAssemblerOptions {
  WriteBarrierProtocol write_barrier;
  AllocationArea new_space;
  // Address of the word holding the lowest rsp JIT code may run at (the stack guard).
  uintptr_t stack_limit_address = 0;
};

enum class SaveFPRegsMode { kIgnore, kSave };

class MacroAssembler : public Assembler {
 public:
  explicit MacroAssembler(const MacroAssemblerOptions& options = {}) : options_(options) {}

  const MacroAssemblerOptions& options() const { return options_; }

  // ---- Constants that must be found again: recorded as relocation entries.
  // `tagged` is a heap pointer (address + 1); the GC rewrites it if the object moves.
  void MoveEmbeddedObject(Register dst, Address tagged);
  // An address outside the heap (a C++ function, an isolate field).
  void MoveExternalReference(Register dst, Address address);

  // ---- Frames. The standard frame is `push rbp; mov rbp, rsp`; these record where the
  // frame exists so unwinders (src/diagnostics) can find the caller at every pc.
  void EnterFrame();
  void LeaveFrame();
  // `ret` after LeaveFrame; code after it is again inside the frame (for unwinders).
  void Ret();

  // ---- Smis: n is stored as n << 1 with the low bit 0.
  // Tags in place; the value must fit 63 bits (use SmiTagCheckOverflow otherwise).
  void SmiTag(Register reg);
  void SmiTag(Register dst, Register src);
  // Tags and jumps to `overflow` when the 64-bit value does not fit a Smi.
  void SmiTagCheckOverflow(Register reg, Label* overflow);
  void SmiUntag(Register reg);
  void SmiUntag(Register dst, Register src);
  void SmiUntag(Register dst, Operand src);
  void MoveSmi(Register dst, int64_t value);
  // Sets flags for "is a Smi" and returns the condition that holds when it is.
  Condition CheckSmi(Register src);
  Condition CheckSmi(Operand src);
  void JumpIfSmi(Register src, Label* on_smi, Label::Distance distance = Label::kFar);
  void JumpIfNotSmi(Register src, Label* on_not_smi, Label::Distance distance = Label::kFar);
  // Tagged Smi add/sub: one machine op on the tagged words; jumps to `overflow` if the
  // result leaves the Smi range (dst is then clobbered).
  void SmiAdd(Register dst, Register src, Label* overflow);
  void SmiSub(Register dst, Register src, Label* overflow);

  // ---- Tagged fields. `offset` is from the object's start; the tag is subtracted here.
  static Operand FieldOperand(Register object, int offset) {
    return Operand(object, offset - static_cast<int>(kHeapObjectTag));
  }
  static Operand FieldOperand(Register object, Register index, ScaleFactor scale, int offset) {
    return Operand(object, index, scale, offset - static_cast<int>(kHeapObjectTag));
  }
  void LoadTaggedField(Register dst, Register object, int offset);
  // A store that needs no barrier: the value is a Smi or the caller knows better.
  void StoreTaggedField(Register object, int offset, Register value);
  void StoreSmiField(Register object, int offset, int64_t value);
  // The store plus the generational write barrier. `slot` is clobbered (it receives the
  // slot address). object, value and slot must differ and must not be kScratchRegister.
  void StoreTaggedFieldWithWriteBarrier(Register object, int offset, Register value, Register slot,
                                        SaveFPRegsMode fp_mode = SaveFPRegsMode::kSave);
  // The barrier alone, after `value` was stored at `slot_address` in `object`: tests the
  // page flags as WriteBarrierProtocol describes and calls record_slot on the slow path,
  // preserving every caller-saved register (and XMM registers with kSave).
  void RecordWrite(Register object, Register slot_address, Register value,
                   SaveFPRegsMode fp_mode = SaveFPRegsMode::kSave);
  // Jumps to `target` when (page(object).flags & mask) is nonzero (kNotZero) or zero
  // (kZero). Clobbers `scratch`.
  void CheckPageFlag(Register object, Register scratch, uintptr_t mask, Condition cc, Label* target,
                     Label::Distance distance = Label::kFar);

  // ---- Calls into C++ (System V). Arguments go in rdi, rsi, rdx, rcx, r8, r9 / xmm0-7
  // first; the result comes back in rax / xmm0. CallCFunction realigns rsp to 16 bytes
  // whatever its alignment at the call site, and clobbers rax, r10 and every register the
  // callee may (all caller-saved ones).
  void CallCFunction(Address function, int num_int_args, int num_double_args = 0);
  // Saves `registers` (and the low 64 bits of `xmm_registers`, the scalar doubles) on the
  // stack; PopRegisters restores them. Pops must mirror pushes.
  void PushRegisters(RegList registers, XMMRegList xmm_registers = {});
  void PopRegisters(RegList registers, XMMRegList xmm_registers = {});
  // PushRegisters + CallCFunction + PopRegisters. Leave rax/xmm0 out of the lists to see
  // the result.
  void CallCFunctionPreserving(Address function, int num_int_args, RegList preserved,
                               XMMRegList preserved_xmm = {});

  // ---- Stack guard: jumps to `on_overflow` when rsp - extra_bytes is at or below the
  // limit word. The VM also raises the limit to request interrupts. A nonzero
  // `extra_bytes` needs a `scratch` register (clobbered).
  void StackLimitCheck(Label* on_overflow, int extra_bytes = 0, Register scratch = no_reg);

  // ---- Inline bump allocation in new space. On success `result` holds the tagged
  // pointer and the area's top has moved; `result_end` is clobbered. When the area is
  // exhausted it jumps to `gc_required` with nothing changed in memory. Sizes are
  // multiples of kTaggedSize.
  void Allocate(int size_in_bytes, Register result, Register result_end, Label* gc_required,
                Label::Distance distance = Label::kFar);
  void Allocate(Register size_in_bytes, Register result, Register result_end, Label* gc_required,
                Label::Distance distance = Label::kFar);

 private:
  void AllocateWithEnd(Register result, Register result_end, Label* gc_required,
                       Label::Distance distance, int constant_size, Register size_register);

  static constexpr int kDoubleSlotSize = 8;

  MacroAssemblerOptions options_;
  bool after_leave_frame_ = false;
};

}  // namespace ruchy::internal::codegen

#endif  // RUCHY_CODEGEN_X64_MACRO_ASSEMBLER_X64_H_
