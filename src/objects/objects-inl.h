// Inline bodies for the object classes: type predicates, shape access, sizes, and the
// tagged field accessors (which run the write barrier). Include this, not the individual
// class headers, from .cc files that touch objects.
#ifndef RUCHY_OBJECTS_OBJECTS_INL_H_
#define RUCHY_OBJECTS_OBJECTS_INL_H_

#include <cstring>

#include "src/heap/write-barrier.h"
#include "src/objects/array.h"
#include "src/objects/bytecode-array.h"
#include "src/objects/code.h"
#include "src/objects/cow.h"
#include "src/objects/enum-value.h"
#include "src/objects/fixed-array.h"
#include "src/objects/function.h"
#include "src/objects/hash-map.h"
#include "src/objects/heap-object.h"
#include "src/objects/primitives.h"
#include "src/objects/range.h"
#include "src/objects/shape.h"
#include "src/objects/string.h"
#include "src/objects/struct-object.h"
#include "src/objects/tuple.h"
#include "src/objects/type-descriptor.h"
#include "src/objects/value.h"

namespace ruchy::internal {

// --- HeapObject ------------------------------------------------------------------------

inline Shape HeapObject::shape() const { return Shape::unchecked_cast(ReadTagged(kShapeOffset)); }
inline void HeapObject::set_shape(Shape shape) { WriteTaggedNoBarrier(kShapeOffset, shape); }
inline InstanceType HeapObject::instance_type() const { return shape().instance_type(); }

inline HeapObject ShapeWord::ToForwardingAddress() const {
  DCHECK(IsForwardingAddress());
  return HeapObject::FromAddress(value_);
}
inline Shape ShapeWord::ToShape() const {
  DCHECK(!IsForwardingAddress());
  return Shape::unchecked_cast(Value(value_));
}

RUCHY_ALWAYS_INLINE void HeapObject::WriteTagged(intptr_t offset, Value value,
                                                 WriteBarrierMode mode) const {
  WriteTaggedNoBarrier(offset, value);
  if (mode == WriteBarrierMode::kUpdate) WriteBarrier::ForSlot(*this, FieldAddress(offset), value);
}

inline int HeapObject::Size() const { return SizeFromShape(shape()); }

inline int HeapObject::SizeFromShape(Shape shape) const {
  int32_t fixed = shape.instance_size();
  if (fixed != Shape::kVariableSize) return fixed;
  auto length_at = [this](int offset) { return static_cast<int>(Smi::ToInt(ReadTagged(offset))); };
  switch (shape.instance_type()) {
    case InstanceType::kFixedArray:
    case InstanceType::kOrderedHashTable:
      return FixedArray::SizeFor(length_at(FixedArrayBase::kLengthOffset));
    case InstanceType::kFixedDoubleArray:
      return FixedDoubleArray::SizeFor(length_at(FixedArrayBase::kLengthOffset));
    case InstanceType::kByteArray:
      return ByteArray::SizeFor(length_at(FixedArrayBase::kLengthOffset));
    case InstanceType::kSeqString:
      return SeqString::SizeFor(ReadRaw<uint32_t>(String::kLengthOffset));
    case InstanceType::kTuple:
      return Tuple::SizeFor(length_at(Tuple::kLengthOffset));
    case InstanceType::kContext:
      return Context::SizeFor(length_at(Context::kLengthOffset));
    case InstanceType::kFeedbackVector:
      return FeedbackVector::SizeFor(length_at(FeedbackVector::kLengthOffset));
    case InstanceType::kEnumValue:
      return EnumValue::SizeFor(length_at(EnumValue::kPayloadLengthOffset));
    case InstanceType::kFreeSpace:
      return length_at(FreeSpace::kSizeOffset);
    // Fixed-size kinds always carry their size in the shape; Code is sized by its space.
    case InstanceType::kShape:
    case InstanceType::kOddball:
    case InstanceType::kHeapNumber:
    case InstanceType::kHeapInt:
    case InstanceType::kConsString:
    case InstanceType::kArray:
    case InstanceType::kHashMap:
    case InstanceType::kStructObject:
    case InstanceType::kPlainObject:
    case InstanceType::kEnumDescriptor:
    case InstanceType::kSharedFunctionInfo:
    case InstanceType::kClosure:
    case InstanceType::kFeedbackCell:
    case InstanceType::kFiller:
    case InstanceType::kCode:
    case InstanceType::kRange:
    case InstanceType::kTypeDescriptor:
    case InstanceType::kBytecodeArray:
      break;
  }
  FATAL("object kind without a size");
}

// Offset of the first tagged slot after the header, or -1 if the body holds no tagged
// values. Every tagged body runs to the end of the object (raw fields come first).
inline int TaggedBodyStart(InstanceType type) {
  static constexpr int kStarts[] = {
#define RUCHY_BODY_START(Name) Name::kTaggedBodyStart,
      RUCHY_INSTANCE_TYPE_LIST(RUCHY_BODY_START)
#undef RUCHY_BODY_START
  };
  return kStarts[static_cast<int>(type)];
}

// --- Type predicates -------------------------------------------------------------------

#define RUCHY_DEFINE_TYPE_PREDICATE(Name)                                              \
  inline bool Value::Is##Name() const {                                                \
    return IsHeapObject() &&                                                           \
           HeapObject::unchecked_cast(*this).instance_type() == InstanceType::k##Name; \
  }
RUCHY_INSTANCE_TYPE_LIST(RUCHY_DEFINE_TYPE_PREDICATE)
#undef RUCHY_DEFINE_TYPE_PREDICATE

inline bool Value::IsString() const {
  if (!IsHeapObject()) return false;
  InstanceType t = HeapObject::unchecked_cast(*this).instance_type();
  return t == InstanceType::kSeqString || t == InstanceType::kConsString;
}
inline bool Value::IsFixedArrayBase() const {
  if (!IsHeapObject()) return false;
  InstanceType t = HeapObject::unchecked_cast(*this).instance_type();
  return t == InstanceType::kFixedArray || t == InstanceType::kOrderedHashTable ||
         t == InstanceType::kFixedDoubleArray || t == InstanceType::kByteArray;
}
inline bool Value::IsInteger() const { return IsSmi() || IsHeapInt(); }
inline bool Value::IsNil() const {
  return IsOddball() && Oddball::unchecked_cast(*this).kind() == Oddball::kNil;
}
inline bool Value::IsTrue() const {
  return IsOddball() && Oddball::unchecked_cast(*this).kind() == Oddball::kTrue;
}
inline bool Value::IsFalse() const {
  return IsOddball() && Oddball::unchecked_cast(*this).kind() == Oddball::kFalse;
}
inline bool Value::IsBoolean() const { return IsTrue() || IsFalse(); }
inline bool Value::IsTheHole() const {
  return IsOddball() && Oddball::unchecked_cast(*this).kind() == Oddball::kTheHole;
}
RUCHY_ALWAYS_INLINE bool Value::IsCowContainer() const {
  if (!IsHeapObject()) return false;
  InstanceType t = HeapObject::unchecked_cast(*this).instance_type();
  return t == InstanceType::kArray || t == InstanceType::kTuple || t == InstanceType::kHashMap ||
         t == InstanceType::kStructObject || t == InstanceType::kEnumValue;
}

// --- Accessors -------------------------------------------------------------------------

// Always inline: GCC otherwise outlines some of them from the dispatch loop.
#define RUCHY_ACCESSORS(Holder, name, Type, offset)                                        \
  RUCHY_ALWAYS_INLINE Type Holder::name() const { return Type::cast(ReadTagged(offset)); } \
  RUCHY_ALWAYS_INLINE void Holder::set_##name(Type value, WriteBarrierMode mode) const {   \
    WriteTagged(offset, value, mode);                                                      \
  }

RUCHY_ACCESSORS(Shape, descriptors, FixedArray, kDescriptorsOffset)
RUCHY_ACCESSORS(Shape, transitions, Value, kTransitionsOffset)
RUCHY_ACCESSORS(Shape, back_pointer, Value, kBackPointerOffset)
RUCHY_ACCESSORS(Shape, type_name, Value, kTypeNameOffset)
RUCHY_ACCESSORS(ConsString, first, String, kFirstOffset)
RUCHY_ACCESSORS(ConsString, second, String, kSecondOffset)
RUCHY_ACCESSORS(Array, elements, FixedArrayBase, kElementsOffset)
RUCHY_ACCESSORS(HashMap, table, OrderedHashTable, kTableOffset)
RUCHY_ACCESSORS(PlainObject, properties, FixedArray, kPropertiesOffset)
RUCHY_ACCESSORS(EnumDescriptor, name, String, kNameOffset)
RUCHY_ACCESSORS(EnumDescriptor, variant_names, FixedArray, kVariantNamesOffset)
RUCHY_ACCESSORS(EnumDescriptor, variant_fields, FixedArray, kVariantFieldsOffset)
RUCHY_ACCESSORS(EnumValue, descriptor, EnumDescriptor, kDescriptorOffset)
RUCHY_ACCESSORS(SharedFunctionInfo, name, String, kNameOffset)
RUCHY_ACCESSORS(Closure, shared, SharedFunctionInfo, kSharedOffset)
RUCHY_ACCESSORS(Closure, feedback_cell, FeedbackCell, kFeedbackCellOffset)
RUCHY_ACCESSORS(FeedbackVector, shared, SharedFunctionInfo, kSharedOffset)
#undef RUCHY_ACCESSORS

inline int Shape::number_of_fields() const {
  return static_cast<int>(Smi::ToInt(ReadTagged(kNumberOfFieldsOffset)));
}
inline void Shape::set_number_of_fields(int n) const {
  WriteTaggedNoBarrier(kNumberOfFieldsOffset, Smi::FromInt(n));
}
inline int Shape::inobject_fields() const {
  return static_cast<int>(Smi::ToInt(ReadTagged(kInObjectFieldsOffset)));
}
inline void Shape::set_inobject_fields(int n) const {
  WriteTaggedNoBarrier(kInObjectFieldsOffset, Smi::FromInt(n));
}
inline String Shape::FieldName(int index) const { return String::cast(descriptors().get(index)); }

inline String Oddball::to_string() const { return String::cast(ReadTagged(kToStringOffset)); }
inline void Oddball::set_to_string(String value) const { WriteTagged(kToStringOffset, value); }

RUCHY_ALWAYS_INLINE void FixedArray::set(int index, Value value, WriteBarrierMode mode) const {
  DCHECK(index >= 0 && index < length());
  WriteTagged(OffsetOfElementAt(index), value, mode);
}

inline bool String::IsFlat() const {
  if (IsSeqString()) return true;
  return ConsString::unchecked_cast(*this).second().length() == 0;
}
inline std::string_view String::FlatContent() const {
  DCHECK(IsFlat());
  String s = *this;
  if (s.IsConsString()) s = ConsString::unchecked_cast(s).first();
  DCHECK(s.IsSeqString());
  return SeqString::unchecked_cast(s).view();
}

inline ElementsKind Array::kind() const { return shape().elements_kind(); }
inline int Array::capacity() const { return elements().length(); }
inline Value Array::GetTagged(int index) const {
  DCHECK(kind() != ElementsKind::kDouble);
  return FixedArray::unchecked_cast(elements()).get(index);
}

inline int StructObject::field_count() const { return shape().number_of_fields(); }

inline Value PlainObject::FieldAt(int index) const {
  int inobject = shape().inobject_fields();
  if (index < inobject) return ReadTagged(OffsetOfInObjectField(index));
  return properties().get(index - inobject);
}
inline void PlainObject::SetFieldAt(int index, Value value) const {
  int inobject = shape().inobject_fields();
  if (index < inobject) {
    WriteTagged(OffsetOfInObjectField(index), value);
  } else {
    properties().set(index - inobject, value);
  }
}

inline int EnumDescriptor::variant_count() const { return variant_names().length(); }

inline bool OrderedHashTable::IsLiveEntry(int entry) const { return !KeyAt(entry).IsTheHole(); }

// --- Hash maps: the lookup paths the interpreter's map intrinsics inline.

inline uint32_t HashMap::HashKey(Value key) {
  if (key.IsSmi()) {
    // One murmur3 finalizer round over the Smi word: the bucket (low bits) depends on every
    // bit of the integer.
    uint64_t h = key.ptr();
    h ^= h >> 33;
    h *= 0xff51afd7ed558ccdull;
    h ^= h >> 33;
    return static_cast<uint32_t>(h) & 0x3fffffff;
  }
  if (key.IsString()) {
    // A string's own hash is already avalanched, 30 bits and never 0 (StringHasher).
    uint32_t hash = String::unchecked_cast(key).raw_hash();
    if (hash != 0) return hash;
  }
  return SlowHashKey(key);
}

inline int OrderedHashTable::FindEntry(Value key, uint32_t hash) const {
  int entry = BucketHead(hash);
  if (key.IsSmi()) {
    // A Smi equals only itself (big integers outside the Smi range are HeapInts).
    while (entry != kNotFound && KeyAt(entry) != key) entry = ChainAt(entry);
    return entry;
  }
  bool flat = key.IsSeqString();
  while (entry != kNotFound) {
    int64_t link = LinkAt(entry);
    if ((static_cast<uint32_t>(link) & kHashMask) == hash) {
      Value candidate = KeyAt(entry);
      if (candidate == key) return entry;
      if (flat && candidate.IsSeqString()) {
        // Word keys are usually equal strings built separately, rarely the same object:
        // equal hashes, then the bytes.
        SeqString wanted = SeqString::unchecked_cast(key);
        SeqString found = SeqString::unchecked_cast(candidate);
        if (found.length() == wanted.length() &&
            std::memcmp(found.chars(), wanted.chars(), wanted.length()) == 0) {
          return entry;
        }
      } else if (HashMap::KeyEquals(candidate, key)) {
        return entry;
      }
    }
    entry = static_cast<int>(link >> kChainShift) - 1;
  }
  return kNotFound;
}

inline void OrderedHashTable::AppendEntry(Value key, Value value, uint32_t hash) const {
  int buckets = number_of_buckets();
  int entry = used_entries();
  DCHECK_LT(entry, buckets * kLoadFactor);
  int index = kBucketsStartIndex + buckets + entry * kEntrySize;
  int bucket = kBucketsStartIndex + static_cast<int>(hash & static_cast<uint32_t>(buckets - 1));
  set(index + kKeyOffsetInEntry, key);
  set(index + kValueOffsetInEntry, value);
  set(index + kLinkOffsetInEntry, Smi::FromInt(MakeLink(hash, SmiAt(bucket))),
      WriteBarrierMode::kSkip);
  SetSmi(bucket, entry);
  set_number_of_elements(number_of_elements() + 1);
}

inline HashMap::InsertResult HashMap::InsertIfRoom(Value key, uint32_t hash, Value value,
                                                   Value* previous) const {
  DCHECK(!is_shared());
  OrderedHashTable t = table();
  int entry = t.FindEntry(key, hash);
  if (entry != OrderedHashTable::kNotFound) {
    int index = t.EntryToIndex(entry) + OrderedHashTable::kValueOffsetInEntry;
    *previous = t.get(index);
    t.set(index, value);
    return InsertResult::kReplaced;
  }
  if (t.used_entries() >= t.capacity()) return InsertResult::kFull;
  t.AppendEntry(key, value, hash);
  return InsertResult::kAppended;
}

}  // namespace ruchy::internal

#endif  // RUCHY_OBJECTS_OBJECTS_INL_H_
