// Shape: the hidden class every heap object points to first. It gives the instance type
// and size, the elements kind of arrays, and for property-bearing objects (structs,
// plain objects) the named-field layout and the transition tree that shares layouts.
#ifndef RUCHY_OBJECTS_SHAPE_H_
#define RUCHY_OBJECTS_SHAPE_H_

#include <cstdint>

#include "src/objects/heap-object.h"

namespace ruchy::internal {

template <typename T>
class Handle;
template <typename T>
class MaybeHandle;

// How an Array stores its elements. Kinds only generalize: kSmi and kDouble both move to
// kGeneric; kSmi moves to kDouble only while the array is empty (an int must stay an int,
// so Smis are never converted to doubles).
enum class ElementsKind : uint8_t {
  kSmi,      // FixedArray holding only Smis
  kDouble,   // FixedDoubleArray of unboxed floats
  kGeneric,  // FixedArray of any values
};
const char* ElementsKindName(ElementsKind kind);

class Shape : public HeapObject {
  RUCHY_OBJECT_CONSTRUCTORS(Shape, HeapObject)

 public:
  // Layout. Raw fields first (JIT code compares kInstanceTypeOffset as a 16-bit word),
  // then tagged fields up to kSize.
  static constexpr int kInstanceTypeOffset = 8;     // uint16_t
  static constexpr int kBitFieldOffset = 10;        // uint8_t, see Bits
  static constexpr int kElementsKindOffset = 11;    // uint8_t
  static constexpr int kInstanceSizeOffset = 12;    // int32_t; kVariableSize if per-object
  static constexpr int kDescriptorsOffset = 16;     // FixedArray of field names (internalized)
  static constexpr int kTransitionsOffset = 24;     // nil or FixedArray [count, name, shape...]
  static constexpr int kBackPointerOffset = 32;     // parent Shape in the tree, or nil
  static constexpr int kTypeNameOffset = 40;        // struct/class name String, or nil
  static constexpr int kNumberOfFieldsOffset = 48;  // Smi
  static constexpr int kInObjectFieldsOffset = 56;  // Smi: fields stored in the object
  static constexpr int kSize = 64;
  static constexpr int kTaggedBodyStart = kDescriptorsOffset;

  static constexpr int32_t kVariableSize = 0;

  enum Bits : uint8_t {
    kIsStructShape = 1 << 0,  // from a struct declaration: fixed fields, no transitions
  };

  InstanceType instance_type() const {
    return static_cast<InstanceType>(ReadRaw<uint16_t>(kInstanceTypeOffset));
  }
  void set_instance_type(InstanceType type) const {
    WriteRaw<uint16_t>(kInstanceTypeOffset, static_cast<uint16_t>(type));
  }
  uint8_t bit_field() const { return ReadRaw<uint8_t>(kBitFieldOffset); }
  void set_bit_field(uint8_t bits) const { WriteRaw<uint8_t>(kBitFieldOffset, bits); }
  ElementsKind elements_kind() const {
    return static_cast<ElementsKind>(ReadRaw<uint8_t>(kElementsKindOffset));
  }
  void set_elements_kind(ElementsKind kind) const {
    WriteRaw<uint8_t>(kElementsKindOffset, static_cast<uint8_t>(kind));
  }
  int32_t instance_size() const { return ReadRaw<int32_t>(kInstanceSizeOffset); }
  void set_instance_size(int32_t size) const { WriteRaw<int32_t>(kInstanceSizeOffset, size); }
  bool is_variable_size() const { return instance_size() == kVariableSize; }
  bool is_struct_shape() const { return (bit_field() & kIsStructShape) != 0; }

  inline FixedArray descriptors() const;
  inline void set_descriptors(FixedArray value,
                              WriteBarrierMode mode = WriteBarrierMode::kUpdate) const;
  inline Value transitions() const;
  inline void set_transitions(Value value, WriteBarrierMode mode = WriteBarrierMode::kUpdate) const;
  inline Value back_pointer() const;
  inline void set_back_pointer(Value value,
                               WriteBarrierMode mode = WriteBarrierMode::kUpdate) const;
  inline Value type_name() const;
  inline void set_type_name(Value value, WriteBarrierMode mode = WriteBarrierMode::kUpdate) const;
  inline int number_of_fields() const;
  inline void set_number_of_fields(int n) const;
  inline int inobject_fields() const;
  inline void set_inobject_fields(int n) const;

  // Field index of `name` (an internalized string) or -1.
  int LookupField(String name) const;
  inline String FieldName(int index) const;

  // The child shape reached by adding field `name`, or a null Shape (ptr 0) if none yet.
  Shape FindTransition(String name) const;

  // The shape of an object of this shape after adding field `name` (internalized): an
  // existing transition, or a new child shape recorded in the transition tree. Fails only
  // when the heap is out of memory.
  static MaybeHandle<Shape> AddField(Isolate* isolate, Handle<Shape> shape, Handle<String> name);
};

}  // namespace ruchy::internal

#endif  // RUCHY_OBJECTS_SHAPE_H_
