// Named-field access on plain objects: lookup through the shape, and adding a field by
// following (or creating) a transition.
#include "src/objects/struct-object.h"

#include <algorithm>

#include "src/execution/isolate.h"
#include "src/objects/objects-inl.h"

namespace ruchy::internal {

Value PlainObject::GetField(String name) const {
  int index = shape().LookupField(name);
  if (index < 0) return Page::FromHeapObject(*this)->heap()->isolate()->the_hole_value();
  return FieldAt(index);
}

bool PlainObject::SetField(Isolate* isolate, Handle<PlainObject> object, Handle<String> name,
                           Handle<Value> value) {
  int index = object->shape().LookupField(*name);
  if (index >= 0) {
    object->SetFieldAt(index, *value);
    return true;
  }
  Handle<String> internalized;
  if (!isolate->factory()->InternalizeString(name).ToHandle(&internalized)) return false;
  Handle<Shape> next;
  if (!Shape::AddField(isolate, handle(object->shape(), isolate), internalized).ToHandle(&next)) {
    return false;
  }
  index = next->number_of_fields() - 1;
  int inobject = next->inobject_fields();
  if (index >= inobject) {
    int needed = index - inobject + 1;
    Handle<FixedArray> properties = handle(object->properties(), isolate);
    if (properties->length() < needed) {
      int capacity = std::max(needed, std::max(4, properties->length() * 2));
      Handle<FixedArray> grown;
      if (!isolate->factory()->CopyFixedArray(properties, capacity).ToHandle(&grown)) return false;
      object->set_properties(*grown);
    }
  }
  object->set_shape(*next);
  object->SetFieldAt(index, *value);
  return true;
}

}  // namespace ruchy::internal
