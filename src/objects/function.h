// Functions and their companions: SharedFunctionInfo (what all closures of one function
// share), Closure (SFI + context + feedback cell + current code), Context (heap slots for
// captured variables, chained to the outer context), FeedbackCell and FeedbackVector.
// The interpreter and JITs own the meaning of the slots; this file owns the layouts.
#ifndef RUCHY_OBJECTS_FUNCTION_H_
#define RUCHY_OBJECTS_FUNCTION_H_

#include "src/objects/heap-object.h"

namespace ruchy::internal {

namespace interpreter {
struct BytecodeData;
}  // namespace interpreter

class SharedFunctionInfo : public HeapObject {
  RUCHY_OBJECT_CONSTRUCTORS(SharedFunctionInfo, HeapObject)

 public:
  static constexpr int kNameOffset = 8;               // String
  static constexpr int kFunctionDataOffset = 16;      // bytecode (interpreter-defined) or nil
  static constexpr int kFeedbackMetadataOffset = 24;  // interpreter-defined or nil
  static constexpr int kBaselineCodeOffset = 32;      // Code or nil
  static constexpr int kOptimizedCodeOffset = 40;     // Code or nil
  static constexpr int kScriptOffset = 48;            // embedder-defined or nil
  static constexpr int kParameterCountOffset = 56;    // Smi
  static constexpr int kFlagsOffset = 64;             // Smi
  static constexpr int kSize = 72;
  static constexpr int kTaggedBodyStart = kNameOffset;

  inline String name() const;
  inline void set_name(String value, WriteBarrierMode mode = WriteBarrierMode::kUpdate) const;
#define RUCHY_SFI_VALUE_FIELD(name, Offset)                                           \
  Value name() const { return ReadTagged(Offset); }                                   \
  void set_##name(Value v, WriteBarrierMode mode = WriteBarrierMode::kUpdate) const { \
    WriteTagged(Offset, v, mode);                                                     \
  }
  RUCHY_SFI_VALUE_FIELD(function_data, kFunctionDataOffset)
  RUCHY_SFI_VALUE_FIELD(feedback_metadata, kFeedbackMetadataOffset)
  RUCHY_SFI_VALUE_FIELD(baseline_code, kBaselineCodeOffset)
  RUCHY_SFI_VALUE_FIELD(optimized_code, kOptimizedCodeOffset)
  RUCHY_SFI_VALUE_FIELD(script, kScriptOffset)
#undef RUCHY_SFI_VALUE_FIELD
  int parameter_count() const {
    return static_cast<int>(Smi::ToInt(ReadTagged(kParameterCountOffset)));
  }
  void set_parameter_count(int n) const {
    WriteTaggedNoBarrier(kParameterCountOffset, Smi::FromInt(n));
  }
  int64_t flags() const { return Smi::ToInt(ReadTagged(kFlagsOffset)); }
  void set_flags(int64_t f) const { WriteTaggedNoBarrier(kFlagsOffset, Smi::FromInt(f)); }
  // Flag bits. kArgumentsReadOnlyBit: a compiled function without in-out parameters, so a
  // call never writes its arguments back (callers skip the lost-write-back check).
  static constexpr int64_t kArgumentsReadOnlyBit = 1 << 0;
};

class FeedbackCell : public HeapObject {
  RUCHY_OBJECT_CONSTRUCTORS(FeedbackCell, HeapObject)

 public:
  static constexpr int kValueOffset = 8;             // FeedbackVector or nil
  static constexpr int kInterruptBudgetOffset = 16;  // Smi
  static constexpr int kSize = 24;
  static constexpr int kTaggedBodyStart = kValueOffset;

  Value value() const { return ReadTagged(kValueOffset); }
  void set_value(Value v, WriteBarrierMode mode = WriteBarrierMode::kUpdate) const {
    WriteTagged(kValueOffset, v, mode);
  }
  int64_t interrupt_budget() const { return Smi::ToInt(ReadTagged(kInterruptBudgetOffset)); }
  void set_interrupt_budget(int64_t b) const {
    WriteTaggedNoBarrier(kInterruptBudgetOffset, Smi::FromInt(b));
  }
};

class Closure : public HeapObject {
  RUCHY_OBJECT_CONSTRUCTORS(Closure, HeapObject)

 public:
  // Raw: the interpreter's BytecodeData* of shared()'s bytecode, or null when the function
  // has none (a native). A copy of what shared().function_data() leads to, kept here so a
  // call or return reaches it in one load instead of three. Not a tagged slot.
  static constexpr int kBytecodeDataOffset = 8;
  static constexpr int kSharedOffset = 16;        // SharedFunctionInfo
  static constexpr int kContextOffset = 24;       // Context or nil
  static constexpr int kFeedbackCellOffset = 32;  // FeedbackCell
  static constexpr int kCodeOffset = 40;          // Code (current tier's entry) or nil
  static constexpr int kSize = 48;
  static constexpr int kTaggedBodyStart = kSharedOffset;

  RUCHY_ALWAYS_INLINE interpreter::BytecodeData* bytecode_data() const {
    return ReadRaw<interpreter::BytecodeData*>(kBytecodeDataOffset);
  }
  void set_bytecode_data(interpreter::BytecodeData* data) const {
    WriteRaw<interpreter::BytecodeData*>(kBytecodeDataOffset, data);
  }

  inline SharedFunctionInfo shared() const;
  inline void set_shared(SharedFunctionInfo value,
                         WriteBarrierMode mode = WriteBarrierMode::kUpdate) const;
  Value context() const { return ReadTagged(kContextOffset); }
  void set_context(Value v, WriteBarrierMode mode = WriteBarrierMode::kUpdate) const {
    WriteTagged(kContextOffset, v, mode);
  }
  inline FeedbackCell feedback_cell() const;
  inline void set_feedback_cell(FeedbackCell value,
                                WriteBarrierMode mode = WriteBarrierMode::kUpdate) const;
  Value code() const { return ReadTagged(kCodeOffset); }
  void set_code(Value v, WriteBarrierMode mode = WriteBarrierMode::kUpdate) const {
    WriteTagged(kCodeOffset, v, mode);
  }
};

class Context : public HeapObject {
  RUCHY_OBJECT_CONSTRUCTORS(Context, HeapObject)

 public:
  static constexpr int kLengthOffset = 8;     // Smi: number of slots
  static constexpr int kPreviousOffset = 16;  // outer Context or nil
  static constexpr int kSlotsOffset = 24;
  static constexpr int kTaggedBodyStart = kLengthOffset;
  static constexpr int kMaxLength = 1 << 20;

  static constexpr int OffsetOfSlot(int index) { return kSlotsOffset + index * kTaggedSize; }
  static constexpr int SizeFor(int length) { return kSlotsOffset + length * kTaggedSize; }

  int length() const { return static_cast<int>(Smi::ToInt(ReadTagged(kLengthOffset))); }
  void set_length(int n) const { WriteTaggedNoBarrier(kLengthOffset, Smi::FromInt(n)); }
  Value previous() const { return ReadTagged(kPreviousOffset); }
  void set_previous(Value v, WriteBarrierMode mode = WriteBarrierMode::kUpdate) const {
    WriteTagged(kPreviousOffset, v, mode);
  }
  RUCHY_ALWAYS_INLINE Value get(int index) const {
    DCHECK(index >= 0 && index < length());
    return ReadTagged(OffsetOfSlot(index));
  }
  RUCHY_ALWAYS_INLINE void set(int index, Value v,
                               WriteBarrierMode mode = WriteBarrierMode::kUpdate) const {
    DCHECK(index >= 0 && index < length());
    WriteTagged(OffsetOfSlot(index), v, mode);
  }
};

class FeedbackVector : public HeapObject {
  RUCHY_OBJECT_CONSTRUCTORS(FeedbackVector, HeapObject)

 public:
  static constexpr int kLengthOffset = 8;            // Smi: number of slots
  static constexpr int kSharedOffset = 16;           // SharedFunctionInfo
  static constexpr int kInvocationCountOffset = 24;  // Smi
  static constexpr int kFlagsOffset = 32;            // Smi: tiering state (tiering manager)
  static constexpr int kSlotsOffset = 40;
  static constexpr int kTaggedBodyStart = kLengthOffset;
  static constexpr int kMaxLength = 1 << 20;

  static constexpr int OffsetOfSlot(int index) { return kSlotsOffset + index * kTaggedSize; }
  static constexpr int SizeFor(int length) { return kSlotsOffset + length * kTaggedSize; }

  int length() const { return static_cast<int>(Smi::ToInt(ReadTagged(kLengthOffset))); }
  void set_length(int n) const { WriteTaggedNoBarrier(kLengthOffset, Smi::FromInt(n)); }
  inline SharedFunctionInfo shared() const;
  inline void set_shared(SharedFunctionInfo value,
                         WriteBarrierMode mode = WriteBarrierMode::kUpdate) const;
  int64_t invocation_count() const { return Smi::ToInt(ReadTagged(kInvocationCountOffset)); }
  void set_invocation_count(int64_t n) const {
    WriteTaggedNoBarrier(kInvocationCountOffset, Smi::FromInt(n));
  }
  int64_t flags() const { return Smi::ToInt(ReadTagged(kFlagsOffset)); }
  void set_flags(int64_t f) const { WriteTaggedNoBarrier(kFlagsOffset, Smi::FromInt(f)); }
  RUCHY_ALWAYS_INLINE Value get(int index) const {
    DCHECK(index >= 0 && index < length());
    return ReadTagged(OffsetOfSlot(index));
  }
  RUCHY_ALWAYS_INLINE void set(int index, Value v,
                               WriteBarrierMode mode = WriteBarrierMode::kUpdate) const {
    DCHECK(index >= 0 && index < length());
    WriteTagged(OffsetOfSlot(index), v, mode);
  }
  // Slot `index` in place, for the interpreter's inline updates of Smi slots (call counts,
  // binary-op bits): stores of Smis need no write barrier.
  RUCHY_ALWAYS_INLINE Address* RawSlot(uint32_t index) const {
    DCHECK(static_cast<int64_t>(index) < length());
    return reinterpret_cast<Address*>(address() + kSlotsOffset + uintptr_t{index} * kTaggedSize);
  }
};

}  // namespace ruchy::internal

#endif  // RUCHY_OBJECTS_FUNCTION_H_
