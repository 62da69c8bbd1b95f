// The dispatch loop: computed-goto over the bytecode list, frames on the VM stack, calls
// and returns without C++ recursion, exception unwinding through handler tables.
//
// Hot state lives in locals: pc (the opcode being executed), fp (r0 of the current frame),
// acc, and the current function's BytecodeData. Anything that can allocate may move heap
// objects, so a handler that calls a slow path keeps its inputs in VM-stack slots or
// handles, and takes nothing but the result back in acc.
#include <cmath>
#include <cstring>
#include <initializer_list>

#include "absl/base/optimization.h"
#include "src/base/macros.h"
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

// Unprefixed sizes as compile-time constants, so a handler advances pc by an immediate
// (a table lookup would put two more loads on the dispatch's critical path).
constexpr int SingleScaleSize(std::initializer_list<OperandType> types) {
  int size = 1;
  for (OperandType type : types) size += type == OperandType::kRuntimeId ? 2 : 1;
  return size;
}
struct SingleSizes {
  using enum OperandType;
#define RUCHY_SINGLE_SIZE(Name, accumulator_use, ...) \
  static constexpr int k##Name = SingleScaleSize({__VA_ARGS__});
  RUCHY_BYTECODE_LIST(RUCHY_SINGLE_SIZE)
#undef RUCHY_SINGLE_SIZE
};
// Handlers shared by two bytecodes advance by one size.
// A Return resumes after either call bytecode.
static_assert(SingleSizes::kCallFunction == SingleSizes::kCallMethod &&
              SingleSizes::kCallFunction == SingleSizes::kCallGlobal);
static_assert(SingleSizes::kCreateArray == SingleSizes::kCreateTuple &&
              SingleSizes::kCreateArray == SingleSizes::kCreateMap);
static_assert(SingleSizes::kGetNamedProperty == SingleSizes::kGetNamedPropertyForUpdate);
static_assert(SingleSizes::kGetKeyedProperty == SingleSizes::kGetKeyedPropertyForUpdate);

// The constants agree with the operand tables (checked once, at startup).
[[maybe_unused]] const bool kSingleSizesChecked = [] {
#define RUCHY_CHECK_SIZE(Name, ...) \
  CHECK_EQ(SingleSizes::k##Name, Bytecodes::Size(Bytecode::k##Name, OperandScale::kSingle));
  RUCHY_BYTECODE_LIST(RUCHY_CHECK_SIZE)
#undef RUCHY_CHECK_SIZE
  return true;
}();

// Return finds a call's argument-list operand from its resume offset: every call bytecode
// is an opcode and four operands of the call's scale.
[[maybe_unused]] const bool kCallLayoutChecked = [] {
  for (Bytecode bc : {Bytecode::kCallFunction, Bytecode::kCallGlobal, Bytecode::kCallMethod}) {
    CHECK(Bytecodes::GetOperandType(bc, 1) == OperandType::kRegList);
    for (OperandScale scale :
         {OperandScale::kSingle, OperandScale::kDouble, OperandScale::kQuadruple}) {
      CHECK_EQ(Bytecodes::Size(bc, scale), 1 + 4 * static_cast<int>(scale));
    }
  }
  return true;
}();

inline int ScaleIndex(int scale) { return scale == 1 ? 0 : scale == 2 ? 1 : 2; }

// The binary-op feedback update of the fast paths, inlined: the slot is a counter slot
// (BytecodeData::counter_slots), a Smi bit set from the start, so one `or` in place.
RUCHY_ALWAYS_INLINE void RecordFeedbackBits(Address* fp, uint32_t slot, int64_t bits) {
  // Every interpreted frame has a vector (closures get one when created).
  FeedbackVector vector = FeedbackVector::cast(Value(fp[Interpreter::kFeedbackVectorOffset]));
  Address* raw = vector.RawSlot(slot);
  DCHECK(Value(*raw).IsSmi());
  *raw |= Smi::FromInt(bits).ptr();
}

// Whether v is a HeapNumber (its shape is the read-only HeapNumber shape).
RUCHY_ALWAYS_INLINE bool IsFloat(Value v, Address number_shape) {
  return v.IsHeapObject() && HeapObject::unchecked_cast(v).shape_word().raw() == number_shape;
}

// Whether the Smi `key` indexes an element of `array`: compared as raw words, since Smi
// order is integer order and the unsigned compare also rejects negative keys.
RUCHY_ALWAYS_INLINE bool SmiIndexInBounds(Array array, Value key) {
  DCHECK(key.IsSmi());
  return static_cast<uint64_t>(key.ptr()) <
         static_cast<uint64_t>(array.ReadTagged(Array::kLengthOffset).ptr());
}

RUCHY_ALWAYS_INLINE double FloatValue(Value v) { return HeapNumber::unchecked_cast(v).value(); }

// Both operands numbers with at least one float, as doubles (mixed arithmetic is float,
// LANGUAGE.md §3); HeapInts and everything else are left to the slow path.
RUCHY_ALWAYS_INLINE bool NumberOperands(Value a, Value b, Address number_shape, double* x,
                                        double* y) {
  if (IsFloat(a, number_shape)) {
    *x = FloatValue(a);
    if (IsFloat(b, number_shape)) {
      *y = FloatValue(b);
      return true;
    }
    if (b.IsSmi()) {
      *y = static_cast<double>(Smi::ToInt(b));
      return true;
    }
    return false;
  }
  if (a.IsSmi() && IsFloat(b, number_shape)) {
    *x = static_cast<double>(Smi::ToInt(a));
    *y = FloatValue(b);
    return true;
  }
  return false;
}

// A HeapNumber bump-allocated in the new-space allocation area, as a tagged word; 0 when
// the area is full or its limit is lowered (stress GC, allocation limits), leaving the
// allocation to the heap's slow path. (A word, not an out-parameter: taking the
// accumulator's address would keep it out of a register.)
RUCHY_ALWAYS_INLINE Address AllocateHeapNumber(LinearAllocationArea* lab, Address number_shape,
                                               double value) {
  Address top = lab->top;
  // The new top against the limit (one compare; the area never ends near 2^64).
  Address new_top = top + HeapNumber::kSize;
  if (RUCHY_PREDICT_FALSE(new_top > lab->limit)) return 0;
  lab->top = new_top;
  HeapObject object = HeapObject::FromAddress(top);
  object.set_shape_word(ShapeWord(number_shape));
  HeapNumber::unchecked_cast(object).set_value(value);
  // A tagged pointer into the area is never 0: tells GCC so that callers' "allocation
  // failed" tests fold away on this path.
  if (object.ptr() == 0) __builtin_unreachable();
  return object.ptr();
}

// An EnumValue of `variant` with the `length` payload values at `payload`, bump-allocated
// in new space like AllocateHeapNumber (0: the slow path allocates). A new-space object
// needs no write barrier for its fields.
RUCHY_ALWAYS_INLINE Address AllocateEnumValue(LinearAllocationArea* lab, Address enum_value_shape,
                                              Value descriptor, Value variant,
                                              const Address* payload, int length) {
  Address top = lab->top;
  size_t size = static_cast<size_t>(EnumValue::SizeFor(length));
  if (RUCHY_PREDICT_FALSE(size > lab->limit - top)) return 0;
  lab->top = top + size;
  HeapObject object = HeapObject::FromAddress(top);
  object.set_shape_word(ShapeWord(enum_value_shape));
  EnumValue value = EnumValue::unchecked_cast(object);
  value.set_flags(0);
  value.set_descriptor(EnumDescriptor::unchecked_cast(descriptor), WriteBarrierMode::kSkip);
  value.set_variant(static_cast<int>(Smi::ToInt(variant)));
  value.set_payload_length(length);
  for (int i = 0; i < length; ++i) {
    value.set_payload(i, Value(payload[i]), WriteBarrierMode::kSkip);
  }
  return object.ptr();
}

// Whether v is an EnumValue (all share one shape).
RUCHY_ALWAYS_INLINE bool IsEnumValueFast(Value v, Address enum_value_shape) {
  return v.IsHeapObject() && HeapObject::unchecked_cast(v).shape_word().raw() == enum_value_shape;
}

// A one-payload enum value (Some(x), Ok(x)), bump-allocated like AllocateHeapNumber; 0 when
// the area is full or its limit is lowered. Callers check HasRoomForSome first when a later
// failure would be too late.
RUCHY_ALWAYS_INLINE bool HasRoomForSome(LinearAllocationArea* lab) {
  return static_cast<size_t>(EnumValue::SizeFor(1)) <= lab->limit - lab->top;
}
RUCHY_ALWAYS_INLINE Address AllocateVariant1(LinearAllocationArea* lab, Address enum_value_shape,
                                             EnumDescriptor descriptor, int variant,
                                             Value payload) {
  Address top = lab->top;
  if (RUCHY_PREDICT_FALSE(!HasRoomForSome(lab))) return 0;
  lab->top = top + EnumValue::SizeFor(1);
  HeapObject object = HeapObject::FromAddress(top);
  object.set_shape_word(ShapeWord(enum_value_shape));
  // A young object: its fields need no write barrier.
  object.WriteTaggedNoBarrier(EnumValue::kFlagsOffset, Smi::zero());
  object.WriteTaggedNoBarrier(EnumValue::kDescriptorOffset, descriptor);
  object.WriteTaggedNoBarrier(EnumValue::kVariantOffset, Smi::FromInt(variant));
  object.WriteTaggedNoBarrier(EnumValue::kPayloadLengthOffset, Smi::FromInt(1));
  object.WriteTaggedNoBarrier(EnumValue::OffsetOfPayload(0), payload);
  return object.ptr();
}
RUCHY_ALWAYS_INLINE Address AllocateSome(LinearAllocationArea* lab, Address enum_value_shape,
                                         EnumDescriptor option, Value payload) {
  return AllocateVariant1(lab, enum_value_shape, option, kOptionSome, payload);
}

// The integer in `bytes` when they are an optional sign and 1 to 18 decimal digits (so it
// is a Smi); false for anything else, which the parse built-in then handles.
RUCHY_ALWAYS_INLINE bool ParseShortDecimal(const uint8_t* bytes, uint32_t length, int64_t* out) {
  uint32_t i = 0;
  bool negative = false;
  if (length != 0 && (bytes[0] == '-' || bytes[0] == '+')) {
    negative = bytes[0] == '-';
    i = 1;
  }
  if (length == i || length - i > 18) return false;
  int64_t value = 0;
  for (; i < length; ++i) {
    uint32_t digit = static_cast<uint32_t>(bytes[i]) - '0';
    if (digit > 9) return false;
    value = value * 10 + digit;
  }
  *out = negative ? -value : value;
  return true;
}

// The receivers of the map intrinsics: HashMaps (also sets and sorted maps, where the
// intrinsic allows) that are not module namespaces, whose members come before methods.
RUCHY_ALWAYS_INLINE bool IsPlainMap(Value v, Address hash_map_shape) {
  return v.IsHeapObject() && HeapObject::unchecked_cast(v).shape_word().raw() == hash_map_shape &&
         !HashMap::unchecked_cast(v).has_flag(kModuleFlag);
}

// The keys the map intrinsics take: integers in Smi range and strings. Tuples, big
// integers, booleans and unhashable values go through the built-in.
RUCHY_ALWAYS_INLINE bool IsFastMapKey(Value key) { return key.IsSmi() || key.IsString(); }

// The handler (FieldIcHandler) of a monomorphic field-IC hit for `object` at feedback
// `slot`, or -1: polymorphic, megamorphic and uninitialized sites take the out-of-line path.
// The slot holds nil (uninitialized), a Smi (megamorphic) or a FixedArray [shape,
// handler]*. Nil needs no test of its own: the oddball's to_string field is where an
// array's first element is, and holds a String, never a shape.
static_assert(Oddball::kToStringOffset == FixedArray::OffsetOfElementAt(0));
RUCHY_ALWAYS_INLINE int64_t MonomorphicFieldHandler(Address* fp, uint32_t slot, Value object) {
  if (!object.IsHeapObject()) return -1;
  Value feedback = FeedbackVector::cast(Value(fp[Interpreter::kFeedbackVectorOffset]))
                       .get(static_cast<int>(slot));
  if (feedback.IsSmi()) return -1;
  DCHECK(feedback.IsNil() || feedback.IsFixedArray());
  // Read raw: for nil, FixedArray::get's bounds check would read the oddball's kind.
  Address first =
      HeapObject::unchecked_cast(feedback).ReadRaw<Address>(FixedArray::OffsetOfElementAt(0));
  if (first != HeapObject::unchecked_cast(object).shape_word().raw()) return -1;
  FixedArray entries = FixedArray::cast(feedback);
  return Smi::ToInt(entries.get(1));
}

RUCHY_ALWAYS_INLINE Value LoadField(Value object, int64_t handler) {
  int index = static_cast<int>(handler >> kFieldIcIndexShift);
  if (handler & kFieldIcPlainObjectBit) return PlainObject::unchecked_cast(object).FieldAt(index);
  return StructObject::unchecked_cast(object).field(index);
}

// IsShared and MarkShared without the call (they are out of line for everyone else).
RUCHY_ALWAYS_INLINE bool IsSharedContainer(Value v) {
  return v.IsCowContainer() && CowContainer::unchecked_cast(v).is_shared();
}
RUCHY_ALWAYS_INLINE void MarkSharedContainer(Value v) {
  if (v.IsCowContainer()) CowContainer::unchecked_cast(v).set_shared();
}

// A HandleScope for the handlers' slow paths, opened and closed out of line: inlined, the
// scopes' code grows the dispatch loop and costs the fast paths registers.
class SlowPathHandleScope {
 public:
  __attribute__((noinline)) explicit SlowPathHandleScope(Isolate* isolate) : scope_(isolate) {}
  __attribute__((noinline)) ~SlowPathHandleScope() {}
  RUCHY_DISALLOW_COPY_AND_ASSIGN(SlowPathHandleScope);

 private:
  HandleScope scope_;
};

}  // namespace

// Binary-operation feedback bits (FeedbackVector slot, a Smi bit set).
enum BinaryFeedback : int64_t {
  kFeedbackSignedSmall = 1,
  kFeedbackNumber = 2,
  kFeedbackString = 4,
  kFeedbackAny = 8,
};

__attribute__((optimize("omit-frame-pointer"))) MaybeHandle<Value> Interpreter::Execute(
    Handle<Closure> closure, int argc, const Handle<Value>* argv, Handle<Value>* receiver_out) {
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
    // Never reached: Call runs built-ins itself (CallNativeFromCpp) and RunScript only
    // scripts. The branch keeps this shape, a scope around a call with these arguments,
    // because with it GCC keeps the dispatch table in a register through the dispatch
    // loop (without it: +6% instructions on loops).
    HandleScope scope(isolate);
    return NotInterpreted(closure, argc, argv, receiver_out);
  }
  BytecodeData* data = BytecodeArray::cast(function_data).data();
  // Frames find their bytecode through the closure's copy (RELOAD_FRAME).
  closure->set_bytecode_data(data);
  Address* saved_top = top_;
  Address saved_fp = current_fp_;
  int saved_offset = current_offset_;
  int min_args = data->required_count + (data->has_self ? 1 : 0);
  if (argc > data->parameter_count || argc < min_args) {
    ThrowArityError(data, argc);
    return {};
  }
  Address* base = top_;
  if (base + data->parameter_count + kFrameHeaderSlots + data->register_count > stack_limit_) {
    isolate->ThrowError("Stack overflow");
    return {};
  }
  for (int i = 0; i < data->parameter_count; ++i) {
    base[i] = i < argc ? argv[i]->ptr() : isolate->the_hole_value().ptr();
  }
  Address* fp = base + data->parameter_count + kFrameHeaderSlots;
  // Entry frame: the caller fp slot holds -(outer fp + 1), so -1 when there is none.
  fp[kCallerFpOffset] = Smi::FromInt(-static_cast<int64_t>(saved_fp) - 1).ptr();
  fp[kCallerDataOffset] = 0;
  fp[kCallerPcOffset] = Smi::FromInt(saved_offset).ptr();
  fp[kClosureOffset] = closure->ptr();
  fp[kFeedbackVectorOffset] = closure->feedback_cell().value().ptr();
  fp[kContextOffset] = closure->context().ptr();
  for (int i = 0; i < data->register_count; ++i) fp[i] = isolate->nil_value().ptr();
  top_ = fp + data->register_count;
  ++entry_depth_;
#ifndef NDEBUG
  // Handlers leave through computed gotos, which skip destructors: a HandleScope left
  // open by one would leak handles into the caller's scope for every execution.
  const int handles_at_entry = HandleScope::NumberOfHandles(isolate);
#endif
  Address* const entry_fp = fp;

  static void* const kDispatchTable[] = {
#define RUCHY_LABEL(Name, ...) &&handle_##Name,
      RUCHY_BYTECODE_LIST(RUCHY_LABEL)
#undef RUCHY_LABEL
  };
  static void* const kWideDispatchTable[] = {
#define RUCHY_LABEL(Name, ...) &&wide_##Name,
      RUCHY_BYTECODE_LIST(RUCHY_LABEL)
#undef RUCHY_LABEL
  };

  const uint8_t* pc = data->bytes.data();
  int scale = 2;  // of the instruction after a prefix; unprefixed handlers ignore it
  Value acc = isolate->nil_value();
  // Slow paths write their result here, never through &acc: taking acc's address would
  // keep it in memory in every handler instead of in a register.
  Value slow_result;
  int64_t budget = kInterruptBudget;
  MaybeHandle<Value> result;
  const Value true_value = isolate->true_value();
  const Value false_value = isolate->false_value();
  const Value nil_value = isolate->nil_value();
  const Value the_hole_value = isolate->the_hole_value();
  // Read-only, so never moved by the GC; the allocation area's address is stable too.
  const Address number_shape = isolate->heap_number_shape().ptr();
  const Address enum_value_shape = isolate->enum_value_shape().ptr();
  const Address hash_map_shape = isolate->hash_map_shape().ptr();
  LinearAllocationArea* const lab = isolate->heap()->new_space()->lab();
  auto ToBoolean = [true_value, false_value](bool b) { return b ? true_value : false_value; };
  // The table's address in a register for the whole loop: an opaque copy, so GCC cannot
  // rematerialize it as a rip-relative lea in front of every dispatch (one instruction
  // per bytecode, 4-6% on loop-heavy programs).
  void* const* dispatch_table = kDispatchTable;
  asm("" : "+r"(dispatch_table));

// Operand access for the handler copy being expanded (SCALE and INSTR are defined around
// each inclusion of interpreter-handlers.inc).
#define REG_ADDR(i) (fp[ReadSigned(pc + 1 + (i)*SCALE, SCALE)])
#define REG(i) Value(REG_ADDR(i))
#define REG_INDEX(i) ReadSigned(pc + 1 + (i)*SCALE, SCALE)
#define UOP(i) ReadUnsigned(pc + 1 + (i)*SCALE, SCALE)
#define SOP(i) ReadSigned(pc + 1 + (i)*SCALE, SCALE)
// Every handler ends in its own indirect jump (threaded code), so each has its own
// branch-predictor history instead of sharing one dispatch jump.
#define DISPATCH() goto* dispatch_table[*pc]
// The size of the instruction at pc, executed by handler Name (a constant when unprefixed).
#define SIZE_OF(Name) (SCALE == 1 ? SingleSizes::k##Name : kSizeTable.sizes[ScaleIndex(SCALE)][*pc])
#define NEXT_OF(Name)    \
  do {                   \
    pc += SIZE_OF(Name); \
    DISPATCH();          \
  } while (0)
// Dispatch to the instruction at pc, doing it here when it is an unprefixed Star: the
// result of a call or a for-in step is nearly always stored next (CPython's PREDICT).
// Saves the Star's dispatch, and its indirect jump, for a compare that the handler's
// own branch history predicts.
#define DISPATCH_PREDICTING_STAR()                      \
  do {                                                  \
    if (*pc == static_cast<uint8_t>(Bytecode::kStar)) { \
      fp[static_cast<int8_t>(pc[1])] = acc.ptr();       \
      pc += SingleSizes::kStar;                         \
    }                                                   \
    DISPATCH();                                         \
  } while (0)
#define SYNC()                                                      \
  do {                                                              \
    current_fp_ = static_cast<Address>(fp - stack_);                \
    current_offset_ = static_cast<int>(INSTR - data->bytes.data()); \
    top_ = fp + data->register_count;                               \
  } while (0)
#define THROW()     \
  do {              \
    SYNC();         \
    goto exception; \
  } while (0)
#define CONSTANT(i)                                                                          \
  FixedArray::cast(                                                                          \
      BytecodeArray::cast(Closure::cast(Value(fp[kClosureOffset])).shared().function_data()) \
          .constant_pool())                                                                  \
      .get(static_cast<int>(i))
#define RELOAD_FRAME()                                                         \
  do {                                                                         \
    data = Closure::unchecked_cast(Value(fp[kClosureOffset])).bytecode_data(); \
    DCHECK(data != nullptr);                                                   \
  } while (0)

// Call feedback when the slot already holds this target or is megamorphic: just the
// count; anything else (first call, a new target) is Interpreter::RecordCallFeedback.
#define RECORD_CALL_TARGET(fp, slot, target)                                   \
  do {                                                                         \
    FeedbackVector call_vector =                                               \
        FeedbackVector::cast(Value((fp)[Interpreter::kFeedbackVectorOffset])); \
    Address* call_target = call_vector.RawSlot(slot);                          \
    /* slot + 1, the count, is a counter slot: always a Smi, compared raw */   \
    DCHECK(Value(call_target[1]).IsSmi());                                     \
    if ((call_target[0] == (target).ptr() ||                                   \
         call_target[0] == Smi::FromInt(kMegamorphic).ptr()) &&                \
        call_target[1] < Smi::FromInt(kMaxCallCount).ptr()) {                  \
      call_target[1] += Smi::FromInt(1).ptr();                                 \
    } else {                                                                   \
      RecordCallFeedback((fp), (slot), (target));                              \
    }                                                                          \
  } while (0)

// Enters interpreted `callee` (whose BytecodeData is `callee_data`) with `count` arguments
// at `args`, `shift` recording where in-out parameters go back to. The common case, exact
// arity with room on the VM stack, is inline; the rest (optional parameters, arity
// errors, stack overflow) is PushFrame.
#define ENTER_FRAME(callee, callee_data, args, count, shift)                                 \
  do {                                                                                       \
    BytecodeData* const enter_data = (callee_data);                                          \
    /* the caller's registers end here (top_ may be stale: Return leaves it) */              \
    Address* const enter_base = fp + data->register_count;                                   \
    Address* const frame = enter_base + enter_data->parameter_count + kFrameHeaderSlots;     \
    if (RUCHY_PREDICT_TRUE((count) == enter_data->parameter_count &&                         \
                           frame + enter_data->register_count <= stack_limit_)) {            \
      if (RUCHY_PREDICT_TRUE((count) <= kEnterFrameCopyWords)) {                             \
        /* a fixed-size copy: the words past `count` land in header slots written below */   \
        static_assert(kEnterFrameCopyWords == 4);                                            \
        const Address* const enter_args = (args);                                            \
        enter_base[0] = enter_args[0];                                                       \
        enter_base[1] = enter_args[1];                                                       \
        enter_base[2] = enter_args[2];                                                       \
        enter_base[3] = enter_args[3];                                                       \
      } else {                                                                               \
        for (int i = 0; i < (count); ++i) enter_base[i] = (args)[i];                         \
      }                                                                                      \
      frame[kCallerFpOffset] = reinterpret_cast<Address>(fp);                                \
      frame[kCallerDataOffset] = reinterpret_cast<Address>(data);                            \
      /* all call bytecodes have one size (static_assert above) */                           \
      frame[kCallerPcOffset] =                                                               \
          CallerPcWord(pc + SIZE_OF(CallFunction), ScaleIndex(SCALE), (shift));              \
      Closure enter_closure = Closure::cast(callee);                                         \
      frame[kClosureOffset] = enter_closure.ptr();                                           \
      frame[kFeedbackVectorOffset] = enter_closure.feedback_cell().value().ptr();            \
      frame[kContextOffset] = enter_closure.context().ptr();                                 \
      /* two registers per step (the frame fits below stack_limit_ with room to spare,       \
         so a store one past the last register lands in a dead slot) */                      \
      for (Address* r = frame, *end = frame + enter_data->register_count; r < end; r += 2) { \
        r[0] = nil_value.ptr();                                                              \
        r[1] = nil_value.ptr();                                                              \
      }                                                                                      \
      top_ = frame + enter_data->register_count;                                             \
      fp = frame;                                                                            \
    } else {                                                                                 \
      SYNC();                                                                                \
      Address* new_fp;                                                                       \
      if (!PushFrame(fp, Closure::cast(callee), (args), (count),                             \
                     CallerPcWord(pc + SIZE_OF(CallFunction), ScaleIndex(SCALE), (shift)),   \
                     &new_fp)) {                                                             \
        THROW();                                                                             \
      }                                                                                      \
      fp = new_fp;                                                                           \
    }                                                                                        \
    data = enter_data;                                                                       \
    pc = data->bytes.data();                                                                 \
    DISPATCH();                                                                              \
  } while (0)

  DISPATCH();

#define HANDLER(Name) handle_##Name
#define SCALE 1
#define INSTR pc
#include "src/interpreter/interpreter-handlers.inc"
#undef HANDLER
#undef SCALE
#undef INSTR

#define HANDLER(Name) wide_##Name
#define SCALE scale
#define INSTR (pc - 1)
#include "src/interpreter/interpreter-handlers.inc"
#undef HANDLER
#undef SCALE
#undef INSTR

exception:
  // A new exception, or one coming out of a nested activation: remember where it came from
  // (CaptureStackTrace keeps the trace of an exception it has seen).
  CaptureStackTrace();
unwind : {
  // current_offset_ is the throwing instruction's offset in the frame being unwound (THROW
  // synced it; walking out to a caller sets it to the call's offset).
  const HandlerTableEntry* handler = data->FindHandler(current_offset_);
  if (handler != nullptr && !isolate->IsOutOfMemoryPending()) {
    fp[kContextOffset] = fp[handler->context.index()];
    acc = isolate->pending_exception();
    last_caught_ = acc.ptr();
    last_caught_was_error_ = isolate->pending_exception_is_error();
    isolate->clear_pending_exception();
    trace_valid_ = false;
    top_ = fp + data->register_count;
    pc = data->bytes.data() + handler->handler;
    DISPATCH();
  }
  Address caller = fp[kCallerFpOffset];
  DCHECK(fp != entry_fp || IsEntryFrameMarker(caller));
  if (IsEntryFrameMarker(caller)) goto exit;
  {
    Address caller_pc_word = fp[kCallerPcOffset];
    fp = reinterpret_cast<Address*>(caller);
    current_fp_ = static_cast<Address>(fp - stack_);
    RELOAD_FRAME();
    current_offset_ = CallOffsetOf(caller_pc_word, data->bytes.data());
  }
  goto unwind;
}

exit:
  // At most the result and the receiver written back are new.
  DCHECK_LE(HandleScope::NumberOfHandles(isolate), handles_at_entry + 2);
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
#undef NEXT_OF
#undef DISPATCH_PREDICTING_STAR
#undef SIZE_OF
#undef DISPATCH
#undef ENTER_FRAME
#undef RECORD_CALL_TARGET
#undef SYNC
#undef THROW
#undef CONSTANT
#undef RELOAD_FRAME
}

}  // namespace ruchy::internal::interpreter
