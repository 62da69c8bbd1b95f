// The tagged 64-bit Value: a Smi (63-bit integer, n << 1, low bit 0) or a pointer to a
// heap object (address + 1). Every object class is a thin value type over one such word.
#ifndef RUCHY_OBJECTS_VALUE_H_
#define RUCHY_OBJECTS_VALUE_H_

#include <cstdint>
#include <ostream>

#include "src/base/logging.h"
#include "src/base/macros.h"
#include "src/objects/instance-type.h"

namespace ruchy::internal {

using Address = uintptr_t;
constexpr Address kNullAddress = 0;

constexpr int kTaggedSize = 8;
constexpr int kTaggedSizeLog2 = 3;
constexpr int kDoubleSize = 8;
constexpr int kObjectAlignment = 8;
constexpr Address kObjectAlignmentMask = kObjectAlignment - 1;

// Tagging. JIT code tests the low bit: 0 = Smi, 1 = heap object.
constexpr Address kHeapObjectTag = 1;
constexpr Address kHeapObjectTagMask = 1;
constexpr Address kSmiTag = 0;
constexpr int kSmiShift = 1;
constexpr int64_t kSmiMinValue = -(int64_t{1} << 62);
constexpr int64_t kSmiMaxValue = (int64_t{1} << 62) - 1;

class Isolate;
class Heap;
class Shape;
#define RUCHY_FORWARD_DECLARE_CLASS(Name) class Name;
RUCHY_INSTANCE_TYPE_LIST(RUCHY_FORWARD_DECLARE_CLASS)
#undef RUCHY_FORWARD_DECLARE_CLASS
class String;
class HeapObject;
class FixedArrayBase;
class CowContainer;

// A tagged word. Copyable, trivially destructible; holding one across an allocation is a
// bug (the object may move) unless it lives in a Handle.
class Value {
 public:
  constexpr Value() : ptr_(kSmiTag) {}  // Smi zero
  explicit constexpr Value(Address ptr) : ptr_(ptr) {}

  constexpr Address ptr() const { return ptr_; }
  constexpr bool IsSmi() const { return (ptr_ & kHeapObjectTagMask) == kSmiTag; }
  constexpr bool IsHeapObject() const { return (ptr_ & kHeapObjectTagMask) == kHeapObjectTag; }

  // One predicate per instance type (IsShape(), IsArray(), ...), plus a few groups.
#define RUCHY_DECLARE_TYPE_PREDICATE(Name) inline bool Is##Name() const;
  RUCHY_INSTANCE_TYPE_LIST(RUCHY_DECLARE_TYPE_PREDICATE)
#undef RUCHY_DECLARE_TYPE_PREDICATE
  inline bool IsString() const;  // SeqString or ConsString
  inline bool IsFixedArrayBase()
      const;                      // FixedArray, OrderedHashTable, FixedDoubleArray, ByteArray
  inline bool IsInteger() const;  // Smi or HeapInt
  inline bool IsNil() const;      // the nil oddball
  inline bool IsTrue() const;     // the true oddball
  inline bool IsFalse() const;    // the false oddball
  inline bool IsBoolean() const;  // true or false
  inline bool IsTheHole() const;  // the internal "no value" marker
  RUCHY_ALWAYS_INLINE bool IsCowContainer()
      const;  // Array, Tuple, HashMap, StructObject, EnumValue

  static constexpr Value cast(Value v) { return v; }
  static constexpr Value unchecked_cast(Value v) { return v; }

  constexpr bool operator==(const Value& other) const { return ptr_ == other.ptr_; }
  constexpr bool operator!=(const Value& other) const { return ptr_ != other.ptr_; }

 protected:
  Address ptr_;
};

// Smi helpers. A Smi is a Value whose low bit is 0; its payload is the word shifted
// right arithmetically by one.
class Smi : public Value {
 public:
  constexpr Smi() = default;
  explicit constexpr Smi(Address ptr) : Value(ptr) {}

  static constexpr bool IsValid(int64_t v) { return v >= kSmiMinValue && v <= kSmiMaxValue; }
  static constexpr Smi FromInt(int64_t v) {
    DCHECK(IsValid(v));
    return Smi(static_cast<Address>(v) << kSmiShift);
  }
  static constexpr Smi zero() { return Smi(0); }
  constexpr int64_t value() const { return static_cast<int64_t>(ptr_) >> kSmiShift; }
  static constexpr int64_t ToInt(Value v) { return static_cast<int64_t>(v.ptr()) >> kSmiShift; }

  static Smi cast(Value v) {
    DCHECK(v.IsSmi());
    return Smi(v.ptr());
  }
  static constexpr Smi unchecked_cast(Value v) { return Smi(v.ptr()); }
};

// For CHECK_EQ and test failure messages: "Smi(5)" or the tagged pointer in hex.
inline std::ostream& operator<<(std::ostream& out, Value value) {
  if (value.IsSmi()) return out << "Smi(" << Smi::ToInt(value) << ")";
  return out << "HeapObject(0x" << std::hex << value.ptr() << std::dec << ")";
}

}  // namespace ruchy::internal

#endif  // RUCHY_OBJECTS_VALUE_H_
