// Factory: the one way C++ code creates heap objects. Every method either returns a
// fully initialized object in a handle or an empty MaybeHandle, in which case the heap
// is out of memory and the isolate has a pending `Out of memory` error.
#ifndef RUCHY_HEAP_FACTORY_H_
#define RUCHY_HEAP_FACTORY_H_

#include <string_view>

#include "src/heap/handles.h"
#include "src/heap/heap.h"
#include "src/heap/roots.h"
#include "src/objects/bytecode-array.h"
#include "src/objects/range.h"
#include "src/objects/shape.h"
#include "src/objects/type-descriptor.h"

namespace ruchy::internal {

class Factory {
 public:
  explicit Factory(Isolate* isolate) : isolate_(isolate) {}
  RUCHY_DISALLOW_COPY_AND_ASSIGN(Factory);

  // Handles onto the roots table (no handle scope needed).
#define RUCHY_ROOT_HANDLE(Type, name, CamelName) inline Handle<Type> name();
  RUCHY_READ_ONLY_ROOT_LIST(RUCHY_ROOT_HANDLE)
  RUCHY_MUTABLE_ROOT_LIST(RUCHY_ROOT_HANDLE)
#undef RUCHY_ROOT_HANDLE
  inline Handle<Oddball> ToBoolean(bool value);
  inline Handle<Shape> ArrayShapeFor(ElementsKind kind);

  // --- Numbers.
  MaybeHandle<HeapNumber> NewHeapNumber(double value, AllocationType type = AllocationType::kYoung);
  // `value` must be outside the Smi range (use NewInteger otherwise).
  MaybeHandle<HeapInt> NewHeapInt(int64_t value, AllocationType type = AllocationType::kYoung);
  // A Smi when it fits, else a HeapInt.
  MaybeHandle<Value> NewInteger(int64_t value);

  // --- Strings. Input must be UTF-8 (the lexer guarantees it); invalid bytes are kept
  // as they are and counted as characters by the non-continuation-byte rule.
  MaybeHandle<String> NewStringFromUtf8(std::string_view utf8,
                                        AllocationType type = AllocationType::kYoung);
  // A SeqString of `length` bytes to be filled by the caller, who then calls
  // FinishSeqString to compute the character count and hash.
  MaybeHandle<SeqString> NewRawSeqString(uint32_t length,
                                         AllocationType type = AllocationType::kYoung);
  static void FinishSeqString(SeqString string);
  // Concatenation: a rope node, or a flat copy when short. Appending a short string to a
  // rope whose last piece is short copies that piece and the new one into one flat piece
  // under a new node (pieces of up to ConsString::kMaxAppendChunk bytes): a string built
  // by many small appends is a rope of a few big pieces rather than one node per append.
  // Longer than String::kMaxLength fails like out of memory.
  MaybeHandle<String> NewConsString(Handle<String> left, Handle<String> right);
  // left + right as one SeqString (both short).
  MaybeHandle<String> NewFlatConcatenation(Handle<String> left, Handle<String> right);
  // The unique internalized string with these contents (names, struct fields).
  MaybeHandle<String> InternalizeUtf8String(std::string_view utf8);
  MaybeHandle<String> InternalizeString(Handle<String> string);

  // --- Backing stores. FixedArrays start filled with nil, double arrays with 0.0.
  MaybeHandle<FixedArray> NewFixedArray(int length, AllocationType type = AllocationType::kYoung);
  MaybeHandle<FixedDoubleArray> NewFixedDoubleArray(int length,
                                                    AllocationType type = AllocationType::kYoung);
  MaybeHandle<ByteArray> NewByteArray(int length, AllocationType type = AllocationType::kYoung);
  // A copy with `new_length` slots (extra slots nil); keeps the source's shape, so an
  // OrderedHashTable copies as an OrderedHashTable.
  MaybeHandle<FixedArray> CopyFixedArray(Handle<FixedArray> source, int new_length,
                                         AllocationType type = AllocationType::kYoung);
  MaybeHandle<FixedDoubleArray> CopyFixedDoubleArray(Handle<FixedDoubleArray> source,
                                                     int new_length);

  // --- Containers. All start unshared.
  // `length` elements (Smi 0, 0.0 or nil by kind) and room for `capacity` >= length.
  MaybeHandle<Array> NewArray(ElementsKind kind, int length, int capacity);
  MaybeHandle<Tuple> NewTuple(int length);  // elements nil
  MaybeHandle<OrderedHashTable> NewOrderedHashTable(int capacity);
  MaybeHandle<HashMap> NewHashMap(int capacity = 4);

  // --- Shapes and named-field objects. Shapes are always allocated in old space.
  // A struct's shape from its declaration: `field_names` are internalized strings in order.
  MaybeHandle<Shape> NewStructShape(Handle<String> name, Handle<FixedArray> field_names);
  MaybeHandle<StructObject> NewStructObject(Handle<Shape> shape);  // fields nil
  // The root of a transition tree for a class (or object literals when `type_name` is nil).
  MaybeHandle<Shape> NewPlainObjectShape(Handle<Value> type_name, int inobject_fields);
  MaybeHandle<PlainObject> NewPlainObject(Handle<Shape> shape);
  MaybeHandle<Shape> NewShape(InstanceType type, int instance_size, ElementsKind kind,
                              AllocationType allocation = AllocationType::kOld);

  // --- Enums. `variant_fields` has one entry per variant: nil, or a FixedArray of field
  // names for struct-like variants.
  MaybeHandle<EnumDescriptor> NewEnumDescriptor(Handle<String> name,
                                                Handle<FixedArray> variant_names,
                                                Handle<FixedArray> variant_fields);
  MaybeHandle<EnumValue> NewEnumValue(Handle<EnumDescriptor> descriptor, int variant,
                                      int payload_length,
                                      AllocationType type = AllocationType::kYoung);  // payload nil

  // --- Functions.
  MaybeHandle<SharedFunctionInfo> NewSharedFunctionInfo(Handle<String> name, int parameter_count);
  MaybeHandle<FeedbackCell> NewFeedbackCell(Handle<Value> value);
  MaybeHandle<FeedbackVector> NewFeedbackVector(Handle<SharedFunctionInfo> shared, int slots);
  MaybeHandle<Closure> NewClosure(Handle<SharedFunctionInfo> shared, Handle<Value> context,
                                  Handle<FeedbackCell> feedback_cell);
  MaybeHandle<Context> NewContext(int length, Handle<Value> previous);  // slots nil
  MaybeHandle<Range> NewRange(Handle<Value> from, Handle<Value> to, bool inclusive);
  // All tagged fields nil except kind and name.
  MaybeHandle<TypeDescriptor> NewTypeDescriptor(TypeDescriptor::Kind kind, Handle<String> name);
  MaybeHandle<BytecodeArray> NewBytecodeArray(interpreter::BytecodeData* data,
                                              Handle<FixedArray> constant_pool);

  // Raw allocation with the shape installed; the caller initializes every other field
  // before allocating again. Empty on out of memory.
  // Inline: a bump of the new-space allocation area when it has room (what
  // Heap::AllocateRaw does first), else AllocateRawWithShapeSlow.
  inline bool AllocateRawWithShape(int size, AllocationType type, Shape shape, HeapObject* out);
  bool AllocateRawWithShapeSlow(int size, AllocationType type, Shape shape, HeapObject* out);

  Isolate* isolate() const { return isolate_; }

 private:
  MaybeHandle<SeqString> NewRawSeqStringWithFlags(uint32_t length, AllocationType type,
                                                  uint32_t flags);
  // The flat concatenation of two strings of `length` bytes in all (hash left to
  // EnsureHash).
  MaybeHandle<SeqString> NewFlatConcat(Handle<String> left, Handle<String> right, uint32_t length);
  // A rope node over `left` and `right`, whatever their lengths.
  MaybeHandle<String> NewConsNode(Handle<String> left, Handle<String> right, uint32_t length);
  friend class StringTable;
  friend bool SetUpReadOnlyRoots(Isolate* isolate);

  Isolate* isolate_;
};

// Copies `count` tagged slots and runs the write barrier when the target is not young.
void CopyTaggedSlots(HeapObject dst, int dst_offset, HeapObject src, int src_offset, int count);

}  // namespace ruchy::internal

#endif  // RUCHY_HEAP_FACTORY_H_
