// Copy-on-write helpers: the shared bit and the shallow copy that unshares a container.
#include "src/objects/cow.h"

#include "src/execution/isolate.h"
#include "src/objects/objects-inl.h"

namespace ruchy::internal {

namespace {

void MarkSlotsShared(HeapObject object, int first_offset, int count) {
  for (int i = 0; i < count; ++i) MarkShared(object.ReadTagged(first_offset + i * kTaggedSize));
}

MaybeHandle<CowContainer> CopyArray(Isolate* isolate, Handle<Array> array) {
  Factory* factory = isolate->factory();
  int length = array->length();
  Handle<Array> copy;
  if (!factory->NewArray(array->kind(), 0, 0).ToHandle(&copy)) return {};
  int capacity = array->capacity();
  if (capacity > 0) {
    if (array->kind() == ElementsKind::kDouble) {
      Handle<FixedDoubleArray> store;
      if (!factory
               ->CopyFixedDoubleArray(handle(FixedDoubleArray::cast(array->elements()), isolate),
                                      capacity)
               .ToHandle(&store)) {
        return {};
      }
      copy->set_elements(*store);
    } else {
      Handle<FixedArray> store;
      if (!factory->CopyFixedArray(handle(FixedArray::cast(array->elements()), isolate), capacity)
               .ToHandle(&store)) {
        return {};
      }
      copy->set_elements(*store);
      MarkSlotsShared(*store, FixedArray::OffsetOfElementAt(0), length);
    }
  }
  copy->set_length(length);
  return copy;
}

MaybeHandle<CowContainer> CopyTuple(Isolate* isolate, Handle<Tuple> tuple) {
  int length = tuple->length();
  Handle<Tuple> copy;
  if (!isolate->factory()->NewTuple(length).ToHandle(&copy)) return {};
  CopyTaggedSlots(*copy, Tuple::OffsetOfElementAt(0), *tuple, Tuple::OffsetOfElementAt(0), length);
  MarkSlotsShared(*copy, Tuple::OffsetOfElementAt(0), length);
  return copy;
}

MaybeHandle<CowContainer> CopyHashMap(Isolate* isolate, Handle<HashMap> map) {
  Factory* factory = isolate->factory();
  Handle<OrderedHashTable> table = handle(map->table(), isolate);
  Handle<FixedArray> copied;
  if (!factory->CopyFixedArray(table, table->length()).ToHandle(&copied)) return {};
  Handle<OrderedHashTable> new_table = Handle<OrderedHashTable>::cast(copied);
  Handle<HashMap> copy;
  if (!factory->NewHashMap().ToHandle(&copy)) return {};
  copy->set_table(*new_table);
  OrderedHashTable t = *new_table;
  for (int entry = 0; entry < t.used_entries(); ++entry) {
    if (!t.IsLiveEntry(entry)) continue;
    MarkShared(t.KeyAt(entry));
    MarkShared(t.ValueAt(entry));
  }
  return copy;
}

MaybeHandle<CowContainer> CopyStruct(Isolate* isolate, Handle<StructObject> object) {
  Handle<StructObject> copy;
  if (!isolate->factory()->NewStructObject(handle(object->shape(), isolate)).ToHandle(&copy)) {
    return {};
  }
  int count = object->field_count();
  CopyTaggedSlots(*copy, StructObject::OffsetOfField(0), *object, StructObject::OffsetOfField(0),
                  count);
  MarkSlotsShared(*copy, StructObject::OffsetOfField(0), count);
  return copy;
}

MaybeHandle<CowContainer> CopyEnumValue(Isolate* isolate, Handle<EnumValue> value) {
  int length = value->payload_length();
  Handle<EnumValue> copy;
  if (!isolate->factory()
           ->NewEnumValue(handle(value->descriptor(), isolate), value->variant(), length)
           .ToHandle(&copy)) {
    return {};
  }
  CopyTaggedSlots(*copy, EnumValue::OffsetOfPayload(0), *value, EnumValue::OffsetOfPayload(0),
                  length);
  MarkSlotsShared(*copy, EnumValue::OffsetOfPayload(0), length);
  return copy;
}

}  // namespace

void MarkShared(Value value) {
  if (value.IsCowContainer()) CowContainer::unchecked_cast(value).set_shared();
}

bool IsShared(Value value) {
  return value.IsCowContainer() && CowContainer::unchecked_cast(value).is_shared();
}

bool IsHashSet(Value value) {
  return value.IsHashMap() && HashMap::unchecked_cast(value).has_flag(CowContainer::kHashSetBit);
}

namespace {

MaybeHandle<CowContainer> CopyByKind(Isolate* isolate, Handle<CowContainer> container) {
  switch (container->instance_type()) {
    case InstanceType::kArray:
      return CopyArray(isolate, Handle<Array>::cast(container));
    case InstanceType::kTuple:
      return CopyTuple(isolate, Handle<Tuple>::cast(container));
    case InstanceType::kHashMap:
      return CopyHashMap(isolate, Handle<HashMap>::cast(container));
    case InstanceType::kStructObject:
      return CopyStruct(isolate, Handle<StructObject>::cast(container));
    case InstanceType::kEnumValue:
      return CopyEnumValue(isolate, Handle<EnumValue>::cast(container));
    case InstanceType::kShape:
    case InstanceType::kOddball:
    case InstanceType::kHeapNumber:
    case InstanceType::kHeapInt:
    case InstanceType::kSeqString:
    case InstanceType::kConsString:
    case InstanceType::kFixedArray:
    case InstanceType::kFixedDoubleArray:
    case InstanceType::kByteArray:
    case InstanceType::kOrderedHashTable:
    case InstanceType::kPlainObject:
    case InstanceType::kEnumDescriptor:
    case InstanceType::kSharedFunctionInfo:
    case InstanceType::kClosure:
    case InstanceType::kContext:
    case InstanceType::kFeedbackCell:
    case InstanceType::kFeedbackVector:
    case InstanceType::kFreeSpace:
    case InstanceType::kFiller:
    case InstanceType::kCode:
    case InstanceType::kRange:
    case InstanceType::kTypeDescriptor:
    case InstanceType::kBytecodeArray:
      break;
  }
  FATAL("ShallowCopy of a non-container");
}

}  // namespace

MaybeHandle<CowContainer> ShallowCopy(Isolate* isolate, Handle<CowContainer> container) {
  isolate->CountCowCopy();
  Handle<CowContainer> copy;
  if (!CopyByKind(isolate, container).ToHandle(&copy)) return {};
  copy->set_flags(container->flags() & ~CowContainer::kSharedBit);
  return copy;
}

MaybeHandle<CowContainer> EnsureUnshared(Isolate* isolate, Handle<CowContainer> container) {
  if (!container->is_shared()) return container;
  return ShallowCopy(isolate, container);
}

}  // namespace ruchy::internal
