// HeapObject: the base of every object in the heap. Its first word is the Shape pointer
// (or, during a GC, a forwarding address). Also the raw field accessors and slot types.
#ifndef RUCHY_OBJECTS_HEAP_OBJECT_H_
#define RUCHY_OBJECTS_HEAP_OBJECT_H_

#include <cstring>

#include "src/base/macros.h"
#include "src/objects/value.h"

namespace ruchy::internal {

enum class WriteBarrierMode { kSkip, kUpdate };

// Constructors and casts every object class declares. `cast` checks the type in debug
// builds; `unchecked_cast` never checks (used by handles and the GC).
#define RUCHY_OBJECT_CONSTRUCTORS(Type, Base)         \
 public:                                              \
  constexpr Type() = default;                         \
  explicit constexpr Type(Address ptr) : Base(ptr) {} \
  static Type cast(Value v) {                         \
    DCHECK(v.Is##Type());                             \
    return Type(v.ptr());                             \
  }                                                   \
  static constexpr Type unchecked_cast(Value v) { return Type(v.ptr()); }

// The address of one tagged slot. Loads and stores go through memcpy so slots that are
// not 8-byte aligned (pointers embedded in machine code) are handled alike.
class ObjectSlot {
 public:
  constexpr ObjectSlot() : address_(kNullAddress) {}
  explicit constexpr ObjectSlot(Address address) : address_(address) {}
  explicit ObjectSlot(Address* location) : address_(reinterpret_cast<Address>(location)) {}

  Address address() const { return address_; }
  Value load() const {
    Address word;
    std::memcpy(&word, reinterpret_cast<const void*>(address_), sizeof(word));
    return Value(word);
  }
  void store(Value value) const {
    Address word = value.ptr();
    std::memcpy(reinterpret_cast<void*>(address_), &word, sizeof(word));
  }
  ObjectSlot operator+(int slots) const { return ObjectSlot(address_ + slots * kTaggedSize); }
  ObjectSlot& operator++() {
    address_ += kTaggedSize;
    return *this;
  }
  bool operator<(const ObjectSlot& other) const { return address_ < other.address_; }
  bool operator==(const ObjectSlot& other) const { return address_ == other.address_; }
  bool operator!=(const ObjectSlot& other) const { return address_ != other.address_; }

 private:
  Address address_;
};

// The first word of an object: a tagged Shape pointer normally; during a GC an object
// that has been copied holds its new address there with the low bit clear.
class ShapeWord {
 public:
  explicit constexpr ShapeWord(Address value) : value_(value) {}
  static ShapeWord FromForwardingAddress(Address new_address) {
    DCHECK_EQ(new_address & kHeapObjectTagMask, 0u);
    return ShapeWord(new_address);
  }
  bool IsForwardingAddress() const { return (value_ & kHeapObjectTagMask) == 0; }
  inline HeapObject ToForwardingAddress() const;
  inline Shape ToShape() const;
  Address raw() const { return value_; }

 private:
  Address value_;
};

class HeapObject : public Value {
  RUCHY_OBJECT_CONSTRUCTORS(HeapObject, Value)

 public:
  static constexpr int kShapeOffset = 0;
  static constexpr int kHeaderSize = kTaggedSize;

  static HeapObject FromAddress(Address address) {
    DCHECK_EQ(address & kObjectAlignmentMask, 0u);
    return HeapObject(address + kHeapObjectTag);
  }
  Address address() const { return ptr_ - kHeapObjectTag; }
  Address FieldAddress(intptr_t offset) const { return address() + offset; }
  ObjectSlot RawField(intptr_t offset) const { return ObjectSlot(FieldAddress(offset)); }

  inline Shape shape() const;
  // Shapes live in old or read-only space, never in new space, so installing one needs no
  // generational barrier; the GC still visits the slot (shapes can move when compacted).
  inline void set_shape(Shape shape);
  inline InstanceType instance_type() const;
  RUCHY_ALWAYS_INLINE ShapeWord shape_word() const {
    return ShapeWord(ReadRaw<Address>(kShapeOffset));
  }
  RUCHY_ALWAYS_INLINE void set_shape_word(ShapeWord word) {
    WriteRaw<Address>(kShapeOffset, word.raw());
  }

  // The object's size in bytes, from its shape (and length field for variable-size kinds).
  inline int Size() const;
  inline int SizeFromShape(Shape shape) const;

  // Raw field access. Tagged reads/writes here do NOT run the write barrier; the typed
  // accessors in each class do.
  // Always inlined: these are a load or a store, and the compiler otherwise outlines them
  // in very large functions such as the interpreter's dispatch loop.
  template <typename T>
  RUCHY_ALWAYS_INLINE T ReadRaw(intptr_t offset) const {
    T result;
    std::memcpy(&result, reinterpret_cast<const void*>(FieldAddress(offset)), sizeof(T));
    return result;
  }
  template <typename T>
  RUCHY_ALWAYS_INLINE void WriteRaw(intptr_t offset, T value) const {
    std::memcpy(reinterpret_cast<void*>(FieldAddress(offset)), &value, sizeof(T));
  }
  RUCHY_ALWAYS_INLINE Value ReadTagged(intptr_t offset) const {
    return Value(ReadRaw<Address>(offset));
  }
  RUCHY_ALWAYS_INLINE void WriteTaggedNoBarrier(intptr_t offset, Value value) const {
#ifndef NDEBUG
    DebugCheckNotMoved();
#endif
    WriteRaw<Address>(offset, value.ptr());
  }
  // CHECKs that this object was not evacuated by a scavenge, i.e. that nobody held it raw
  // across an allocation. Catches most stale-pointer bugs under --stress-gc.
  void DebugCheckNotMoved() const;
  RUCHY_ALWAYS_INLINE void WriteTagged(intptr_t offset, Value value,
                                       WriteBarrierMode mode = WriteBarrierMode::kUpdate) const;
};

}  // namespace ruchy::internal

#endif  // RUCHY_OBJECTS_HEAP_OBJECT_H_
