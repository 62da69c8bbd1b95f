// MacroAssembler sequences. Each sequence documents its register contract in the header;
// the comments here say why a sequence has its shape.
#include "src/codegen/x64/macro-assembler-x64.h"

namespace ruchy::internal::codegen {

namespace {

bool AllDistinct(std::initializer_list<Register> regs) {
  RegList seen;
  for (Register reg : regs) {
    if (seen.has(reg)) return false;
    seen.set(reg);
  }
  return true;
}

}  // namespace

void MacroAssembler::MoveEmbeddedObject(Register dst, Address tagged) {
  DCHECK_EQ(tagged & kSmiTagMask, static_cast<Address>(kHeapObjectTag));
  movq(dst, Immediate64(static_cast<int64_t>(tagged), RelocMode::kEmbeddedObject));
}

void MacroAssembler::MoveExternalReference(Register dst, Address address) {
  movq(dst, Immediate64(static_cast<int64_t>(address), RelocMode::kExternalReference));
}

// ---------------------------------------------------------------------------
// Frames

void MacroAssembler::EnterFrame() {
  pushq(rbp);
  RecordFrameState(FrameState::kRbpPushed);
  movq(rbp, rsp);
  RecordFrameState(FrameState::kFrame);
}

void MacroAssembler::LeaveFrame() {
  movq(rsp, rbp);
  popq(rbp);
  RecordFrameState(FrameState::kNoFrame);
  after_leave_frame_ = true;
}

void MacroAssembler::Ret() {
  ret();
  if (after_leave_frame_) {
    // Code placed after an epilogue (slow paths, further returns) runs inside the frame.
    RecordFrameState(FrameState::kFrame);
    after_leave_frame_ = false;
  }
}

// ---------------------------------------------------------------------------
// Smis

void MacroAssembler::SmiTag(Register reg) { addq(reg, reg); }

void MacroAssembler::SmiTag(Register dst, Register src) {
  DCHECK(src != rsp);
  leaq(dst, Operand(src, src, kTimes1, 0));
}

// n + n overflows exactly when n is outside [-2^62, 2^62 - 1], the Smi range.
void MacroAssembler::SmiTagCheckOverflow(Register reg, Label* overflow) {
  addq(reg, reg);
  j(kOverflow, overflow);
}

void MacroAssembler::SmiUntag(Register reg) { sarq(reg, kSmiShift); }

void MacroAssembler::SmiUntag(Register dst, Register src) {
  if (dst != src) movq(dst, src);
  sarq(dst, kSmiShift);
}

void MacroAssembler::SmiUntag(Register dst, Operand src) {
  movq(dst, src);
  sarq(dst, kSmiShift);
}

void MacroAssembler::MoveSmi(Register dst, int64_t value) {
  DCHECK(value >= kSmiMinValue && value <= kSmiMaxValue);
  movq(dst, Immediate64(static_cast<int64_t>(static_cast<uint64_t>(value) << kSmiShift)));
}

Condition MacroAssembler::CheckSmi(Register src) {
  testb(src, Immediate(kSmiTagMask));
  return kZero;
}

Condition MacroAssembler::CheckSmi(Operand src) {
  testb(src, Immediate(kSmiTagMask));
  return kZero;
}

void MacroAssembler::JumpIfSmi(Register src, Label* on_smi, Label::Distance distance) {
  j(CheckSmi(src), on_smi, distance);
}

void MacroAssembler::JumpIfNotSmi(Register src, Label* on_not_smi, Label::Distance distance) {
  j(NegateCondition(CheckSmi(src)), on_not_smi, distance);
}

// (a << 1) + (b << 1) = (a + b) << 1, and the 64-bit add overflows exactly when a + b
// leaves the 63-bit Smi range.
void MacroAssembler::SmiAdd(Register dst, Register src, Label* overflow) {
  addq(dst, src);
  j(kOverflow, overflow);
}

void MacroAssembler::SmiSub(Register dst, Register src, Label* overflow) {
  subq(dst, src);
  j(kOverflow, overflow);
}

// ---------------------------------------------------------------------------
// Fields and the write barrier

void MacroAssembler::LoadTaggedField(Register dst, Register object, int offset) {
  movq(dst, FieldOperand(object, offset));
}

void MacroAssembler::StoreTaggedField(Register object, int offset, Register value) {
  movq(FieldOperand(object, offset), value);
}

void MacroAssembler::StoreSmiField(Register object, int offset, int64_t value) {
  DCHECK(value >= kSmiMinValue && value <= kSmiMaxValue);
  int64_t tagged = static_cast<int64_t>(static_cast<uint64_t>(value) << kSmiShift);
  if (IsInt32(tagged)) {
    movq(FieldOperand(object, offset), Immediate(static_cast<int32_t>(tagged)));
  } else {
    DCHECK(object != kScratchRegister);
    movq(kScratchRegister, Immediate64(tagged));
    movq(FieldOperand(object, offset), kScratchRegister);
  }
}

void MacroAssembler::StoreTaggedFieldWithWriteBarrier(Register object, int offset, Register value,
                                                      Register slot, SaveFPRegsMode fp_mode) {
  DCHECK(AllDistinct({object, value, slot, kScratchRegister}));
  movq(FieldOperand(object, offset), value);
  leaq(slot, FieldOperand(object, offset));
  RecordWrite(object, slot, value, fp_mode);
}

void MacroAssembler::CheckPageFlag(Register object, Register scratch, uintptr_t mask, Condition cc,
                                   Label* target, Label::Distance distance) {
  DCHECK(cc == kZero || cc == kNotZero);
  const WriteBarrierProtocol& protocol = options_.write_barrier;
  CHECK(base::IsPowerOfTwo(protocol.page_size) && protocol.page_size <= (size_t{1} << 31));
  CHECK_NE(mask, 0u);
  if (scratch != object) movq(scratch, object);
  // -page_size as a sign-extended imm32 is the mask ~(page_size - 1).
  andq(scratch, Immediate(static_cast<int32_t>(-static_cast<int64_t>(protocol.page_size))));
  // Test the narrowest piece of the flags word that holds every bit of `mask`.
  int low_byte = __builtin_ctzll(mask) / 8;
  int high_byte = (63 - __builtin_clzll(mask)) / 8;
  if (low_byte == high_byte) {
    testb(Operand(scratch, protocol.flags_offset + low_byte),
          Immediate(static_cast<int32_t>(mask >> (8 * low_byte))));
  } else {
    CHECK_LE(mask, uintptr_t{0x7FFFFFFF});
    testl(Operand(scratch, protocol.flags_offset), Immediate(static_cast<int32_t>(mask)));
  }
  j(cc, target, distance);
}

void MacroAssembler::RecordWrite(Register object, Register slot_address, Register value,
                                 SaveFPRegsMode fp_mode) {
  DCHECK(AllDistinct({object, slot_address, value, kScratchRegister}));
  const WriteBarrierProtocol& protocol = options_.write_barrier;
  CHECK_NE(protocol.record_slot_function, 0u);
  Label done;
  // Fast exits, cheapest first: Smis, values not in the young generation, hosts that are
  // young themselves (their slots are scanned anyway).
  JumpIfSmi(value, &done);
  CheckPageFlag(value, kScratchRegister, protocol.young_flag, kZero, &done);
  CheckPageFlag(object, kScratchRegister, protocol.young_flag, kNotZero, &done);

  // Slow path: record_slot(page(object), slot_address). Generated code may hold live
  // values in any register, so every caller-saved one is preserved.
  XMMRegList xmm = fp_mode == SaveFPRegsMode::kSave ? kAllXMMRegisters : XMMRegList();
  PushRegisters(kCallerSavedRegisters, xmm);
  // Argument moves in an order that survives object/slot living in rdi/rsi.
  movq(kScratchRegister, object);
  if (slot_address != rsi) movq(rsi, slot_address);
  movq(rdi, kScratchRegister);
  andq(rdi, Immediate(static_cast<int32_t>(-static_cast<int64_t>(protocol.page_size))));
  CallCFunction(protocol.record_slot_function, 2);
  PopRegisters(kCallerSavedRegisters, xmm);
  bind(&done);
}

// ---------------------------------------------------------------------------
// Calls into C++

void MacroAssembler::CallCFunction(Address function, int num_int_args, int num_double_args) {
  DCHECK(num_int_args >= 0 && num_int_args <= kMaxCIntArgs);
  DCHECK(num_double_args >= 0 && num_double_args <= kMaxCDoubleArgs);
  // rsp may have any 8-byte alignment here. Keep the old value in a slot just below it,
  // align down to 16 (the ABI wants rsp % 16 == 0 at the call), and reload it afterwards.
  movq(kScratchRegister, rsp);
  subq(rsp, Immediate(kTaggedSize));
  andq(rsp, Immediate(-16));
  movq(Operand(rsp, 0), kScratchRegister);
  // rax: not an argument register, and the callee overwrites it anyway. (Variadic
  // callees would want al = number of vector arguments; none are called from JIT code.)
  MoveExternalReference(rax, function);
  call(rax);
  movq(rsp, Operand(rsp, 0));
}

void MacroAssembler::PushRegisters(RegList registers, XMMRegList xmm_registers) {
  registers.ForEach([this](Register reg) { pushq(reg); });
  if (xmm_registers.is_empty()) return;
  subq(rsp, Immediate(kDoubleSlotSize * xmm_registers.Count()));
  int slot = 0;
  xmm_registers.ForEach(
      [this, &slot](XMMRegister reg) { movsd(Operand(rsp, kDoubleSlotSize * slot++), reg); });
}

void MacroAssembler::PopRegisters(RegList registers, XMMRegList xmm_registers) {
  if (!xmm_registers.is_empty()) {
    int slot = 0;
    xmm_registers.ForEach(
        [this, &slot](XMMRegister reg) { movsd(reg, Operand(rsp, kDoubleSlotSize * slot++)); });
    addq(rsp, Immediate(kDoubleSlotSize * xmm_registers.Count()));
  }
  registers.ForEachReverse([this](Register reg) { popq(reg); });
}

void MacroAssembler::CallCFunctionPreserving(Address function, int num_int_args, RegList preserved,
                                             XMMRegList preserved_xmm) {
  PushRegisters(preserved, preserved_xmm);
  CallCFunction(function, num_int_args);
  PopRegisters(preserved, preserved_xmm);
}

// ---------------------------------------------------------------------------
// Stack guard and allocation

void MacroAssembler::StackLimitCheck(Label* on_overflow, int extra_bytes, Register scratch) {
  CHECK_NE(options_.stack_limit_address, 0u);
  MoveExternalReference(kScratchRegister, options_.stack_limit_address);
  if (extra_bytes == 0) {
    cmpq(rsp, Operand(kScratchRegister, 0));
  } else {
    // rsp - extra, not limit + extra: the VM requests interrupts by setting the limit to
    // the top of the address space, where limit + extra would wrap.
    DCHECK(AllDistinct({scratch, kScratchRegister, rsp}));
    leaq(scratch, Operand(rsp, -extra_bytes));
    cmpq(scratch, Operand(kScratchRegister, 0));
  }
  j(kBelowEqual, on_overflow);
}

void MacroAssembler::Allocate(int size_in_bytes, Register result, Register result_end,
                              Label* gc_required, Label::Distance distance) {
  DCHECK(size_in_bytes > 0 && size_in_bytes % kTaggedSize == 0);
  AllocateWithEnd(result, result_end, gc_required, distance, size_in_bytes, no_reg);
}

void MacroAssembler::Allocate(Register size_in_bytes, Register result, Register result_end,
                              Label* gc_required, Label::Distance distance) {
  DCHECK(AllDistinct({size_in_bytes, result, result_end, kScratchRegister}));
  AllocateWithEnd(result, result_end, gc_required, distance, 0, size_in_bytes);
}

void MacroAssembler::AllocateWithEnd(Register result, Register result_end, Label* gc_required,
                                     Label::Distance distance, int constant_size,
                                     Register size_register) {
  DCHECK(AllDistinct({result, result_end, kScratchRegister}));
  const AllocationArea& area = options_.new_space;
  CHECK(area.top_address != 0 && area.limit_address != 0);
  int64_t limit_delta =
      static_cast<int64_t>(area.limit_address) - static_cast<int64_t>(area.top_address);
  CHECK(IsInt32(limit_delta));  // top and limit are reached from one base register
  MoveExternalReference(kScratchRegister, area.top_address);
  movq(result, Operand(kScratchRegister, 0));
  if (size_register.is_valid()) {
    // A size from a register can be anything: an unsigned wrap must fail, not succeed.
    movq(result_end, result);
    addq(result_end, size_register);
    j(kCarry, gc_required, distance);
  } else {
    leaq(result_end, Operand(result, constant_size));
  }
  cmpq(result_end, Operand(kScratchRegister, static_cast<int32_t>(limit_delta)));
  j(kAbove, gc_required, distance);
  movq(Operand(kScratchRegister, 0), result_end);
  addq(result, Immediate(static_cast<int32_t>(kHeapObjectTag)));
}

}  // namespace ruchy::internal::codegen
