// Array: the language's growable array. Elements live in a separate backing store
// (FixedArray or FixedDoubleArray) whose kind is recorded in the shape, so numeric arrays
// stay unboxed and inline caches key the elements kind on the shape.
#ifndef RUCHY_OBJECTS_ARRAY_H_
#define RUCHY_OBJECTS_ARRAY_H_

#include "src/objects/cow.h"
#include "src/objects/shape.h"

namespace ruchy::internal {

class Array : public CowContainer {
  RUCHY_OBJECT_CONSTRUCTORS(Array, CowContainer)

 public:
  static constexpr int kElementsOffset = 16;  // FixedArray or FixedDoubleArray
  static constexpr int kLengthOffset = 24;    // Smi; <= elements().length()
  static constexpr int kSize = 32;
  static constexpr int kTaggedBodyStart = kFlagsOffset;
  static constexpr int kMaxLength = (1 << 28) - 1;

  inline FixedArrayBase elements() const;
  inline void set_elements(FixedArrayBase value,
                           WriteBarrierMode mode = WriteBarrierMode::kUpdate) const;
  int length() const { return static_cast<int>(Smi::ToInt(ReadTagged(kLengthOffset))); }
  void set_length(int n) const { WriteTaggedNoBarrier(kLengthOffset, Smi::FromInt(n)); }
  inline ElementsKind kind() const;
  inline int capacity() const;

  // The most specific kind that can hold `value` as an element.
  static ElementsKind KindForValue(Value value);
  // The least kind that holds both (kinds only generalize).
  static ElementsKind GeneralizeKind(ElementsKind current, ElementsKind wanted, bool empty);

  // Element `index` (0 <= index < length) as a Value; double elements are boxed, which
  // may allocate. Empty result: out of memory.
  static MaybeHandle<Value> Get(Isolate* isolate, Handle<Array> array, int index);
  // Element access without boxing for the generic and Smi kinds.
  inline Value GetTagged(int index) const;

  // These mutate in place: the caller has already unshared the array (EnsureUnshared).
  // They return false when out of memory (pending on the isolate).
  [[nodiscard]] static bool Set(Isolate* isolate, Handle<Array> array, int index,
                                Handle<Value> value);
  [[nodiscard]] static bool Push(Isolate* isolate, Handle<Array> array, Handle<Value> value);
  // Push `count` times (vec![v; n]): one kind transition and one capacity check for all.
  [[nodiscard]] static bool PushRepeated(Isolate* isolate, Handle<Array> array, Handle<Value> value,
                                         int count);
  // Removes and returns the last element; the array must not be empty.
  static MaybeHandle<Value> Pop(Isolate* isolate, Handle<Array> array);
  [[nodiscard]] static bool EnsureCapacity(Isolate* isolate, Handle<Array> array, int capacity);
  [[nodiscard]] static bool TransitionElementsKind(Isolate* isolate, Handle<Array> array,
                                                   ElementsKind to);
};

}  // namespace ruchy::internal

#endif  // RUCHY_OBJECTS_ARRAY_H_
