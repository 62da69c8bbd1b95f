// Creates the read-only roots at isolate setup: the meta shape (its own shape), the
// shapes of every fixed kind, the oddballs, the empty array and the root strings. The
// meta shape and the first objects are created in a bootstrap order and patched once
// nil and the empty array exist.
#include "src/execution/isolate.h"
#include "src/objects/objects-inl.h"

namespace ruchy::internal {

namespace {

Shape AllocateBootstrapShape(Heap* heap, Shape meta, InstanceType type, int size,
                             ElementsKind kind = ElementsKind::kGeneric) {
  HeapObject raw;
  CHECK(heap->AllocateRaw(Shape::kSize, AllocationType::kReadOnly).To(&raw));
  if (meta.ptr() == 0) meta = Shape::unchecked_cast(raw);  // the meta shape is its own shape
  raw.set_shape(meta);
  Shape shape = Shape::unchecked_cast(raw);
  shape.set_instance_type(type);
  shape.set_bit_field(0);
  shape.set_elements_kind(kind);
  shape.set_instance_size(size);
  for (int offset = Shape::kTaggedBodyStart; offset < Shape::kSize; offset += kTaggedSize) {
    shape.WriteTaggedNoBarrier(offset, Smi::zero());
  }
  return shape;
}

Oddball AllocateOddball(Heap* heap, Shape shape, Oddball::Kind kind) {
  HeapObject raw;
  CHECK(heap->AllocateRaw(Oddball::kSize, AllocationType::kReadOnly).To(&raw));
  raw.set_shape(shape);
  Oddball oddball = Oddball::unchecked_cast(raw);
  oddball.set_kind(kind);
  oddball.WriteTaggedNoBarrier(Oddball::kToStringOffset, Smi::zero());
  return oddball;
}

}  // namespace

bool SetUpReadOnlyRoots(Isolate* isolate) {
  Heap* heap = isolate->heap();
  RootsTable& roots = isolate->roots_table();
  auto set_root = [&roots](RootIndex index, Value value) { roots[index] = value.ptr(); };

  Shape meta = AllocateBootstrapShape(heap, Shape(), InstanceType::kShape, Shape::kSize);
  set_root(RootIndex::kMetaShape, meta);
  struct FixedShape {
    RootIndex root;
    InstanceType type;
    int size;
    ElementsKind kind;
  };
  const FixedShape kShapes[] = {
      {RootIndex::kOddballShape, InstanceType::kOddball, Oddball::kSize, ElementsKind::kGeneric},
      {RootIndex::kHeapNumberShape, InstanceType::kHeapNumber, HeapNumber::kSize,
       ElementsKind::kGeneric},
      {RootIndex::kHeapIntShape, InstanceType::kHeapInt, HeapInt::kSize, ElementsKind::kGeneric},
      {RootIndex::kSeqStringShape, InstanceType::kSeqString, Shape::kVariableSize,
       ElementsKind::kGeneric},
      {RootIndex::kConsStringShape, InstanceType::kConsString, ConsString::kSize,
       ElementsKind::kGeneric},
      {RootIndex::kFixedArrayShape, InstanceType::kFixedArray, Shape::kVariableSize,
       ElementsKind::kGeneric},
      {RootIndex::kFixedDoubleArrayShape, InstanceType::kFixedDoubleArray, Shape::kVariableSize,
       ElementsKind::kDouble},
      {RootIndex::kByteArrayShape, InstanceType::kByteArray, Shape::kVariableSize,
       ElementsKind::kGeneric},
      {RootIndex::kOrderedHashTableShape, InstanceType::kOrderedHashTable, Shape::kVariableSize,
       ElementsKind::kGeneric},
      {RootIndex::kSmiArrayShape, InstanceType::kArray, Array::kSize, ElementsKind::kSmi},
      {RootIndex::kDoubleArrayShape, InstanceType::kArray, Array::kSize, ElementsKind::kDouble},
      {RootIndex::kGenericArrayShape, InstanceType::kArray, Array::kSize, ElementsKind::kGeneric},
      {RootIndex::kTupleShape, InstanceType::kTuple, Shape::kVariableSize, ElementsKind::kGeneric},
      {RootIndex::kHashMapShape, InstanceType::kHashMap, HashMap::kSize, ElementsKind::kGeneric},
      {RootIndex::kEnumDescriptorShape, InstanceType::kEnumDescriptor, EnumDescriptor::kSize,
       ElementsKind::kGeneric},
      {RootIndex::kEnumValueShape, InstanceType::kEnumValue, Shape::kVariableSize,
       ElementsKind::kGeneric},
      {RootIndex::kSharedFunctionInfoShape, InstanceType::kSharedFunctionInfo,
       SharedFunctionInfo::kSize, ElementsKind::kGeneric},
      {RootIndex::kClosureShape, InstanceType::kClosure, Closure::kSize, ElementsKind::kGeneric},
      {RootIndex::kContextShape, InstanceType::kContext, Shape::kVariableSize,
       ElementsKind::kGeneric},
      {RootIndex::kFeedbackCellShape, InstanceType::kFeedbackCell, FeedbackCell::kSize,
       ElementsKind::kGeneric},
      {RootIndex::kFeedbackVectorShape, InstanceType::kFeedbackVector, Shape::kVariableSize,
       ElementsKind::kGeneric},
      {RootIndex::kFreeSpaceShape, InstanceType::kFreeSpace, Shape::kVariableSize,
       ElementsKind::kGeneric},
      {RootIndex::kFillerShape, InstanceType::kFiller, Filler::kSize, ElementsKind::kGeneric},
      {RootIndex::kCodeShape, InstanceType::kCode, Shape::kVariableSize, ElementsKind::kGeneric},
      {RootIndex::kRangeShape, InstanceType::kRange, Range::kSize, ElementsKind::kGeneric},
      {RootIndex::kTypeDescriptorShape, InstanceType::kTypeDescriptor, TypeDescriptor::kSize,
       ElementsKind::kGeneric},
      {RootIndex::kBytecodeArrayShape, InstanceType::kBytecodeArray, BytecodeArray::kSize,
       ElementsKind::kGeneric},
  };
  for (const FixedShape& s : kShapes) {
    set_root(s.root, AllocateBootstrapShape(heap, meta, s.type, s.size, s.kind));
  }

  Shape oddball_shape = isolate->oddball_shape();
  set_root(RootIndex::kNilValue, AllocateOddball(heap, oddball_shape, Oddball::kNil));
  set_root(RootIndex::kTrueValue, AllocateOddball(heap, oddball_shape, Oddball::kTrue));
  set_root(RootIndex::kFalseValue, AllocateOddball(heap, oddball_shape, Oddball::kFalse));
  set_root(RootIndex::kTheHoleValue, AllocateOddball(heap, oddball_shape, Oddball::kTheHole));

  HeapObject raw;
  CHECK(heap->AllocateRaw(FixedArray::SizeFor(0), AllocationType::kReadOnly).To(&raw));
  raw.set_shape(isolate->fixed_array_shape());
  FixedArray::unchecked_cast(raw).set_length(0);
  set_root(RootIndex::kEmptyFixedArray, raw);

  // Now nil and the empty array exist: give every shape its real tagged fields.
  Oddball nil = isolate->nil_value();
  for (int i = 0; i < kReadOnlyRootCount; ++i) {
    Value value = isolate->root(static_cast<RootIndex>(i));
    if (!value.IsHeapObject() || !value.IsShape()) continue;
    Shape shape = Shape::unchecked_cast(value);
    shape.set_descriptors(isolate->empty_fixed_array());
    shape.set_transitions(nil);
    shape.set_back_pointer(nil);
    shape.set_type_name(nil);
    shape.set_number_of_fields(0);
    shape.set_inobject_fields(0);
  }

  // Root strings: internalized, in read-only space.
  struct RootString {
    RootIndex root;
    const char* text;
  };
  const RootString kStrings[] = {
      {RootIndex::kEmptyString, ""},
      {RootIndex::kNilString, "nil"},
      {RootIndex::kTrueString, "true"},
      {RootIndex::kFalseString, "false"},
      {RootIndex::kOutOfMemoryString, "Out of memory"},
  };
  for (const RootString& s : kStrings) {
    Handle<String> string;
    if (!isolate->string_table()->LookupUtf8(isolate, s.text).ToHandle(&string)) return false;
    set_root(s.root, *string);
  }
  isolate->nil_value().set_to_string(isolate->nil_string());
  isolate->true_value().set_to_string(isolate->true_string());
  isolate->false_value().set_to_string(isolate->false_string());
  isolate->the_hole_value().set_to_string(isolate->empty_string());
  return true;
}

}  // namespace ruchy::internal
