// Factory: allocation plus initialization of every object kind. Each method allocates
// once, installs the shape and initializes every field before anything else can allocate.
#include "src/heap/factory.h"

#include <algorithm>
#include <cstring>

#include "src/execution/isolate.h"
#include "src/objects/objects-inl.h"
#include "src/objects/string-table.h"

namespace ruchy::internal {

void CopyTaggedSlots(HeapObject dst, int dst_offset, HeapObject src, int src_offset, int count) {
  if (count <= 0) return;
  std::memmove(reinterpret_cast<void*>(dst.FieldAddress(dst_offset)),
               reinterpret_cast<void*>(src.FieldAddress(src_offset)),
               static_cast<size_t>(count) * kTaggedSize);
  if (Page::FromHeapObject(dst)->InYoung()) return;
  for (int i = 0; i < count; ++i) {
    int offset = dst_offset + i * kTaggedSize;
    WriteBarrier::ForSlot(dst, dst.FieldAddress(offset), dst.ReadTagged(offset));
  }
}

RUCHY_ALWAYS_INLINE bool Factory::AllocateRawWithShape(int size, AllocationType type, Shape shape,
                                                       HeapObject* out) {
  // As Heap::AllocateRaw: an allocation is a GC point even when the bump succeeds.
  DCHECK(isolate_->heap()->IsAllowedToCollect());
  DCHECK_EQ(size % kObjectAlignment, 0);
  if (type == AllocationType::kYoung) {
    // Every built-in's allocations come through here: keep the common case a bump, with
    // the call (and its saved registers) on the slow path only.
    AllocationResult result = isolate_->heap()->new_space()->AllocateFast(size);
    if (RUCHY_PREDICT_TRUE(result.To(out))) {
      out->set_shape(shape);
      return true;
    }
  }
  return AllocateRawWithShapeSlow(size, type, shape, out);
}

bool Factory::AllocateRawWithShapeSlow(int size, AllocationType type, Shape shape,
                                       HeapObject* out) {
  AllocationResult result = isolate_->heap()->AllocateRaw(size, type);
  if (!result.To(out)) return false;
  out->set_shape(shape);
  return true;
}

// --- Numbers ---------------------------------------------------------------------------

MaybeHandle<HeapNumber> Factory::NewHeapNumber(double value, AllocationType type) {
  HeapObject raw;
  if (!AllocateRawWithShape(HeapNumber::kSize, type, isolate_->heap_number_shape(), &raw)) {
    return {};
  }
  HeapNumber number = HeapNumber::unchecked_cast(raw);
  number.set_value(value);
  return handle(number, isolate_);
}

MaybeHandle<HeapInt> Factory::NewHeapInt(int64_t value, AllocationType type) {
  CHECK(!Smi::IsValid(value));
  HeapObject raw;
  if (!AllocateRawWithShape(HeapInt::kSize, type, isolate_->heap_int_shape(), &raw)) return {};
  HeapInt number = HeapInt::unchecked_cast(raw);
  number.set_value(value);
  return handle(number, isolate_);
}

MaybeHandle<Value> Factory::NewInteger(int64_t value) {
  if (Smi::IsValid(value)) return handle(Value(Smi::FromInt(value)), isolate_);
  return NewHeapInt(value);
}

// --- Strings ---------------------------------------------------------------------------

namespace {

// Clears a new string's alignment padding so string objects have deterministic contents.
// It lies in the last word (sizes round up to 8), which the characters then overwrite in
// part: one store instead of a memset call.
RUCHY_ALWAYS_INLINE void ClearPadding(SeqString string, uint32_t length, int size) {
  static_assert(SeqString::kHeaderSize % 8 == 0);
  if (length % 8 != 0) string.WriteRaw<uint64_t>(size - 8, 0);
}

// Copies `part`'s characters to *dst and advances it.
RUCHY_ALWAYS_INLINE void CopyChars(String part, uint8_t** dst) {
  part.ForEachChunk([dst](const uint8_t* bytes, size_t n) {
    std::memcpy(*dst, bytes, n);
    *dst += n;
  });
}

}  // namespace

MaybeHandle<SeqString> Factory::NewRawSeqStringWithFlags(uint32_t length, AllocationType type,
                                                         uint32_t flags) {
  if (length > String::kMaxLength) {
    isolate_->ReportOutOfMemory();
    return {};
  }
  HeapObject raw;
  int size = SeqString::SizeFor(length);
  if (!AllocateRawWithShape(size, type, isolate_->seq_string_shape(), &raw)) return {};
  SeqString string = SeqString::unchecked_cast(raw);
  string.InitializeHeader(length, 0, 0, flags);
  ClearPadding(string, length, size);
  return handle(string, isolate_);
}

MaybeHandle<SeqString> Factory::NewRawSeqString(uint32_t length, AllocationType type) {
  return NewRawSeqStringWithFlags(length, type, 0);
}

void Factory::FinishSeqString(SeqString string) {
  uint32_t length = string.length();
  uint32_t chars = static_cast<uint32_t>(Utf8CharCount(string.chars(), length));
  string.WriteRaw<uint32_t>(String::kCharCountOffset, chars);
  string.set_raw_hash(StringHasher::Hash(string.view()));
}

MaybeHandle<String> Factory::NewStringFromUtf8(std::string_view utf8, AllocationType type) {
  if (utf8.empty()) return empty_string();
  if (utf8.size() > String::kMaxLength) {
    isolate_->ReportOutOfMemory();
    return {};
  }
  Handle<SeqString> string;
  if (!NewRawSeqString(static_cast<uint32_t>(utf8.size()), type).ToHandle(&string)) return {};
  std::memcpy(string->chars(), utf8.data(), utf8.size());
  if (type == AllocationType::kYoung) {
    // Hashed on first use (String::EnsureHash): most strings never are. Read-only strings
    // cannot cache a hash later, so the other spaces keep hashing eagerly.
    string->WriteRaw<uint32_t>(String::kCharCountOffset,
                               static_cast<uint32_t>(Utf8CharCount(string->chars(), utf8.size())));
  } else {
    FinishSeqString(*string);
  }
  return string;
}

MaybeHandle<String> Factory::NewConsString(Handle<String> left, Handle<String> right) {
  uint32_t left_length = left->length();
  uint32_t right_length = right->length();
  if (left_length == 0) return right;
  if (right_length == 0) return left;
  uint64_t length = uint64_t{left_length} + right_length;
  if (length > String::kMaxLength) {
    isolate_->ReportOutOfMemory();
    return {};
  }
  // Short: copy flat. Both parts are short, so walking their chunks is cheap.
  if (length < ConsString::kMinLength)
    return NewFlatConcat(left, right, static_cast<uint32_t>(length));
  if (left->IsConsString() && right_length < ConsString::kMaxAppendChunk) {
    ConsString rope = ConsString::cast(*left);
    String tail = rope.second();
    uint32_t tail_length = tail.length();
    if (tail.IsSeqString() && tail_length != 0 &&
        tail_length + right_length <= ConsString::kMaxAppendChunk) {
      // (head + tail) + right  ==  head + (tail + right); tail is left as it is (other
      // strings may share it). The new piece and the new node are one allocation (the
      // piece first), so nothing moves between making the two.
      uint32_t piece_length = tail_length + right_length;
      int piece_size = SeqString::SizeFor(piece_length);
      HeapObject raw;
      if (!AllocateRawWithShape(piece_size + ConsString::kSize, AllocationType::kYoung,
                                isolate_->seq_string_shape(), &raw)) {
        return {};
      }
      DisallowGarbageCollection no_gc;
      ConsString old_rope = ConsString::cast(*left);  // the allocation may have moved it
      SeqString old_tail = SeqString::cast(old_rope.second());
      String suffix = *right;
      SeqString piece = SeqString::unchecked_cast(raw);
      piece.InitializeHeader(piece_length, old_tail.char_count() + suffix.char_count(), 0, 0);
      ClearPadding(piece, piece_length, piece_size);
      uint8_t* dst = piece.chars();
      CopyChars(old_tail, &dst);
      CopyChars(suffix, &dst);
      HeapObject node = HeapObject::FromAddress(raw.address() + piece_size);
      node.set_shape(isolate_->cons_string_shape());
      ConsString cons = ConsString::unchecked_cast(node);
      cons.InitializeHeader(static_cast<uint32_t>(length),
                            old_rope.char_count() + suffix.char_count(), 0, 0);
      cons.set_first(old_rope.first());
      cons.set_second(piece);
      return handle(String(cons), isolate_);
    }
  }
  return NewConsNode(left, right, static_cast<uint32_t>(length));
}

MaybeHandle<SeqString> Factory::NewFlatConcat(Handle<String> left, Handle<String> right,
                                              uint32_t length) {
  Handle<SeqString> flat;
  if (!NewRawSeqString(length).ToHandle(&flat)) return {};
  DisallowGarbageCollection no_gc;
  uint8_t* dst = flat->chars();
  CopyChars(*left, &dst);
  CopyChars(*right, &dst);
  flat->InitializeHeader(length, left->char_count() + right->char_count(), 0, 0);
  return flat;
}

MaybeHandle<String> Factory::NewConsNode(Handle<String> left, Handle<String> right,
                                         uint32_t length) {
  HeapObject raw;
  if (!AllocateRawWithShape(ConsString::kSize, AllocationType::kYoung,
                            isolate_->cons_string_shape(), &raw)) {
    return {};
  }
  ConsString cons = ConsString::unchecked_cast(raw);
  cons.InitializeHeader(length, left->char_count() + right->char_count(), 0, 0);
  cons.set_first(*left);
  cons.set_second(*right);
  return handle(String(cons), isolate_);
}

MaybeHandle<String> Factory::InternalizeUtf8String(std::string_view utf8) {
  return isolate_->string_table()->LookupUtf8(isolate_, utf8);
}

MaybeHandle<String> Factory::InternalizeString(Handle<String> string) {
  if (string->IsInternalized()) return string;
  return isolate_->string_table()->LookupString(isolate_, string);
}

// --- Backing stores --------------------------------------------------------------------

MaybeHandle<FixedArray> Factory::NewFixedArray(int length, AllocationType type) {
  CHECK_GE(length, 0);
  if (length == 0 && type != AllocationType::kReadOnly) return empty_fixed_array();
  if (length > FixedArrayBase::kMaxLength) {
    isolate_->ReportOutOfMemory();
    return {};
  }
  HeapObject raw;
  if (!AllocateRawWithShape(FixedArray::SizeFor(length), type, isolate_->fixed_array_shape(),
                            &raw)) {
    return {};
  }
  FixedArray array = FixedArray::unchecked_cast(raw);
  array.set_length(length);
  array.FillWithNoBarrier(0, length, isolate_->nil_value());
  return handle(array, isolate_);
}

MaybeHandle<FixedDoubleArray> Factory::NewFixedDoubleArray(int length, AllocationType type) {
  CHECK_GE(length, 0);
  if (length > FixedArrayBase::kMaxLength) {
    isolate_->ReportOutOfMemory();
    return {};
  }
  HeapObject raw;
  if (!AllocateRawWithShape(FixedDoubleArray::SizeFor(length), type,
                            isolate_->fixed_double_array_shape(), &raw)) {
    return {};
  }
  FixedDoubleArray array = FixedDoubleArray::unchecked_cast(raw);
  array.set_length(length);
  for (int i = 0; i < length; ++i) array.set(i, 0.0);
  return handle(array, isolate_);
}

MaybeHandle<ByteArray> Factory::NewByteArray(int length, AllocationType type) {
  CHECK_GE(length, 0);
  if (length > FixedArrayBase::kMaxLength) {
    isolate_->ReportOutOfMemory();
    return {};
  }
  HeapObject raw;
  int size = ByteArray::SizeFor(length);
  if (!AllocateRawWithShape(size, type, isolate_->byte_array_shape(), &raw)) return {};
  ByteArray array = ByteArray::unchecked_cast(raw);
  array.set_length(length);
  std::memset(array.data(), 0, size - ByteArray::kHeaderSize);
  return handle(array, isolate_);
}

MaybeHandle<FixedArray> Factory::CopyFixedArray(Handle<FixedArray> source, int new_length,
                                                AllocationType type) {
  CHECK_GE(new_length, 0);
  if (new_length > FixedArrayBase::kMaxLength) {
    isolate_->ReportOutOfMemory();
    return {};
  }
  HeapObject raw;
  if (!AllocateRawWithShape(FixedArray::SizeFor(new_length), type, source->shape(), &raw)) {
    return {};
  }
  FixedArray copy = FixedArray::unchecked_cast(raw);
  copy.set_length(new_length);
  int common = std::min(new_length, source->length());
  CopyTaggedSlots(copy, FixedArray::OffsetOfElementAt(0), *source, FixedArray::OffsetOfElementAt(0),
                  common);
  copy.FillWithNoBarrier(common, new_length, isolate_->nil_value());
  return handle(copy, isolate_);
}

MaybeHandle<FixedDoubleArray> Factory::CopyFixedDoubleArray(Handle<FixedDoubleArray> source,
                                                            int new_length) {
  Handle<FixedDoubleArray> copy;
  if (!NewFixedDoubleArray(new_length).ToHandle(&copy)) return {};
  int common = std::min(new_length, source->length());
  std::memcpy(reinterpret_cast<void*>(copy->FieldAddress(FixedDoubleArray::OffsetOfElementAt(0))),
              reinterpret_cast<void*>(source->FieldAddress(FixedDoubleArray::OffsetOfElementAt(0))),
              static_cast<size_t>(common) * kDoubleSize);
  return copy;
}

// --- Containers ------------------------------------------------------------------------

MaybeHandle<Array> Factory::NewArray(ElementsKind kind, int length, int capacity) {
  CHECK(length >= 0 && length <= capacity);
  if (capacity > Array::kMaxLength) {
    isolate_->ReportOutOfMemory();
    return {};
  }
  Handle<FixedArrayBase> elements;
  if (capacity == 0) {
    elements = empty_fixed_array();
  } else if (kind == ElementsKind::kDouble) {
    Handle<FixedDoubleArray> doubles;
    if (!NewFixedDoubleArray(capacity).ToHandle(&doubles)) return {};
    elements = doubles;
  } else {
    Handle<FixedArray> fixed;
    if (!NewFixedArray(capacity).ToHandle(&fixed)) return {};
    if (kind == ElementsKind::kSmi) fixed->FillWithNoBarrier(0, length, Smi::zero());
    elements = fixed;
  }
  HeapObject raw;
  if (!AllocateRawWithShape(Array::kSize, AllocationType::kYoung, *ArrayShapeFor(kind), &raw)) {
    return {};
  }
  Array array = Array::unchecked_cast(raw);
  array.set_flags(0);
  array.set_elements(*elements);
  array.set_length(length);
  return handle(array, isolate_);
}

MaybeHandle<Tuple> Factory::NewTuple(int length) {
  CHECK_GE(length, 0);
  if (length > Tuple::kMaxLength) {
    isolate_->ReportOutOfMemory();
    return {};
  }
  HeapObject raw;
  if (!AllocateRawWithShape(Tuple::SizeFor(length), AllocationType::kYoung, isolate_->tuple_shape(),
                            &raw)) {
    return {};
  }
  Tuple tuple = Tuple::unchecked_cast(raw);
  tuple.set_flags(0);
  tuple.set_length(length);
  for (int i = 0; i < length; ++i) tuple.set(i, isolate_->nil_value(), WriteBarrierMode::kSkip);
  return handle(tuple, isolate_);
}

MaybeHandle<OrderedHashTable> Factory::NewOrderedHashTable(int capacity) {
  capacity = std::max(capacity, OrderedHashTable::kMinCapacity);
  // Round up to a power of two so bucket selection is a mask.
  int rounded = OrderedHashTable::kMinCapacity;
  while (rounded < capacity) rounded *= 2;
  if (rounded > OrderedHashTable::kMaxCapacity) {
    isolate_->ReportOutOfMemory();
    return {};
  }
  int length = OrderedHashTable::LengthFor(rounded);
  HeapObject raw;
  if (!AllocateRawWithShape(FixedArray::SizeFor(length), AllocationType::kYoung,
                            isolate_->ordered_hash_table_shape(), &raw)) {
    return {};
  }
  OrderedHashTable table = OrderedHashTable::unchecked_cast(raw);
  table.set_length(length);
  int buckets = rounded / OrderedHashTable::kLoadFactor;
  table.SetSmi(OrderedHashTable::kNumberOfElementsIndex, 0);
  table.SetSmi(OrderedHashTable::kNumberOfDeletedIndex, 0);
  table.SetSmi(OrderedHashTable::kNumberOfBucketsIndex, buckets);
  int entries_start = OrderedHashTable::kBucketsStartIndex + buckets;
  table.FillWithNoBarrier(OrderedHashTable::kBucketsStartIndex, entries_start,
                          Smi::FromInt(OrderedHashTable::kNotFound));
  // Unused entries are Smi zero, whose bits are all zero.
  static_assert(kSmiTag == 0);
  std::memset(
      reinterpret_cast<void*>(table.FieldAddress(FixedArray::OffsetOfElementAt(entries_start))), 0,
      static_cast<size_t>(length - entries_start) * kTaggedSize);
  return handle(table, isolate_);
}

MaybeHandle<HashMap> Factory::NewHashMap(int capacity) {
  Handle<OrderedHashTable> table;
  if (!NewOrderedHashTable(capacity).ToHandle(&table)) return {};
  HeapObject raw;
  if (!AllocateRawWithShape(HashMap::kSize, AllocationType::kYoung, isolate_->hash_map_shape(),
                            &raw)) {
    return {};
  }
  HashMap map = HashMap::unchecked_cast(raw);
  map.set_flags(0);
  map.set_table(*table);
  return handle(map, isolate_);
}

// --- Shapes and named-field objects ----------------------------------------------------

MaybeHandle<Shape> Factory::NewShape(InstanceType type, int instance_size, ElementsKind kind,
                                     AllocationType allocation) {
  CHECK(allocation != AllocationType::kYoung);  // shapes are never young
  HeapObject raw;
  if (!AllocateRawWithShape(Shape::kSize, allocation, isolate_->meta_shape(), &raw)) return {};
  Shape shape = Shape::unchecked_cast(raw);
  shape.set_instance_type(type);
  shape.set_bit_field(0);
  shape.set_elements_kind(kind);
  shape.set_instance_size(instance_size);
  shape.set_descriptors(isolate_->empty_fixed_array());
  shape.set_transitions(isolate_->nil_value());
  shape.set_back_pointer(isolate_->nil_value());
  shape.set_type_name(isolate_->nil_value());
  shape.set_number_of_fields(0);
  shape.set_inobject_fields(0);
  return handle(shape, isolate_);
}

MaybeHandle<Shape> Factory::NewStructShape(Handle<String> name, Handle<FixedArray> field_names) {
  int count = field_names->length();
  Handle<FixedArray> descriptors;
  if (!CopyFixedArray(field_names, count, AllocationType::kOld).ToHandle(&descriptors)) return {};
  for (int i = 0; i < count; ++i) CHECK(String::cast(descriptors->get(i)).IsInternalized());
  Handle<Shape> shape;
  if (!NewShape(InstanceType::kStructObject, StructObject::SizeFor(count), ElementsKind::kGeneric)
           .ToHandle(&shape)) {
    return {};
  }
  shape->set_bit_field(Shape::kIsStructShape);
  shape->set_descriptors(*descriptors);
  shape->set_type_name(*name);
  shape->set_number_of_fields(count);
  shape->set_inobject_fields(count);
  return shape;
}

MaybeHandle<StructObject> Factory::NewStructObject(Handle<Shape> shape) {
  CHECK(shape->instance_type() == InstanceType::kStructObject);
  HeapObject raw;
  if (!AllocateRawWithShape(shape->instance_size(), AllocationType::kYoung, *shape, &raw)) {
    return {};
  }
  // The allocation may have run a compacting GC that moved this (old-space) shape: install
  // it again from the handle.
  raw.set_shape(*shape);
  StructObject object = StructObject::unchecked_cast(raw);
  object.set_flags(0);
  for (int i = 0; i < shape->number_of_fields(); ++i) {
    object.set_field(i, isolate_->nil_value(), WriteBarrierMode::kSkip);
  }
  return handle(object, isolate_);
}

MaybeHandle<Shape> Factory::NewPlainObjectShape(Handle<Value> type_name, int inobject_fields) {
  CHECK(inobject_fields >= 0 && inobject_fields <= 64);
  Handle<Shape> shape;
  if (!NewShape(InstanceType::kPlainObject, PlainObject::SizeFor(inobject_fields),
                ElementsKind::kGeneric)
           .ToHandle(&shape)) {
    return {};
  }
  shape->set_type_name(*type_name);
  shape->set_inobject_fields(inobject_fields);
  return shape;
}

MaybeHandle<PlainObject> Factory::NewPlainObject(Handle<Shape> shape) {
  CHECK(shape->instance_type() == InstanceType::kPlainObject);
  HeapObject raw;
  if (!AllocateRawWithShape(shape->instance_size(), AllocationType::kYoung, *shape, &raw)) {
    return {};
  }
  // The allocation may have run a compacting GC that moved this (old-space) shape: install
  // it again from the handle.
  raw.set_shape(*shape);
  PlainObject object = PlainObject::unchecked_cast(raw);
  object.WriteTaggedNoBarrier(PlainObject::kFlagsOffset, Smi::zero());
  object.set_properties(isolate_->empty_fixed_array(), WriteBarrierMode::kSkip);
  for (int i = 0; i < shape->inobject_fields(); ++i) {
    object.WriteTaggedNoBarrier(PlainObject::OffsetOfInObjectField(i), isolate_->nil_value());
  }
  return handle(object, isolate_);
}

// --- Enums -----------------------------------------------------------------------------

MaybeHandle<EnumDescriptor> Factory::NewEnumDescriptor(Handle<String> name,
                                                       Handle<FixedArray> variant_names,
                                                       Handle<FixedArray> variant_fields) {
  CHECK_EQ(variant_names->length(), variant_fields->length());
  HeapObject raw;
  if (!AllocateRawWithShape(EnumDescriptor::kSize, AllocationType::kOld,
                            isolate_->enum_descriptor_shape(), &raw)) {
    return {};
  }
  EnumDescriptor descriptor = EnumDescriptor::unchecked_cast(raw);
  descriptor.set_name(*name);
  descriptor.set_variant_names(*variant_names);
  descriptor.set_variant_fields(*variant_fields);
  descriptor.set_discriminants(isolate_->nil_value());
  descriptor.set_type(isolate_->nil_value());
  descriptor.set_unit_values(isolate_->nil_value());
  return handle(descriptor, isolate_);
}

MaybeHandle<EnumValue> Factory::NewEnumValue(Handle<EnumDescriptor> descriptor, int variant,
                                             int payload_length, AllocationType type) {
  CHECK(variant >= 0 && variant < descriptor->variant_count());
  CHECK(payload_length >= 0 && payload_length <= EnumValue::kMaxPayload);
  HeapObject raw;
  if (!AllocateRawWithShape(EnumValue::SizeFor(payload_length), type, isolate_->enum_value_shape(),
                            &raw)) {
    return {};
  }
  EnumValue value = EnumValue::unchecked_cast(raw);
  value.set_flags(0);
  value.set_descriptor(*descriptor);
  value.set_variant(variant);
  value.set_payload_length(payload_length);
  for (int i = 0; i < payload_length; ++i) {
    value.set_payload(i, isolate_->nil_value(), WriteBarrierMode::kSkip);
  }
  return handle(value, isolate_);
}

// --- Functions -------------------------------------------------------------------------

MaybeHandle<SharedFunctionInfo> Factory::NewSharedFunctionInfo(Handle<String> name,
                                                               int parameter_count) {
  HeapObject raw;
  if (!AllocateRawWithShape(SharedFunctionInfo::kSize, AllocationType::kOld,
                            isolate_->shared_function_info_shape(), &raw)) {
    return {};
  }
  SharedFunctionInfo sfi = SharedFunctionInfo::unchecked_cast(raw);
  Oddball nil = isolate_->nil_value();
  sfi.set_name(*name);
  sfi.set_function_data(nil);
  sfi.set_feedback_metadata(nil);
  sfi.set_baseline_code(nil);
  sfi.set_optimized_code(nil);
  sfi.set_script(nil);
  sfi.set_parameter_count(parameter_count);
  sfi.set_flags(0);
  return handle(sfi, isolate_);
}

MaybeHandle<FeedbackCell> Factory::NewFeedbackCell(Handle<Value> value) {
  HeapObject raw;
  if (!AllocateRawWithShape(FeedbackCell::kSize, AllocationType::kYoung,
                            isolate_->feedback_cell_shape(), &raw)) {
    return {};
  }
  FeedbackCell cell = FeedbackCell::unchecked_cast(raw);
  cell.set_value(*value);
  cell.set_interrupt_budget(0);
  return handle(cell, isolate_);
}

MaybeHandle<FeedbackVector> Factory::NewFeedbackVector(Handle<SharedFunctionInfo> shared,
                                                       int slots) {
  CHECK(slots >= 0 && slots <= FeedbackVector::kMaxLength);
  HeapObject raw;
  if (!AllocateRawWithShape(FeedbackVector::SizeFor(slots), AllocationType::kYoung,
                            isolate_->feedback_vector_shape(), &raw)) {
    return {};
  }
  FeedbackVector vector = FeedbackVector::unchecked_cast(raw);
  vector.set_length(slots);
  vector.set_shared(*shared);
  vector.set_invocation_count(0);
  vector.set_flags(0);
  for (int i = 0; i < slots; ++i) vector.set(i, isolate_->nil_value(), WriteBarrierMode::kSkip);
  return handle(vector, isolate_);
}

MaybeHandle<Closure> Factory::NewClosure(Handle<SharedFunctionInfo> shared, Handle<Value> context,
                                         Handle<FeedbackCell> feedback_cell) {
  HeapObject raw;
  if (!AllocateRawWithShape(Closure::kSize, AllocationType::kYoung, isolate_->closure_shape(),
                            &raw)) {
    return {};
  }
  Closure closure = Closure::unchecked_cast(raw);
  closure.set_shared(*shared);
  closure.set_context(*context);
  closure.set_feedback_cell(*feedback_cell);
  closure.set_code(isolate_->nil_value());
  Value function_data = shared->function_data();
  closure.set_bytecode_data(
      function_data.IsBytecodeArray() ? BytecodeArray::cast(function_data).data() : nullptr);
  return handle(closure, isolate_);
}

MaybeHandle<Context> Factory::NewContext(int length, Handle<Value> previous) {
  CHECK(length >= 0 && length <= Context::kMaxLength);
  HeapObject raw;
  if (!AllocateRawWithShape(Context::SizeFor(length), AllocationType::kYoung,
                            isolate_->context_shape(), &raw)) {
    return {};
  }
  Context context = Context::unchecked_cast(raw);
  context.set_length(length);
  context.set_previous(*previous);
  for (int i = 0; i < length; ++i) context.set(i, isolate_->nil_value(), WriteBarrierMode::kSkip);
  return handle(context, isolate_);
}

MaybeHandle<Range> Factory::NewRange(Handle<Value> from, Handle<Value> to, bool inclusive) {
  HeapObject raw;
  if (!AllocateRawWithShape(Range::kSize, AllocationType::kYoung, isolate_->range_shape(), &raw)) {
    return {};
  }
  Range range = Range::unchecked_cast(raw);
  range.set_from(*from);
  range.set_to(*to);
  range.set_inclusive(inclusive);
  return handle(range, isolate_);
}

MaybeHandle<TypeDescriptor> Factory::NewTypeDescriptor(TypeDescriptor::Kind kind,
                                                       Handle<String> name) {
  HeapObject raw;
  if (!AllocateRawWithShape(TypeDescriptor::kSize, AllocationType::kOld,
                            isolate_->type_descriptor_shape(), &raw)) {
    return {};
  }
  TypeDescriptor type = TypeDescriptor::unchecked_cast(raw);
  type.set_kind(kind);
  type.set_name(*name);
  Value nil = isolate_->nil_value();
  type.set_layout(nil);
  type.set_methods(nil);
  type.set_field_defaults(nil);
  type.set_parent(nil);
  return handle(type, isolate_);
}

MaybeHandle<BytecodeArray> Factory::NewBytecodeArray(interpreter::BytecodeData* data,
                                                     Handle<FixedArray> constant_pool) {
  HeapObject raw;
  if (!AllocateRawWithShape(BytecodeArray::kSize, AllocationType::kOld,
                            isolate_->bytecode_array_shape(), &raw)) {
    return {};
  }
  BytecodeArray array = BytecodeArray::unchecked_cast(raw);
  array.set_data(data);
  array.set_constant_pool(*constant_pool);
  return handle(array, isolate_);
}

}  // namespace ruchy::internal
