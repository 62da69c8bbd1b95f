// Length-prefixed backing stores: FixedArray (tagged values), FixedDoubleArray (unboxed
// floats) and ByteArray (raw bytes). The length is a Smi at offset 8 in all three, so
// JIT code checks capacity the same way whatever the elements kind.
#ifndef RUCHY_OBJECTS_FIXED_ARRAY_H_
#define RUCHY_OBJECTS_FIXED_ARRAY_H_

#include "src/base/macros.h"
#include "src/objects/heap-object.h"

namespace ruchy::internal {

class FixedArrayBase : public HeapObject {
  RUCHY_OBJECT_CONSTRUCTORS(FixedArrayBase, HeapObject)

 public:
  static constexpr int kLengthOffset = 8;  // Smi
  static constexpr int kHeaderSize = 16;
  // Bounds the allocation request arithmetic; real limits come from the heap size.
  static constexpr int kMaxLength = (1 << 28) - 1;

  int length() const { return static_cast<int>(Smi::ToInt(ReadTagged(kLengthOffset))); }
  void set_length(int length) const { WriteTaggedNoBarrier(kLengthOffset, Smi::FromInt(length)); }
};

class FixedArray : public FixedArrayBase {
  RUCHY_OBJECT_CONSTRUCTORS(FixedArray, FixedArrayBase)

 public:
  static constexpr int kTaggedBodyStart = kLengthOffset;

  // intptr_t, so that an element's address is one addressing mode, not 32-bit arithmetic
  // and a sign extension.
  static constexpr intptr_t OffsetOfElementAt(int index) {
    return kHeaderSize + intptr_t{index} * kTaggedSize;
  }
  static constexpr int SizeFor(int length) { return kHeaderSize + length * kTaggedSize; }

  RUCHY_ALWAYS_INLINE Value get(int index) const {
    DCHECK(index >= 0 && index < length());
    return ReadTagged(OffsetOfElementAt(index));
  }
  RUCHY_ALWAYS_INLINE void set(int index, Value value,
                               WriteBarrierMode mode = WriteBarrierMode::kUpdate) const;
  ObjectSlot RawFieldOfElementAt(int index) const { return RawField(OffsetOfElementAt(index)); }
  // Fills [from, to) with `value`, which must not be a young object (no barrier).
  void FillWithNoBarrier(int from, int to, Value value) const {
    for (int i = from; i < to; ++i) WriteTaggedNoBarrier(OffsetOfElementAt(i), value);
  }
};

class FixedDoubleArray : public FixedArrayBase {
  RUCHY_OBJECT_CONSTRUCTORS(FixedDoubleArray, FixedArrayBase)

 public:
  static constexpr int kTaggedBodyStart = -1;

  static constexpr intptr_t OffsetOfElementAt(int index) {
    return kHeaderSize + intptr_t{index} * kDoubleSize;
  }
  static constexpr int SizeFor(int length) { return kHeaderSize + length * kDoubleSize; }

  RUCHY_ALWAYS_INLINE double get(int index) const {
    DCHECK(index >= 0 && index < length());
    return ReadRaw<double>(OffsetOfElementAt(index));
  }
  RUCHY_ALWAYS_INLINE void set(int index, double value) const {
    DCHECK(index >= 0 && index < length());
    WriteRaw<double>(OffsetOfElementAt(index), value);
  }
};

class ByteArray : public FixedArrayBase {
  RUCHY_OBJECT_CONSTRUCTORS(ByteArray, FixedArrayBase)

 public:
  static constexpr int kTaggedBodyStart = -1;

  static constexpr int SizeFor(int length) {
    return static_cast<int>(base::RoundUp(kHeaderSize + length, kObjectAlignment));
  }
  uint8_t* data() const { return reinterpret_cast<uint8_t*>(FieldAddress(kHeaderSize)); }
  uint8_t get(int index) const {
    DCHECK(index >= 0 && index < length());
    return data()[index];
  }
  void set(int index, uint8_t value) const {
    DCHECK(index >= 0 && index < length());
    data()[index] = value;
  }
};

}  // namespace ruchy::internal

#endif  // RUCHY_OBJECTS_FIXED_ARRAY_H_
