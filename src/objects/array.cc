// Array element access, growth and elements-kind transitions.
#include "src/objects/array.h"

#include <algorithm>

#include "src/execution/isolate.h"
#include "src/objects/objects-inl.h"

namespace ruchy::internal {

namespace {

// Stores `value` (already admitted by the array's kind) at `index` < capacity.
void StoreElement(Array array, int index, Value value) {
  if (array.kind() == ElementsKind::kDouble) {
    FixedDoubleArray::cast(array.elements()).set(index, HeapNumber::cast(value).value());
  } else {
    FixedArray::cast(array.elements()).set(index, value);
  }
}

}  // namespace

ElementsKind Array::KindForValue(Value value) {
  if (value.IsSmi()) return ElementsKind::kSmi;
  if (value.IsHeapNumber()) return ElementsKind::kDouble;
  return ElementsKind::kGeneric;
}

ElementsKind Array::GeneralizeKind(ElementsKind current, ElementsKind wanted, bool empty) {
  if (current == wanted || current == ElementsKind::kGeneric) return current;
  if (current == ElementsKind::kSmi && wanted == ElementsKind::kDouble && empty) {
    return ElementsKind::kDouble;
  }
  return ElementsKind::kGeneric;
}

MaybeHandle<Value> Array::Get(Isolate* isolate, Handle<Array> array, int index) {
  CHECK(index >= 0 && index < array->length());
  if (array->kind() == ElementsKind::kDouble) {
    double value = FixedDoubleArray::cast(array->elements()).get(index);
    return isolate->factory()->NewHeapNumber(value);
  }
  return handle(array->GetTagged(index), isolate);
}

bool Array::TransitionElementsKind(Isolate* isolate, Handle<Array> array, ElementsKind to) {
  ElementsKind from = array->kind();
  if (from == to) return true;
  Factory* factory = isolate->factory();
  int length = array->length();
  int capacity = array->capacity();
  if (from == ElementsKind::kSmi && to == ElementsKind::kDouble) {
    CHECK_EQ(length, 0);  // an int must never turn into a float
    if (capacity > 0) {
      Handle<FixedDoubleArray> doubles;
      if (!factory->NewFixedDoubleArray(capacity).ToHandle(&doubles)) return false;
      array->set_elements(*doubles);
    }
  } else if (from == ElementsKind::kDouble && to == ElementsKind::kGeneric) {
    Handle<FixedArray> boxed = factory->empty_fixed_array();
    if (capacity > 0) {
      if (!factory->NewFixedArray(capacity).ToHandle(&boxed)) return false;
      for (int i = 0; i < length; ++i) {
        HandleScope scope(isolate);
        double value = FixedDoubleArray::cast(array->elements()).get(i);
        Handle<HeapNumber> number;
        if (!factory->NewHeapNumber(value).ToHandle(&number)) return false;  // array unchanged
        boxed->set(i, *number);
      }
    }
    array->set_elements(*boxed);
  } else {
    CHECK(from == ElementsKind::kSmi && to == ElementsKind::kGeneric);
    // A FixedArray of Smis is already a valid generic backing store.
  }
  array->set_shape(*factory->ArrayShapeFor(to));
  return true;
}

bool Array::EnsureCapacity(Isolate* isolate, Handle<Array> array, int capacity) {
  int current = array->capacity();
  if (capacity <= current) return true;
  if (capacity > kMaxLength) {
    isolate->ReportOutOfMemory();
    return false;
  }
  int64_t grown = std::max<int64_t>(capacity, int64_t{current} + current / 2 + 16);
  int new_capacity = static_cast<int>(std::min<int64_t>(grown, kMaxLength));
  Factory* factory = isolate->factory();
  if (array->kind() == ElementsKind::kDouble) {
    Handle<FixedDoubleArray> store;
    if (current == 0) {
      if (!factory->NewFixedDoubleArray(new_capacity).ToHandle(&store)) return false;
    } else {
      Handle<FixedDoubleArray> old(handle(FixedDoubleArray::cast(array->elements()), isolate));
      if (!factory->CopyFixedDoubleArray(old, new_capacity).ToHandle(&store)) return false;
    }
    array->set_elements(*store);
  } else {
    Handle<FixedArray> old(handle(FixedArray::cast(array->elements()), isolate));
    Handle<FixedArray> store;
    if (!factory->CopyFixedArray(old, new_capacity).ToHandle(&store)) return false;
    array->set_elements(*store);
  }
  return true;
}

bool Array::Set(Isolate* isolate, Handle<Array> array, int index, Handle<Value> value) {
  DCHECK(!array->is_shared());
  CHECK(index >= 0 && index < array->length());
  ElementsKind kind = GeneralizeKind(array->kind(), KindForValue(*value), false);
  if (!TransitionElementsKind(isolate, array, kind)) return false;
  StoreElement(*array, index, *value);
  return true;
}

bool Array::Push(Isolate* isolate, Handle<Array> array, Handle<Value> value) {
  DCHECK(!array->is_shared());
  int length = array->length();
  {
    // The common case: room in the store and a value the kind already admits.
    Array raw = *array;
    ElementsKind kind = raw.kind();
    if ((kind == ElementsKind::kGeneric || (kind == ElementsKind::kSmi && value->IsSmi())) &&
        length < raw.capacity()) {
      FixedArray::cast(raw.elements()).set(length, *value);
      raw.set_length(length + 1);
      return true;
    }
  }
  if (length >= kMaxLength) {
    isolate->ReportOutOfMemory();
    return false;
  }
  ElementsKind kind = GeneralizeKind(array->kind(), KindForValue(*value), length == 0);
  if (!TransitionElementsKind(isolate, array, kind)) return false;
  if (!EnsureCapacity(isolate, array, length + 1)) return false;
  StoreElement(*array, length, *value);
  array->set_length(length + 1);
  return true;
}

bool Array::PushRepeated(Isolate* isolate, Handle<Array> array, Handle<Value> value, int count) {
  DCHECK(!array->is_shared());
  DCHECK_GE(count, 0);
  int length = array->length();
  if (count > kMaxLength - length) {
    isolate->ReportOutOfMemory();
    return false;
  }
  if (count == 0) return true;
  ElementsKind kind = GeneralizeKind(array->kind(), KindForValue(*value), length == 0);
  if (!TransitionElementsKind(isolate, array, kind)) return false;
  if (!EnsureCapacity(isolate, array, length + count)) return false;
  if (array->kind() == ElementsKind::kDouble) {
    FixedDoubleArray elements = FixedDoubleArray::cast(array->elements());
    double number = HeapNumber::cast(*value).value();  // a double kind holds a float
    for (int i = 0; i < count; ++i) elements.set(length + i, number);
  } else {
    FixedArray elements = FixedArray::cast(array->elements());
    // A Smi needs no write barrier.
    WriteBarrierMode mode = value->IsSmi() ? WriteBarrierMode::kSkip : WriteBarrierMode::kUpdate;
    for (int i = 0; i < count; ++i) elements.set(length + i, *value, mode);
  }
  array->set_length(length + count);
  return true;
}

MaybeHandle<Value> Array::Pop(Isolate* isolate, Handle<Array> array) {
  DCHECK(!array->is_shared());
  int length = array->length();
  CHECK_GT(length, 0);
  Handle<Value> result;
  if (!Get(isolate, array, length - 1).ToHandle(&result)) return {};
  if (array->kind() != ElementsKind::kDouble) {
    // Drop the reference so the GC does not keep the popped value alive.
    FixedArray::cast(array->elements()).set(length - 1, isolate->nil_value());
  }
  array->set_length(length - 1);
  return result;
}

}  // namespace ruchy::internal
