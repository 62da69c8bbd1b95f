// Small leaf objects: the nil/true/false oddballs, boxed numbers (HeapNumber for floats,
// HeapInt for 64-bit integers outside the Smi range), and the fillers that keep pages
// iterable over free memory.
#ifndef RUCHY_OBJECTS_PRIMITIVES_H_
#define RUCHY_OBJECTS_PRIMITIVES_H_

#include "src/objects/heap-object.h"

namespace ruchy::internal {

// nil, true, false and the hole: unique read-only objects, compared by identity.
class Oddball : public HeapObject {
  RUCHY_OBJECT_CONSTRUCTORS(Oddball, HeapObject)

 public:
  enum Kind : int64_t { kNil = 0, kTrue = 1, kFalse = 2, kTheHole = 3 };

  static constexpr int kKindOffset = 8;  // Smi
  static constexpr int kToStringOffset = 16;
  static constexpr int kSize = 24;
  static constexpr int kTaggedBodyStart = kKindOffset;

  Kind kind() const { return static_cast<Kind>(Smi::ToInt(ReadTagged(kKindOffset))); }
  void set_kind(Kind kind) const { WriteTaggedNoBarrier(kKindOffset, Smi::FromInt(kind)); }
  inline String to_string() const;
  inline void set_to_string(String value) const;
};

// An immutable boxed float.
class HeapNumber : public HeapObject {
  RUCHY_OBJECT_CONSTRUCTORS(HeapNumber, HeapObject)

 public:
  static constexpr int kValueOffset = 8;  // double
  static constexpr int kSize = 16;
  static constexpr int kTaggedBodyStart = -1;

  RUCHY_ALWAYS_INLINE double value() const { return ReadRaw<double>(kValueOffset); }
  RUCHY_ALWAYS_INLINE void set_value(double v) const { WriteRaw<double>(kValueOffset, v); }
};

// An immutable boxed 64-bit integer. Invariant: its value is outside the Smi range, so
// every integer has exactly one representation and equality of Smis is word equality.
class HeapInt : public HeapObject {
  RUCHY_OBJECT_CONSTRUCTORS(HeapInt, HeapObject)

 public:
  static constexpr int kValueOffset = 8;  // int64_t
  static constexpr int kSize = 16;
  static constexpr int kTaggedBodyStart = -1;

  int64_t value() const { return ReadRaw<int64_t>(kValueOffset); }
  void set_value(int64_t v) const { WriteRaw<int64_t>(kValueOffset, v); }
};

// A free block of at least two words; its size is a Smi so heap iteration can step over
// it. The rest of the block is garbage and is never visited.
class FreeSpace : public HeapObject {
  RUCHY_OBJECT_CONSTRUCTORS(FreeSpace, HeapObject)

 public:
  static constexpr int kSizeOffset = 8;  // Smi, bytes including the header
  static constexpr int kMinSize = 16;
  static constexpr int kTaggedBodyStart = -1;

  int size() const { return static_cast<int>(Smi::ToInt(ReadTagged(kSizeOffset))); }
  void set_size(int size) const { WriteTaggedNoBarrier(kSizeOffset, Smi::FromInt(size)); }
};

// A one-word gap.
class Filler : public HeapObject {
  RUCHY_OBJECT_CONSTRUCTORS(Filler, HeapObject)

 public:
  static constexpr int kSize = kTaggedSize;
  static constexpr int kTaggedBodyStart = -1;
};

}  // namespace ruchy::internal

#endif  // RUCHY_OBJECTS_PRIMITIVES_H_
