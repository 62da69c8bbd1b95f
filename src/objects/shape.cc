// Shape lookups and the transition tree.
#include "src/objects/shape.h"

#include <algorithm>

#include "src/execution/isolate.h"
#include "src/objects/objects-inl.h"

namespace ruchy::internal {

namespace {
// Transition arrays: [count, name0, shape0, name1, shape1, ...].
constexpr int kTransitionCountIndex = 0;
constexpr int kFirstTransitionIndex = 1;
constexpr int kInitialTransitionCapacity = 2;
}  // namespace

int Shape::LookupField(String name) const {
  FixedArray names = descriptors();
  int count = number_of_fields();
  bool internalized = name.IsInternalized();
  for (int i = 0; i < count; ++i) {
    Value candidate = names.get(i);
    if (candidate == name) return i;
    if (!internalized && String::Equals(String::cast(candidate), name)) return i;
  }
  return -1;
}

Shape Shape::FindTransition(String name) const {
  Value transitions_value = transitions();
  if (!transitions_value.IsFixedArray()) return Shape();
  FixedArray array = FixedArray::cast(transitions_value);
  int count = static_cast<int>(Smi::ToInt(array.get(kTransitionCountIndex)));
  for (int i = 0; i < count; ++i) {
    int index = kFirstTransitionIndex + 2 * i;
    if (array.get(index) == name) return Shape::cast(array.get(index + 1));
  }
  return Shape();
}

MaybeHandle<Shape> Shape::AddField(Isolate* isolate, Handle<Shape> shape, Handle<String> name) {
  CHECK(name->IsInternalized());
  CHECK(!shape->is_struct_shape());  // struct layouts are fixed by their declaration
  Shape existing = shape->FindTransition(*name);
  if (existing.ptr() != 0) return handle(existing, isolate);

  Factory* factory = isolate->factory();
  int count = shape->number_of_fields();
  Handle<FixedArray> descriptors;
  if (!factory
           ->CopyFixedArray(handle(shape->descriptors(), isolate), count + 1, AllocationType::kOld)
           .ToHandle(&descriptors)) {
    return {};
  }
  descriptors->set(count, *name);
  Handle<Shape> child;
  if (!factory->NewShape(shape->instance_type(), shape->instance_size(), shape->elements_kind())
           .ToHandle(&child)) {
    return {};
  }
  child->set_descriptors(*descriptors);
  child->set_back_pointer(*shape);
  child->set_type_name(shape->type_name());
  child->set_number_of_fields(count + 1);
  child->set_inobject_fields(shape->inobject_fields());

  // Record the transition, growing the transition array when full.
  Value transitions_value = shape->transitions();
  Handle<FixedArray> transitions;
  int used = 0;
  if (transitions_value.IsFixedArray()) {
    transitions = handle(FixedArray::cast(transitions_value), isolate);
    used = static_cast<int>(Smi::ToInt(transitions->get(kTransitionCountIndex)));
  }
  int needed = kFirstTransitionIndex + 2 * (used + 1);
  if (transitions.is_null() || transitions->length() < needed) {
    int capacity = std::max(kInitialTransitionCapacity, used * 2);
    Handle<FixedArray> grown;
    if (!factory->NewFixedArray(kFirstTransitionIndex + 2 * capacity, AllocationType::kOld)
             .ToHandle(&grown)) {
      return {};
    }
    grown->set(kTransitionCountIndex, Smi::FromInt(used));
    for (int i = kFirstTransitionIndex; i < kFirstTransitionIndex + 2 * used; ++i) {
      grown->set(i, transitions->get(i));
    }
    transitions = grown;
    shape->set_transitions(*transitions);
  }
  transitions->set(kFirstTransitionIndex + 2 * used, *name);
  transitions->set(kFirstTransitionIndex + 2 * used + 1, *child);
  transitions->set(kTransitionCountIndex, Smi::FromInt(used + 1));
  return child;
}

}  // namespace ruchy::internal
