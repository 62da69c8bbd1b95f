// Tuple: a fixed-length value-semantics sequence, elements inline.
#ifndef RUCHY_OBJECTS_TUPLE_H_
#define RUCHY_OBJECTS_TUPLE_H_

#include "src/objects/cow.h"

namespace ruchy::internal {

class Tuple : public CowContainer {
  RUCHY_OBJECT_CONSTRUCTORS(Tuple, CowContainer)

 public:
  static constexpr int kLengthOffset = 16;  // Smi
  static constexpr int kElementsOffset = 24;
  static constexpr int kTaggedBodyStart = kFlagsOffset;
  static constexpr int kMaxLength = (1 << 24);

  static constexpr intptr_t OffsetOfElementAt(int index) {
    return kElementsOffset + intptr_t{index} * kTaggedSize;
  }
  static constexpr int SizeFor(int length) { return kElementsOffset + length * kTaggedSize; }

  int length() const { return static_cast<int>(Smi::ToInt(ReadTagged(kLengthOffset))); }
  void set_length(int n) const { WriteTaggedNoBarrier(kLengthOffset, Smi::FromInt(n)); }
  Value get(int index) const {
    DCHECK(index >= 0 && index < length());
    return ReadTagged(OffsetOfElementAt(index));
  }
  void set(int index, Value value, WriteBarrierMode mode = WriteBarrierMode::kUpdate) const {
    DCHECK(index >= 0 && index < length());
    WriteTagged(OffsetOfElementAt(index), value, mode);
  }
};

}  // namespace ruchy::internal

#endif  // RUCHY_OBJECTS_TUPLE_H_
