// TypeDescriptor: the value a `struct`, `enum`, `class` or `trait` declaration binds to its
// name. It carries what the language needs at run time about a user type: its kind and
// name, the instance shape (structs, classes) or enum descriptor (enums), the table of
// methods and associated functions/constants, field default thunks, and the parent class.
#ifndef RUCHY_OBJECTS_TYPE_DESCRIPTOR_H_
#define RUCHY_OBJECTS_TYPE_DESCRIPTOR_H_

#include "src/objects/heap-object.h"

namespace ruchy::internal {

class TypeDescriptor : public HeapObject {
  RUCHY_OBJECT_CONSTRUCTORS(TypeDescriptor, HeapObject)

 public:
  enum Kind : int { kStruct = 0, kTupleStruct = 1, kEnum = 2, kClass = 3, kTrait = 4 };

  static constexpr int kKindOffset = 8;            // Smi Kind
  static constexpr int kNameOffset = 16;           // String
  static constexpr int kLayoutOffset = 24;         // Shape (struct/class), EnumDescriptor, or nil
  static constexpr int kMethodsOffset = 32;        // HashMap name -> Closure / constant value
  static constexpr int kFieldDefaultsOffset = 40;  // FixedArray (per field: thunk Closure or nil)
  static constexpr int kParentOffset = 48;         // TypeDescriptor (class parent) or nil
  static constexpr int kSize = 56;
  static constexpr int kTaggedBodyStart = kKindOffset;

  Kind kind() const { return static_cast<Kind>(Smi::ToInt(ReadTagged(kKindOffset))); }
  void set_kind(Kind k) const { WriteTaggedNoBarrier(kKindOffset, Smi::FromInt(k)); }
#define RUCHY_TD_FIELD(name, Offset)                                                  \
  Value name() const { return ReadTagged(Offset); }                                   \
  void set_##name(Value v, WriteBarrierMode mode = WriteBarrierMode::kUpdate) const { \
    WriteTagged(Offset, v, mode);                                                     \
  }
  RUCHY_TD_FIELD(name, kNameOffset)
  RUCHY_TD_FIELD(layout, kLayoutOffset)
  RUCHY_TD_FIELD(methods, kMethodsOffset)
  RUCHY_TD_FIELD(field_defaults, kFieldDefaultsOffset)
  RUCHY_TD_FIELD(parent, kParentOffset)
#undef RUCHY_TD_FIELD
};

}  // namespace ruchy::internal

#endif  // RUCHY_OBJECTS_TYPE_DESCRIPTOR_H_
