// Enums. EnumDescriptor describes one enum type (name, variant names, and the field names
// of struct-like variants); EnumValue is one value: descriptor + variant index + payload
// inline. Option and Result are ordinary enums built the same way.
#ifndef RUCHY_OBJECTS_ENUM_VALUE_H_
#define RUCHY_OBJECTS_ENUM_VALUE_H_

#include "src/objects/cow.h"

namespace ruchy::internal {

class EnumDescriptor : public HeapObject {
  RUCHY_OBJECT_CONSTRUCTORS(EnumDescriptor, HeapObject)

 public:
  static constexpr int kNameOffset = 8;            // String
  static constexpr int kVariantNamesOffset = 16;   // FixedArray of String
  static constexpr int kVariantFieldsOffset = 24;  // FixedArray: per variant nil or names
  static constexpr int kDiscriminantsOffset = 32;  // FixedArray of Smi, or nil (0, 1, 2...)
  static constexpr int kTypeOffset = 40;           // the enum's TypeDescriptor, or nil
  // nil, or a FixedArray per variant: the one value of a unit variant (shared; created on
  // first use), or nil. `E::Unit` in a loop allocates nothing.
  static constexpr int kUnitValuesOffset = 48;
  static constexpr int kSize = 56;
  static constexpr int kTaggedBodyStart = kNameOffset;

  inline String name() const;
  inline void set_name(String value, WriteBarrierMode mode = WriteBarrierMode::kUpdate) const;
  inline FixedArray variant_names() const;
  inline void set_variant_names(FixedArray value,
                                WriteBarrierMode mode = WriteBarrierMode::kUpdate) const;
  inline FixedArray variant_fields() const;
  inline void set_variant_fields(FixedArray value,
                                 WriteBarrierMode mode = WriteBarrierMode::kUpdate) const;
  inline int variant_count() const;
  Value discriminants() const { return ReadTagged(kDiscriminantsOffset); }
  void set_discriminants(Value v, WriteBarrierMode mode = WriteBarrierMode::kUpdate) const {
    WriteTagged(kDiscriminantsOffset, v, mode);
  }
  Value type() const { return ReadTagged(kTypeOffset); }
  void set_type(Value v, WriteBarrierMode mode = WriteBarrierMode::kUpdate) const {
    WriteTagged(kTypeOffset, v, mode);
  }
  Value unit_values() const { return ReadTagged(kUnitValuesOffset); }
  void set_unit_values(Value v, WriteBarrierMode mode = WriteBarrierMode::kUpdate) const {
    WriteTagged(kUnitValuesOffset, v, mode);
  }
};

class EnumValue : public CowContainer {
  RUCHY_OBJECT_CONSTRUCTORS(EnumValue, CowContainer)

 public:
  static constexpr int kDescriptorOffset = 16;     // EnumDescriptor
  static constexpr int kVariantOffset = 24;        // Smi
  static constexpr int kPayloadLengthOffset = 32;  // Smi
  static constexpr int kPayloadOffset = 40;
  static constexpr int kTaggedBodyStart = kFlagsOffset;
  static constexpr int kMaxPayload = 1 << 16;

  static constexpr intptr_t OffsetOfPayload(int index) {
    return kPayloadOffset + intptr_t{index} * kTaggedSize;
  }
  static constexpr int SizeFor(int payload) { return kPayloadOffset + payload * kTaggedSize; }

  inline EnumDescriptor descriptor() const;
  inline void set_descriptor(EnumDescriptor value,
                             WriteBarrierMode mode = WriteBarrierMode::kUpdate) const;
  RUCHY_ALWAYS_INLINE int variant() const {
    return static_cast<int>(Smi::ToInt(ReadTagged(kVariantOffset)));
  }
  RUCHY_ALWAYS_INLINE void set_variant(int v) const {
    WriteTaggedNoBarrier(kVariantOffset, Smi::FromInt(v));
  }
  RUCHY_ALWAYS_INLINE int payload_length() const {
    return static_cast<int>(Smi::ToInt(ReadTagged(kPayloadLengthOffset)));
  }
  RUCHY_ALWAYS_INLINE void set_payload_length(int n) const {
    WriteTaggedNoBarrier(kPayloadLengthOffset, Smi::FromInt(n));
  }
  RUCHY_ALWAYS_INLINE Value payload(int index) const {
    DCHECK(index >= 0 && index < payload_length());
    return ReadTagged(OffsetOfPayload(index));
  }
  RUCHY_ALWAYS_INLINE void set_payload(int index, Value value,
                                       WriteBarrierMode mode = WriteBarrierMode::kUpdate) const {
    DCHECK(index >= 0 && index < payload_length());
    WriteTagged(OffsetOfPayload(index), value, mode);
  }
};

}  // namespace ruchy::internal

#endif  // RUCHY_OBJECTS_ENUM_VALUE_H_
