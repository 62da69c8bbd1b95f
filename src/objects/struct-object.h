// Objects with named fields. StructObject: a value-semantics struct instance whose shape
// comes from its declaration (fields inline, fixed). PlainObject: a reference object
// (class instance, object literal) whose shape grows by transitions as fields are added;
// the first inobject_fields() live in the object, the rest in a properties FixedArray.
#ifndef RUCHY_OBJECTS_STRUCT_OBJECT_H_
#define RUCHY_OBJECTS_STRUCT_OBJECT_H_

#include "src/objects/cow.h"

namespace ruchy::internal {

class StructObject : public CowContainer {
  RUCHY_OBJECT_CONSTRUCTORS(StructObject, CowContainer)

 public:
  static constexpr int kFieldsOffset = 16;
  static constexpr int kTaggedBodyStart = kFlagsOffset;

  static constexpr intptr_t OffsetOfField(int index) {
    return kFieldsOffset + intptr_t{index} * kTaggedSize;
  }
  static constexpr int SizeFor(int fields) { return kFieldsOffset + fields * kTaggedSize; }

  inline int field_count() const;
  RUCHY_ALWAYS_INLINE Value field(int index) const { return ReadTagged(OffsetOfField(index)); }
  RUCHY_ALWAYS_INLINE void set_field(int index, Value value,
                                     WriteBarrierMode mode = WriteBarrierMode::kUpdate) const {
    WriteTagged(OffsetOfField(index), value, mode);
  }
};

class PlainObject : public HeapObject {
  RUCHY_OBJECT_CONSTRUCTORS(PlainObject, HeapObject)

 public:
  static constexpr int kFlagsOffset = 8;        // Smi, reserved (same place as containers)
  static constexpr int kPropertiesOffset = 16;  // FixedArray of out-of-object fields
  static constexpr int kInObjectFieldsOffset = 24;
  static constexpr int kTaggedBodyStart = kFlagsOffset;

  static constexpr intptr_t OffsetOfInObjectField(int index) {
    return kInObjectFieldsOffset + intptr_t{index} * kTaggedSize;
  }
  static constexpr int SizeFor(int inobject_fields) {
    return kInObjectFieldsOffset + inobject_fields * kTaggedSize;
  }

  inline FixedArray properties() const;
  inline void set_properties(FixedArray value,
                             WriteBarrierMode mode = WriteBarrierMode::kUpdate) const;

  // Field by index in the shape's layout (in-object or in properties).
  RUCHY_ALWAYS_INLINE Value FieldAt(int index) const;
  RUCHY_ALWAYS_INLINE void SetFieldAt(int index, Value value) const;

  // The value of field `name` (internalized), or the hole if absent.
  Value GetField(String name) const;
  // Sets field `name`, adding it (shape transition, maybe a larger properties store) when
  // absent. False when out of memory.
  [[nodiscard]] static bool SetField(Isolate* isolate, Handle<PlainObject> object,
                                     Handle<String> name, Handle<Value> value);
};

}  // namespace ruchy::internal

#endif  // RUCHY_OBJECTS_STRUCT_OBJECT_H_
