// The dispatch loop: computed-goto over the bytecode list, frames on the VM stack, calls
// and returns without C++ recursion, exception unwinding through handler tables.
//
// Hot state lives in locals: pc (the opcode being executed), fp (r0 of the current frame),
// acc, and the current function's BytecodeData. Anything that can allocate may move heap
// objects, so a handler that calls a slow path keeps its inputs in VM-stack slots or
// handles, and takes nothing but the result back in acc.
#include <cstring>

#include "src/builtins/builtins.h"
#include "src/interpreter/interpreter.h"
#include "src/interpreter/runtime-functions.h"
#include "src/objects/builtin-enums.h"
#include "src/objects/objects-inl.h"
#include "src/runtime/value-ops.h"

namespace ruchy::internal::interpreter {

namespace {

inline uint32_t ReadUnsigned(const uint8_t* p, int scale) {
  if (__builtin_expect(scale == 1, 1)) return *p;
  if (scale == 2) {
    uint16_t v;
    memcpy(&v, p, 2);
    return v;
  }
  uint32_t v;
  memcpy(&v, p, 4);
  return v;
}

inline int32_t ReadSigned(const uint8_t* p, int scale) {
  if (__builtin_expect(scale == 1, 1)) return static_cast<int8_t>(*p);
  if (scale == 2) {
    int16_t v;
    memcpy(&v, p, 2);
    return v;
  }
  int32_t v;
  memcpy(&v, p, 4);
  return v;
}

struct SizeTable {
  uint8_t sizes[3][kBytecodeCount];
  SizeTable() {
    for (int i = 0; i < kBytecodeCount; ++i) {
      Bytecode bc = static_cast<Bytecode>(i);
      sizes[0][i] = static_cast<uint8_t>(Bytecodes::Size(bc, OperandScale::kSingle));
      sizes[1][i] = static_cast<uint8_t>(Bytecodes::Size(bc, OperandScale::kDouble));
      sizes[2][i] = static_cast<uint8_t>(Bytecodes::Size(bc, OperandScale::kQuadruple));
    }
  }
};
const SizeTable kSizeTable;

inline int ScaleIndex(int scale) { return scale == 1 ? 0 : scale == 2 ? 1 : 2; }

BinaryOp BinaryOpFor(Bytecode bc) {
  switch (bc) {
    case Bytecode::kAdd:
    case Bytecode::kAddSmi:
      return BinaryOp::kAdd;
    case Bytecode::kSub:
    case Bytecode::kSubSmi:
      return BinaryOp::kSub;
    case Bytecode::kMul:
      return BinaryOp::kMul;
    case Bytecode::kDiv:
      return BinaryOp::kDiv;
    case Bytecode::kMod:
      return BinaryOp::kMod;
    case Bytecode::kExp:
      return BinaryOp::kExp;
    case Bytecode::kBitwiseOr:
      return BinaryOp::kBitOr;
    case Bytecode::kBitwiseXor:
      return BinaryOp::kBitXor;
    case Bytecode::kBitwiseAnd:
      return BinaryOp::kBitAnd;
    case Bytecode::kShiftLeft:
      return BinaryOp::kShl;
    default:
      return BinaryOp::kShr;
  }
}

// The binary-op feedback update of the fast paths, inlined: one load chain and a compare
// when the slot already has the bit.
inline void RecordFeedbackBits(Address* fp, uint32_t slot, int64_t bits) {
  Value cell_value = Closure::cast(Value(fp[Interpreter::kClosureOffset])).feedback_cell().value();
  if (!cell_value.IsFeedbackVector()) return;
  FeedbackVector vector = FeedbackVector::cast(cell_value);
  Value old = vector.get(static_cast<int>(slot));
  int64_t current = old.IsSmi() ? Smi::ToInt(old) : 0;
  if ((current | bits) != current) {
    vector.set(static_cast<int>(slot), Smi::FromInt(current | bits), WriteBarrierMode::kSkip);
  }
}

}  // namespace

// Binary-operation feedback bits (FeedbackVector slot, a Smi bit set).
enum BinaryFeedback : int64_t {
  kFeedbackSignedSmall = 1,
  kFeedbackNumber = 2,
  kFeedbackString = 4,
  kFeedbackAny = 8,
};

MaybeHandle<Value> Interpreter::Execute(Handle<Closure> closure, int argc,
                                        const Handle<Value>* argv, Handle<Value>* receiver_out) {
  Isolate* isolate = isolate_;
  char native_marker;
  if (reinterpret_cast<uintptr_t>(&native_marker) < native_stack_limit_ ||
      entry_depth_ >= kMaxEntryDepth) {
    isolate->ThrowError("Stack overflow");
    return {};
  }
  // --- Set up the entry frame.
  Value function_data = closure->shared().function_data();
  if (!function_data.IsBytecodeArray()) {
    // A built-in called from C++.
    HandleScope scope(isolate);
    return CallNative(closure, argc, argv, receiver_out);
  }
  BytecodeData* data = BytecodeArray::cast(function_data).data();
  Address saved_top = top_;
  Address saved_fp = current_fp_;
  int saved_offset = current_offset_;
  int min_args = data->required_count + (data->has_self ? 1 : 0);
  if (argc > data->parameter_count || argc < min_args) {
    ThrowArityError(data, argc);
    return {};
  }
  size_t needed = top_ + static_cast<size_t>(data->parameter_count) + kFrameHeaderSlots +
                  static_cast<size_t>(data->register_count);
  if (needed + kStackReserve > stack_slots_) {
    isolate->ThrowError("Stack overflow");
    return {};
  }
  Address* base = stack_ + top_;
  for (int i = 0; i < data->parameter_count; ++i) {
    base[i] = i < argc ? argv[i]->ptr() : isolate->the_hole_value().ptr();
  }
  Address* fp = base + data->parameter_count + kFrameHeaderSlots;
  // Entry frame: the caller fp slot holds -(outer fp + 1), so -1 when there is none.
  fp[kCallerFpOffset] = Smi::FromInt(-static_cast<int64_t>(saved_fp) - 1).ptr();
  fp[kCallerPcOffset] = Smi::FromInt(static_cast<int64_t>(saved_offset) << 2).ptr();
  fp[kClosureOffset] = closure->ptr();
  fp[kContextOffset] = closure->context().ptr();
  for (int i = 0; i < data->register_count; ++i) fp[i] = isolate->nil_value().ptr();
  top_ = static_cast<size_t>(fp - stack_) + static_cast<size_t>(data->register_count);
  ++entry_depth_;
  Address* const entry_fp = fp;

  static void* const kDispatchTable[] = {
#define RUCHY_LABEL(Name, ...) &&handle_##Name,
      RUCHY_BYTECODE_LIST(RUCHY_LABEL)
#undef RUCHY_LABEL
  };

  const uint8_t* code = data->bytes.data();
  const uint8_t* pc = code;
  const uint8_t* instr = pc;
  int scale = 1;
  Value acc = isolate->nil_value();
  // Slow paths write their result here, never through &acc: taking acc's address would
  // keep it in memory in every handler instead of in a register.
  Value slow_result;
  int64_t budget = kInterruptBudget;
  MaybeHandle<Value> result;
  const Value true_value = isolate->true_value();
  const Value false_value = isolate->false_value();
  auto ToBoolean = [true_value, false_value](bool b) { return b ? true_value : false_value; };

#define REG_ADDR(i) (fp[ReadSigned(pc + 1 + (i)*scale, scale)])
#define REG(i) Value(REG_ADDR(i))
#define REG_INDEX(i) ReadSigned(pc + 1 + (i)*scale, scale)
#define UOP(i) ReadUnsigned(pc + 1 + (i)*scale, scale)
#define SOP(i) ReadSigned(pc + 1 + (i)*scale, scale)
#define NEXT()                                      \
  do {                                              \
    pc += kSizeTable.sizes[ScaleIndex(scale)][*pc]; \
    goto dispatch;                                  \
  } while (0)
#define SYNC()                                        \
  do {                                                \
    current_fp_ = static_cast<Address>(fp - stack_);  \
    current_offset_ = static_cast<int>(instr - code); \
  } while (0)
#define THROW() goto exception
#define CONSTANT(i)                                                                          \
  FixedArray::cast(                                                                          \
      BytecodeArray::cast(Closure::cast(Value(fp[kClosureOffset])).shared().function_data()) \
          .constant_pool())                                                                  \
      .get(static_cast<int>(i))
#define RELOAD_FRAME()                                                                            \
  do {                                                                                            \
    data = BytecodeArray::cast(Closure::cast(Value(fp[kClosureOffset])).shared().function_data()) \
               .data();                                                                           \
    code = data->bytes.data();                                                                    \
  } while (0)

dispatch:
  instr = pc;
  scale = 1;
  goto* kDispatchTable[*pc];

handle_Wide:
  scale = 2;
  ++pc;
  goto* kDispatchTable[*pc];

handle_ExtraWide:
  scale = 4;
  ++pc;
  goto* kDispatchTable[*pc];

  // --- Jumps ------------------------------------------------------------------------------
handle_Jump:
  pc = instr + UOP(0);
  goto dispatch;

handle_JumpLoop:
  if (--budget <= 0) {
    budget = kInterruptBudget;
    SYNC();
    OnInterruptBudget(fp);
  }
  pc = instr - UOP(0);
  goto dispatch;

handle_JumpIfTrue:
  if (acc.IsTrue()) {
    pc = instr + UOP(0);
    goto dispatch;
  }
  NEXT();

handle_JumpIfFalse:
  if (acc.IsFalse()) {
    pc = instr + UOP(0);
    goto dispatch;
  }
  NEXT();

handle_JumpIfToBooleanTrue:
  if (IsTruthy(acc)) {
    pc = instr + UOP(0);
    goto dispatch;
  }
  NEXT();

handle_JumpIfToBooleanFalse:
  if (!IsTruthy(acc)) {
    pc = instr + UOP(0);
    goto dispatch;
  }
  NEXT();

handle_JumpIfNil:
  if (acc.IsNil()) {
    pc = instr + UOP(0);
    goto dispatch;
  }
  NEXT();

handle_JumpIfNotNil:
  if (!acc.IsNil()) {
    pc = instr + UOP(0);
    goto dispatch;
  }
  NEXT();

handle_JumpIfNotHole:
  if (!acc.IsTheHole()) {
    pc = instr + UOP(0);
    goto dispatch;
  }
  NEXT();

handle_JumpIfSame:
  if (acc == REG(1)) {
    pc = instr + UOP(0);
    goto dispatch;
  }
  NEXT();

handle_JumpIfForInDone : {
  Address* slot = &REG_ADDR(1);
  Value iterable(slot[0]);
  int64_t index = Smi::ToInt(Value(slot[1]));
  if (iterable.IsRange()) {
    Range range = Range::cast(iterable);
    int64_t from = Smi::ToInt(range.from());
    int64_t to = Smi::ToInt(range.to());
    int64_t value = from + index;
    if (range.inclusive() ? value > to : value >= to) {
      pc = instr + UOP(0);
      goto dispatch;
    }
    slot[1] = Smi::FromInt(index + 1).ptr();
    acc = Smi::FromInt(value);
    NEXT();
  }
  Array array = Array::cast(iterable);
  if (index >= array.length()) {
    pc = instr + UOP(0);
    goto dispatch;
  }
  slot[1] = Smi::FromInt(index + 1).ptr();
  if (array.kind() != ElementsKind::kDouble) {
    acc = array.GetTagged(static_cast<int>(index));
    MarkShared(acc);
    NEXT();
  }
  SYNC();
  {
    HandleScope scope(isolate);
    Handle<Array> h(array, isolate);
    Handle<Value> element;
    if (!Array::Get(isolate, h, static_cast<int>(index)).ToHandle(&element)) THROW();
    acc = *element;
  }
  NEXT();
}

  // --- Constants and registers -----------------------------------------------------------
handle_LdaZero:
  acc = Smi::zero();
  NEXT();
handle_LdaSmi:
  acc = Smi::FromInt(SOP(0));
  NEXT();
handle_LdaNil:
  acc = isolate->nil_value();
  NEXT();
handle_LdaTrue:
  acc = isolate->true_value();
  NEXT();
handle_LdaFalse:
  acc = isolate->false_value();
  NEXT();
handle_LdaTheHole:
  acc = isolate->the_hole_value();
  NEXT();
handle_LdaConstant:
  acc = CONSTANT(UOP(0));
  NEXT();
handle_Ldar:
  acc = REG(0);
  NEXT();
handle_Star:
  REG_ADDR(0) = acc.ptr();
  NEXT();
handle_Mov:
  REG_ADDR(1) = REG_ADDR(0);
  NEXT();

  // --- Globals and contexts ---------------------------------------------------------------
handle_LdaGlobal : {
  uint32_t index = UOP(0);
  acc = Value(globals_[index]);
  if (acc.IsTheHole()) {
    SYNC();
    isolate->ThrowError("Runtime error: Undefined variable: " + global_names_[index]);
    THROW();
  }
  NEXT();
}
handle_StaGlobal:
  globals_[UOP(0)] = acc.ptr();
  NEXT();

handle_LdaContextSlot : {
  Value context(fp[kContextOffset]);
  for (uint32_t depth = UOP(1); depth > 0; --depth) context = Context::cast(context).previous();
  acc = Context::cast(context).get(static_cast<int>(UOP(0)));
  NEXT();
}
handle_StaContextSlot : {
  Value context(fp[kContextOffset]);
  for (uint32_t depth = UOP(1); depth > 0; --depth) context = Context::cast(context).previous();
  Context::cast(context).set(static_cast<int>(UOP(0)), acc);
  NEXT();
}
handle_LdaCurrentContextSlot:
  acc = Context::cast(Value(fp[kContextOffset])).get(static_cast<int>(UOP(0)));
  NEXT();
handle_StaCurrentContextSlot:
  Context::cast(Value(fp[kContextOffset])).set(static_cast<int>(UOP(0)), acc);
  NEXT();
handle_CreateContext : {
  SYNC();
  HandleScope scope(isolate);
  Handle<Value> previous(&fp[kContextOffset]);
  Handle<Context> context;
  if (!isolate->factory()->NewContext(static_cast<int>(UOP(0)), previous).ToHandle(&context)) {
    THROW();
  }
  acc = *context;
  NEXT();
}
handle_PushContext:
  REG_ADDR(0) = fp[kContextOffset];
  fp[kContextOffset] = acc.ptr();
  NEXT();
handle_PopContext:
  fp[kContextOffset] = REG_ADDR(0);
  NEXT();
handle_LdaCurrentContext:
  acc = Value(fp[kContextOffset]);
  NEXT();

  // --- Arithmetic -------------------------------------------------------------------------
#define SMI_BINARY(Name, expr_fast)                                                \
  handle_##Name : {                                                                \
    Value lhs = REG(0);                                                            \
    if (lhs.IsSmi() && acc.IsSmi()) {                                              \
      int64_t a = Smi::ToInt(lhs), b = Smi::ToInt(acc), r;                         \
      if (expr_fast) {                                                             \
        acc = Smi::FromInt(r);                                                     \
        RecordFeedbackBits(fp, UOP(1), kFeedbackSignedSmall);                      \
        NEXT();                                                                    \
      }                                                                            \
    }                                                                              \
    SYNC();                                                                        \
    if (!SlowBinary(fp, BinaryOpFor(Bytecode::k##Name), &REG_ADDR(0), acc, UOP(1), \
                    &slow_result)) {                                               \
      THROW();                                                                     \
    }                                                                              \
    acc = slow_result;                                                             \
    NEXT();                                                                        \
  }

  SMI_BINARY(Add, (!__builtin_add_overflow(a, b, &r) && Smi::IsValid(r)))
  SMI_BINARY(Sub, (!__builtin_sub_overflow(a, b, &r) && Smi::IsValid(r)))
  SMI_BINARY(Mul, (!__builtin_mul_overflow(a, b, &r) && Smi::IsValid(r)))
  SMI_BINARY(Div, (b != 0 && !(a == INT64_MIN && b == -1) && ((r = a / b), Smi::IsValid(r))))
  SMI_BINARY(Mod, (b != 0 && !(a == INT64_MIN && b == -1) && ((r = a % b), true)))
  SMI_BINARY(Exp, ((void)a, (void)b, (void)r, false))
  SMI_BINARY(BitwiseOr, ((r = a | b), true))
  SMI_BINARY(BitwiseXor, ((r = a ^ b), true))
  SMI_BINARY(BitwiseAnd, ((r = a & b), true))
  SMI_BINARY(ShiftLeft, ((void)a, (void)b, (void)r, false))
  SMI_BINARY(ShiftRight, (b >= 0 && b < 64 && ((r = a >> b), true)))
#undef SMI_BINARY

handle_AddSmi:
handle_SubSmi : {
  Bytecode bc = static_cast<Bytecode>(*pc);
  int64_t imm = SOP(0);
  if (acc.IsSmi()) {
    int64_t r;
    bool overflow = bc == Bytecode::kAddSmi ? __builtin_add_overflow(Smi::ToInt(acc), imm, &r)
                                            : __builtin_sub_overflow(Smi::ToInt(acc), imm, &r);
    if (!overflow && Smi::IsValid(r)) {
      acc = Smi::FromInt(r);
      RecordFeedbackBits(fp, UOP(1), kFeedbackSignedSmall);
      NEXT();
    }
  }
  SYNC();
  // Slow path: acc OP imm.
  {
    HandleScope scope(isolate);
    Handle<Value> lhs(acc, isolate);
    Handle<Value> rhs(Smi::FromInt(imm), isolate);
    Handle<Value> out;
    if (!BinaryOperation(isolate, BinaryOpFor(bc), lhs, rhs).ToHandle(&out)) THROW();
    acc = *out;
    RecordBinaryFeedback(fp, UOP(1), FeedbackFor(*lhs, *rhs));
  }
  NEXT();
}

handle_Negate : {
  if (acc.IsSmi() && Smi::ToInt(acc) != 0 && Smi::IsValid(-Smi::ToInt(acc))) {
    acc = Smi::FromInt(-Smi::ToInt(acc));
    NEXT();
  }
  SYNC();
  HandleScope scope(isolate);
  Handle<Value> operand(acc, isolate);
  Handle<Value> out;
  if (!UnaryOperation(isolate, UnaryOp::kNegate, operand).ToHandle(&out)) THROW();
  acc = *out;
  NEXT();
}
handle_BitwiseNot : {
  SYNC();
  HandleScope scope(isolate);
  Handle<Value> operand(acc, isolate);
  Handle<Value> out;
  if (!UnaryOperation(isolate, UnaryOp::kBitNot, operand).ToHandle(&out)) THROW();
  acc = *out;
  NEXT();
}
handle_LogicalNot:
  acc = ToBoolean(!IsTruthy(acc));
  NEXT();

  // --- Comparisons ------------------------------------------------------------------------
#define SMI_COMPARE(Name, op, cmp_op)                                               \
  handle_##Name : {                                                                 \
    Value lhs = REG(0);                                                             \
    if (lhs.IsSmi() && acc.IsSmi()) {                                               \
      acc = ToBoolean(Smi::ToInt(lhs) op Smi::ToInt(acc));                          \
      NEXT();                                                                       \
    }                                                                               \
    SYNC();                                                                         \
    std::optional<bool> r = CompareOperation(isolate, CompareOp::cmp_op, lhs, acc); \
    if (!r.has_value()) THROW();                                                    \
    acc = ToBoolean(*r);                                                            \
    NEXT();                                                                         \
  }
  SMI_COMPARE(TestLessThan, <, kLessThan)
  SMI_COMPARE(TestGreaterThan, >, kGreaterThan)
  SMI_COMPARE(TestLessThanOrEqual, <=, kLessThanOrEqual)
  SMI_COMPARE(TestGreaterThanOrEqual, >=, kGreaterThanOrEqual)
#undef SMI_COMPARE

handle_TestEqual : {
  Value lhs = REG(0);
  acc = ToBoolean((lhs == acc && !lhs.IsHeapNumber()) || ValuesEqual(lhs, acc));
  NEXT();
}
handle_TestNotEqual : {
  Value lhs = REG(0);
  acc = ToBoolean(!((lhs == acc && !lhs.IsHeapNumber()) || ValuesEqual(lhs, acc)));
  NEXT();
}

  // --- Containers -------------------------------------------------------------------------
handle_CreateArray:
handle_CreateTuple:
handle_CreateMap : {
  SYNC();
  Bytecode bc = static_cast<Bytecode>(*pc);
  Address* first = &REG_ADDR(0);
  int count = static_cast<int>(UOP(1));
  if (!CreateContainer(bc, first, count, &slow_result)) THROW();
  acc = slow_result;
  NEXT();
}
handle_CreateRange : {
  SYNC();
  HandleScope scope(isolate);
  Handle<Value> from(&REG_ADDR(0));
  Handle<Value> to(acc, isolate);
  bool inclusive = pc[1 + scale] != 0;
  Handle<Range> range;
  if (!isolate->factory()->NewRange(from, to, inclusive).ToHandle(&range)) THROW();
  acc = *range;
  NEXT();
}
handle_Share:
  MarkShared(acc);
  NEXT();

  // --- Fields and elements ----------------------------------------------------------------
handle_GetNamedProperty:
handle_GetNamedPropertyForUpdate : {
  bool for_update = static_cast<Bytecode>(*pc) == Bytecode::kGetNamedPropertyForUpdate;
  if (!for_update || !IsShared(REG(0))) {
    Value field;
    if (TryLoadFieldFast(fp, UOP(2), UOP(1), REG(0), &field)) {
      if (!for_update) MarkShared(field);
      acc = field;
      NEXT();
    }
  }
  SYNC();
  if (for_update && !UnshareForUpdate(&REG_ADDR(0))) THROW();
  if (!LoadNamed(fp, &REG_ADDR(0), UOP(1), UOP(2), for_update, &slow_result)) THROW();
  acc = slow_result;
  NEXT();
}
handle_SetNamedProperty : {
  if (TryStoreFieldFast(fp, UOP(2), UOP(1), REG(0), acc)) NEXT();
  SYNC();
  if (!StoreNamed(fp, &REG_ADDR(0), UOP(1), UOP(2), acc)) THROW();
  NEXT();
}
handle_GetKeyedProperty:
handle_GetKeyedPropertyForUpdate : {
  bool for_update = static_cast<Bytecode>(*pc) == Bytecode::kGetKeyedPropertyForUpdate;
  if (for_update && IsShared(REG(0))) {
    SYNC();
    Value key = acc;
    Address saved_key = key.ptr();
    HandleScope scope(isolate);
    Handle<Value> key_handle(Value(saved_key), isolate);
    if (!UnshareForUpdate(&REG_ADDR(0))) THROW();
    acc = *key_handle;
  }
  Value object = REG(0);
  if (acc.IsSmi() && object.IsArray()) {
    Array array = Array::cast(object);
    int64_t i = Smi::ToInt(acc);
    if (i >= 0 && i < array.length() && array.kind() != ElementsKind::kDouble) {
      acc = array.GetTagged(static_cast<int>(i));
      if (!for_update) MarkShared(acc);
      NEXT();
    }
  }
  if (acc.IsSmi() && object.IsStructObject()) {
    // Tuple struct field: p.0
    int64_t i = Smi::ToInt(acc);
    if (i >= 0 && i < HeapObject::cast(object).shape().number_of_fields()) {
      acc = StructObject::cast(object).field(static_cast<int>(i));
      if (!for_update) MarkShared(acc);
      NEXT();
    }
  }
  SYNC();
  {
    HandleScope scope(isolate);
    Handle<Value> key(acc, isolate);
    Handle<Value> out;
    if (!GetElement(isolate, Handle<Value>(&REG_ADDR(0)), key).ToHandle(&out)) THROW();
    acc = *out;
    if (!for_update) MarkShared(acc);
  }
  NEXT();
}
handle_SetKeyedProperty : {
  Value object = REG(0);
  Value key = REG(1);
  if (key.IsSmi() && object.IsArray() && !CowContainer::cast(object).is_shared()) {
    Array array = Array::cast(object);
    int64_t i = Smi::ToInt(key);
    if (i >= 0 && i < array.length() && array.kind() == ElementsKind::kGeneric) {
      FixedArray::cast(array.elements()).set(static_cast<int>(i), acc);
      NEXT();
    }
    if (i >= 0 && i < array.length() && array.kind() == ElementsKind::kSmi && acc.IsSmi()) {
      FixedArray::cast(array.elements()).set(static_cast<int>(i), acc, WriteBarrierMode::kSkip);
      NEXT();
    }
  }
  SYNC();
  if (key.IsSmi() && object.IsStructObject() && Smi::ToInt(key) >= 0 &&
      Smi::ToInt(key) < HeapObject::cast(object).shape().number_of_fields()) {
    HandleScope scope(isolate);
    Handle<Value> value(acc, isolate);
    Handle<CowContainer> container(CowContainer::cast(object), isolate);
    Handle<CowContainer> unshared;
    if (!EnsureUnshared(isolate, container).ToHandle(&unshared)) THROW();
    StructObject::cast(*unshared).set_field(static_cast<int>(Smi::ToInt(key)), *value);
    REG_ADDR(0) = unshared->ptr();
    NEXT();
  }
  {
    HandleScope scope(isolate);
    Handle<Value> value(acc, isolate);
    Handle<Value> container(&REG_ADDR(0));
    if (!SetElement(isolate, &container, Handle<Value>(&REG_ADDR(1)), value)) THROW();
    REG_ADDR(0) = container->ptr();
  }
  NEXT();
}

  // --- Calls ------------------------------------------------------------------------------
handle_CallFunction : {
  SYNC();
  Value callee = REG(0);
  Address* args = &REG_ADDR(1);
  int count = static_cast<int>(UOP(2));
  RecordCallFeedback(fp, UOP(3), callee);
  if (callee.IsClosure()) {
    Value callee_data = Closure::cast(callee).shared().function_data();
    if (callee_data.IsBytecodeArray()) {
      // Push an interpreter frame: no C++ recursion.
      Address* new_fp;
      if (!PushFrame(fp, Closure::cast(callee), args, count, 0, static_cast<int>(instr - code),
                     &new_fp)) {
        THROW();
      }
      fp = new_fp;
      RELOAD_FRAME();
      pc = code;
      goto dispatch;
    }
  }
  if (!CallSlow(fp, &REG_ADDR(0), args, count, &slow_result)) THROW();
  acc = slow_result;
  NEXT();
}

handle_CallMethod : {
  SYNC();
  const CallSite& site = data->call_sites[UOP(0)];
  Address* first = &REG_ADDR(1);
  int count = static_cast<int>(UOP(2));
  Value target;
  int shift = 0;
  int argc = 0;
  Address* call_args = nullptr;
  int status = ResolveMethodCall(fp, site, UOP(3), first, count, &target, &shift, &argc, &call_args,
                                 &slow_result);
  if (status == kCallFailed) THROW();
  if (status == kCallDone) {
    acc = slow_result;
    NEXT();
  }
  // kCallPushFrame: an interpreter function taking first[shift...].
  RecordCallFeedback(fp, UOP(3), target);
  Address* new_fp;
  if (!PushFrame(fp, Closure::cast(target), call_args, argc, shift, static_cast<int>(instr - code),
                 &new_fp)) {
    THROW();
  }
  fp = new_fp;
  RELOAD_FRAME();
  pc = code;
  goto dispatch;
}

handle_CallRuntime : {
  SYNC();
  uint16_t id;
  memcpy(&id, pc + 1, 2);
  Address* first = &fp[ReadSigned(pc + 3, scale)];
  int count = static_cast<int>(ReadUnsigned(pc + 3 + scale, scale));
  RuntimeArguments args{isolate, this, first, count};
  HandleScope scope(isolate);
  Handle<Value> out;
  if (!GetRuntimeFunction(static_cast<RuntimeFunctionId>(id))(args).ToHandle(&out)) THROW();
  acc = *out;
  NEXT();
}

handle_CreateClosure : {
  SYNC();
  if (!CreateClosure(fp, UOP(0), &slow_result)) THROW();
  acc = slow_result;
  NEXT();
}

handle_GetIterator : {
  SYNC();
  slow_result = acc;
  if (!GetIterator(&slow_result)) THROW();
  acc = slow_result;
  NEXT();
}

  // --- Exit and exceptions ----------------------------------------------------------------
handle_Return : {
  if (--budget <= 0) {
    budget = kInterruptBudget;
    SYNC();
    OnInterruptBudget(fp);
  }
  int64_t caller = Smi::ToInt(Value(fp[kCallerFpOffset]));
  if (fp == entry_fp || caller < 0) {
    if (receiver_out != nullptr && data->has_self) {
      *receiver_out = Handle<Value>(&fp[-kFrameHeaderSlots - data->parameter_count]);
      *receiver_out = handle(**receiver_out, isolate);
    }
    result = handle(acc, isolate);
    goto exit;
  }
  int64_t call_word = Smi::ToInt(Value(fp[kCallerPcOffset]));
  int call_offset = static_cast<int>(call_word >> 2);
  int shift = static_cast<int>(call_word & 3);
  Address* caller_fp = stack_ + caller;
  Address* params = fp - kFrameHeaderSlots - data->parameter_count;
  uint64_t inout = data->inout_mask;
  // Back in the caller.
  fp = caller_fp;
  RELOAD_FRAME();
  instr = code + call_offset;
  pc = instr;
  scale = 1;
  if (*pc == static_cast<uint8_t>(Bytecode::kWide)) {
    scale = 2;
    ++pc;
  } else if (*pc == static_cast<uint8_t>(Bytecode::kExtraWide)) {
    scale = 4;
    ++pc;
  }
  if (inout != 0) {
    // Write in-out parameters (&mut x, &mut self) back into the caller's argument
    // registers; the caller's code stores them back to their places.
    Address* args =
        static_cast<Bytecode>(*pc) == Bytecode::kCallFunction ? &REG_ADDR(1) : &REG_ADDR(1);
    for (int i = 0; i < 64 && (inout >> i) != 0; ++i) {
      if ((inout >> i) & 1) args[shift + i] = params[i];
    }
  }
  top_ = static_cast<size_t>(fp - stack_) + static_cast<size_t>(data->register_count);
  NEXT();
}

handle_Throw:
  SYNC();
  isolate->Throw(acc);
  THROW();

handle_ReThrow:
  SYNC();
  isolate->Throw(acc);
  if (acc == Value(last_caught_) && last_caught_was_error_) isolate->MarkPendingAsError();
  goto unwind;

exception:
  // A new exception, or one coming out of a nested activation: remember where it came from
  // (CaptureStackTrace keeps the trace of an exception it has seen).
  CaptureStackTrace();
unwind : {
  int offset = static_cast<int>(instr - code);
  const HandlerTableEntry* handler = data->FindHandler(offset);
  if (handler != nullptr && !isolate->IsOutOfMemoryPending()) {
    fp[kContextOffset] = fp[handler->context.index()];
    acc = isolate->pending_exception();
    last_caught_ = acc.ptr();
    last_caught_was_error_ = isolate->pending_exception_is_error();
    isolate->clear_pending_exception();
    trace_valid_ = false;
    top_ = static_cast<size_t>(fp - stack_) + static_cast<size_t>(data->register_count);
    pc = code + handler->handler;
    goto dispatch;
  }
  int64_t caller = Smi::ToInt(Value(fp[kCallerFpOffset]));
  if (fp == entry_fp || caller < 0) goto exit;
  int call_offset = static_cast<int>(Smi::ToInt(Value(fp[kCallerPcOffset])) >> 2);
  fp = stack_ + caller;
  RELOAD_FRAME();
  instr = code + call_offset;
  pc = instr;
  goto unwind;
}

exit:
  --entry_depth_;
  top_ = saved_top;
  current_fp_ = saved_fp;
  current_offset_ = saved_offset;
  return result;

#undef REG_ADDR
#undef REG
#undef REG_INDEX
#undef UOP
#undef SOP
#undef NEXT
#undef SYNC
#undef THROW
#undef CONSTANT
#undef RELOAD_FRAME
}

}  // namespace ruchy::internal::interpreter
