// Range: the value of `a..b` / `a..=b`. Immutable; either bound may be nil (`..b`, `a..`).
#ifndef RUCHY_OBJECTS_RANGE_H_
#define RUCHY_OBJECTS_RANGE_H_

#include "src/objects/heap-object.h"

namespace ruchy::internal {

class Range : public HeapObject {
  RUCHY_OBJECT_CONSTRUCTORS(Range, HeapObject)

 public:
  static constexpr int kFromOffset = 8;        // any value, nil when absent
  static constexpr int kToOffset = 16;         // any value, nil when absent
  static constexpr int kInclusiveOffset = 24;  // Smi 0 or 1
  static constexpr int kSize = 32;
  static constexpr int kTaggedBodyStart = kFromOffset;

  Value from() const { return ReadTagged(kFromOffset); }
  Value to() const { return ReadTagged(kToOffset); }
  bool inclusive() const { return Smi::ToInt(ReadTagged(kInclusiveOffset)) != 0; }
  void set_from(Value v, WriteBarrierMode mode = WriteBarrierMode::kUpdate) const {
    WriteTagged(kFromOffset, v, mode);
  }
  void set_to(Value v, WriteBarrierMode mode = WriteBarrierMode::kUpdate) const {
    WriteTagged(kToOffset, v, mode);
  }
  void set_inclusive(bool b) const { WriteTaggedNoBarrier(kInclusiveOffset, Smi::FromInt(b)); }
};

}  // namespace ruchy::internal

#endif  // RUCHY_OBJECTS_RANGE_H_
